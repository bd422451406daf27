from django.urls import path

from mitra.api import views

app_name = "api_tokens"
urlpatterns = [
    path("", views.index, name="list"),
    path("new/", views.create, name="create"),
    path("<int:pk>/revoke/", views.revoke, name="revoke"),
]
