from django.urls import path

from mitra.downloads import views

app_name = "downloads"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.status, name="status"),
    path("<int:pk>/download/", views.download, name="download"),
]
