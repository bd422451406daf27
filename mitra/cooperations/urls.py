from django.urls import path

from mitra.cooperations import views

app_name = "cooperations"
urlpatterns = [
    path("", views.index, name="list"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/transition/", views.transition, name="transition"),
    path("<int:pk>/documents/new/", views.add_document, name="add_document"),
    path("documents/<int:pk>/download/", views.download_document, name="download_document"),
]
