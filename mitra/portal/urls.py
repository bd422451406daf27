from django.urls import path

from mitra.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("manage/", views.manage, name="manage"),
    path("manage/intro/", views.save_intro, name="save_intro"),
    path("manage/<int:pk>/", views.edit, name="edit"),
    path("manage/<int:pk>/unpublish/", views.unpublish, name="unpublish"),
    path("<slug:slug>/", views.tenant_page, name="tenant"),
    path("<slug:slug>/map.json", views.map_json, name="map_data"),
    path("<slug:slug>/<int:pk>/", views.detail, name="detail"),
]
