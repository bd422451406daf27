from django.urls import path

from mitra.partners import views

app_name = "partners"
urlpatterns = [
    path("", views.index, name="list"),
    path("new/", views.create, name="create"),
    path("places/", views.place_options, name="place_options"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/contacts/new/", views.add_contact, name="add_contact"),
    path("contacts/<int:pk>/edit/", views.edit_contact, name="edit_contact"),
    path("contacts/<int:pk>/remove/", views.remove_contact, name="remove_contact"),
]
