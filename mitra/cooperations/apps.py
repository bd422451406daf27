from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationsConfig(AppConfig):
    name = "mitra.cooperations"
    verbose_name = _("Cooperations")
