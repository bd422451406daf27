from django.urls import path

from mitra.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.index, name="index"),
    path("charts.json", views.charts, name="charts"),
    path("map.json", views.partner_map, name="map"),
    path("expiring/", views.expiring, name="expiring"),
    path("waiting/", views.waiting, name="waiting"),
    path("awaiting/", views.awaiting, name="awaiting"),
]
