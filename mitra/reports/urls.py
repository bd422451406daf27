from django.urls import path

from mitra.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("report.pdf", views.report_pdf, name="pdf"),
    path("report.xlsx", views.report_xlsx, name="xlsx"),
]
