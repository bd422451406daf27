from django.urls import path

from mitra.partners import views

app_name = "partners"
urlpatterns = [
    path("", views.index, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
]
