from django.urls import path

from mitra.cooperations import views

app_name = "cooperations"
urlpatterns = [
    path("", views.index, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
]
