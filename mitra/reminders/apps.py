from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "mitra.reminders"
    verbose_name = _("Reminders")

    def ready(self) -> None:
        from mitra.reminders.access import unread_count
        from mitra.tenancy.access import add_membership_figure

        add_membership_figure("unread_reminders", unread_count)
