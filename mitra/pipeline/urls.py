from django.urls import path

from mitra.pipeline import views

app_name = "pipeline"
urlpatterns = [
    path("", views.board, name="board"),
    path("<int:pk>/move/", views.move, name="move"),
]
