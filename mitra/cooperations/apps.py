from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationsConfig(AppConfig):
    name = "mitra.cooperations"
    verbose_name = _("Cooperations")

    def ready(self) -> None:
        # The register's exports are built by the worker (mitra.downloads, below this app).
        from mitra.cooperations.files import register_kinds

        register_kinds()
