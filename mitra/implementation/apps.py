from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImplementationConfig(AppConfig):
    name = "mitra.implementation"
    verbose_name = _("Implementation")

    def ready(self) -> None:
        # The overview's XLSX is built by the worker (mitra.downloads, below this app).
        from mitra.implementation.files import register_kinds

        register_kinds()
