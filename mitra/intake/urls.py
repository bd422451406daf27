from django.urls import path

from mitra.intake import views

app_name = "intake"
urlpatterns = [
    path("", views.index, name="list"),
    path("new/", views.submit, name="submit"),
    path("<int:pk>/", views.detail, name="review"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
    path("<int:pk>/dismiss/", views.dismiss, name="dismiss"),
]
