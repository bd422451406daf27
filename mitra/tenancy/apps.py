from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "mitra.tenancy"
    verbose_name = _("Tenancy")

    def ready(self) -> None:
        from django.contrib import admin

        from mitra.lib import forms, lookups

        lookups.register()
        forms.use_translated_blank_choice()
        # Django's admin calls itself "Django administration"; here it is Mitra's.
        admin.site.site_header = _("Mitra administration")
        admin.site.site_title = _("Mitra administration")
