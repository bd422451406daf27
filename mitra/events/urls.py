from django.urls import path

from mitra.events import views

app_name = "events"
urlpatterns = [
    path("", views.index, name="list"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/signings/new/", views.add_signing, name="add_signing"),
    path("signings/<int:pk>/record/", views.record, name="record"),
    path("signings/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("signings/<int:pk>/edit/", views.edit_signing, name="edit_signing"),
    path("signings/<int:pk>/void/", views.void_signing, name="void_signing"),
    path("feeds/", views.feeds, name="feeds"),
    path("feeds/new/", views.create_feed, name="create_feed"),
    path("feeds/<int:pk>/revoke/", views.revoke_feed, name="revoke_feed"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
]
