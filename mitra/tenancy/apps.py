from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "mitra.tenancy"
    verbose_name = _("Tenancy")

    def ready(self) -> None:
        from mitra.lib import choices, forms, lookups

        lookups.register()
        forms.use_translated_blank_choice()
        forms.name_required_choices()
        choices.speed_up_choice_labels()
