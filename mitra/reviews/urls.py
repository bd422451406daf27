from django.urls import path

from mitra.reviews import views

app_name = "reviews"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/decide/", views.decide, name="decide"),
    path("documents/<int:pk>/download/", views.document, name="document"),
    path("cooperations/<int:pk>/resubmit/", views.resubmit, name="resubmit"),
]
