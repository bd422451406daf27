from django.urls import path

from mitra.tenancy import views

app_name = "tenancy"
urlpatterns = [
    path("", views.edit_settings, name="settings"),
]
