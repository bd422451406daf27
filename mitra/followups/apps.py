from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupsConfig(AppConfig):
    name = "mitra.followups"
    verbose_name = _("Follow-up")

    def ready(self) -> None:
        # Open tasks' due dates appear in the calendar feeds, which the events app (below this
        # one) serves: it offers the hook, this app registers its entries.
        from mitra.events import feeds
        from mitra.followups.feeds import task_entries

        feeds.add_source(task_entries)
