from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "mitra.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        # The report's PDF and XLSX are built by the worker (mitra.downloads, below this app).
        from mitra.reports.files import register_kinds

        register_kinds()
