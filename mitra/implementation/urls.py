from django.urls import path
from django.views.generic import RedirectView

from mitra.implementation import views

app_name = "implementation"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("export.xlsx", views.export, name="export"),
    # The settings moved to the tenant's one settings page (issue 13).
    path("settings/", RedirectView.as_view(pattern_name="tenancy:settings"), name="settings"),
    path("cooperations/<int:pk>/", views.cooperation, name="cooperation"),
    path("cooperations/<int:pk>/panel/", views.panel, name="panel"),
    path("cooperations/<int:pk>/items/new/", views.add_item, name="add_item"),
    path(
        "cooperations/<int:pk>/intended-outputs/new/",
        views.add_intended_output,
        name="add_intended_output",
    ),
    path(
        "cooperations/<int:pk>/intended-outputs/carry/",
        views.carry_intended_outputs,
        name="carry_intended_outputs",
    ),
    path("cooperations/<int:pk>/evaluations/new/", views.add_evaluation, name="add_evaluation"),
    path("items/<int:pk>/", views.item, name="item"),
    path("items/<int:pk>/edit/", views.edit_item, name="edit_item"),
    path("items/<int:pk>/progress/new/", views.add_progress, name="add_progress"),
    path("progress/<int:pk>/evidence/", views.evidence, name="evidence"),
    path("evaluations/<int:pk>/", views.evaluation, name="evaluation"),
    path("evaluations/<int:pk>/report.pdf", views.evaluation_pdf, name="evaluation_pdf"),
]
