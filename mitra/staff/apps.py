from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "mitra.staff"
    verbose_name = _("Staff")

    def ready(self) -> None:
        # The capacity report's downloads are built by the worker (mitra.downloads).
        from mitra.staff.files import register_kinds

        register_kinds()
