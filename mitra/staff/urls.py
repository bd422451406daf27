from django.urls import path

from mitra.staff import views

app_name = "staff"
urlpatterns = [
    path("", views.index, name="list"),
    path("capacity/", views.capacity, name="capacity"),
    path("capacity/export.xlsx", views.capacity_xlsx, name="capacity_xlsx"),
    path("capacity/<slug:table>.csv", views.capacity_csv, name="capacity_csv"),
    path("<int:user_id>/", views.detail, name="detail"),
    path("<int:user_id>/edit/", views.edit, name="edit"),
    path("cooperations/<int:pk>/suggestions/", views.suggestions, name="suggestions"),
    path("cooperations/<int:pk>/owner/<int:user_id>/", views.make_owner, name="make_owner"),
]
