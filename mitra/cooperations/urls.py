from django.urls import path

from mitra.cooperations import new_cooperation, views

app_name = "cooperations"
urlpatterns = [
    path("", views.index, name="list"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("new/", new_cooperation.create, name="create"),
    path("new/partner/", new_cooperation.new_partner, name="new_partner"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/audit/", views.audit, name="audit"),
    path("<int:pk>/transition/", views.transition, name="transition"),
    path(
        "<int:pk>/transition/<str:action>/confirm/",
        views.confirm_transition,
        name="confirm_transition",
    ),
    path("<int:pk>/consider/", views.consider, name="consider"),
    path("<int:pk>/documents/new/", views.add_document, name="add_document"),
    path("documents/<int:pk>/edit/", views.edit_document, name="edit_document"),
    path("documents/<int:pk>/void/", views.void_document, name="void_document"),
    path("documents/<int:pk>/download/", views.download_document, name="download_document"),
]
