from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "mitra.reminders"
    verbose_name = _("Reminders")

    def ready(self) -> None:
        # A task given to someone, a central decision and the team's consideration are told at
        # once: the services where they happen run the hooks registered with them, and import
        # nothing of this app.
        from mitra.cooperations.services import after_consideration
        from mitra.followups.services import after_assignment
        from mitra.reminders.notices import (
            notify_assignees,
            notify_consideration,
            notify_decision,
        )
        from mitra.reviews.services import after_decision

        after_assignment(notify_assignees)
        after_decision(notify_decision)
        after_consideration(notify_consideration)

        from mitra.reminders.access import unread_count
        from mitra.tenancy.access import add_membership_figure

        add_membership_figure("unread_reminders", unread_count)
