"""Open tasks in the calendar feeds: their due dates, added to `mitra.events.feeds`."""

from django.utils.translation import gettext as _
from icalendar import Event as VEvent

from mitra.events.feeds import entry
from mitra.events.models import CalendarFeed
from mitra.followups.models import Task


def task_entries(feed: CalendarFeed) -> list[VEvent]:
    """The due dates of the feed's open tasks: the tenant's, or only its user's."""
    tasks = Task.objects.open().filter(tenant=feed.tenant)
    if feed.user is not None:
        tasks = tasks.filter(assignee=feed.user)
    return [
        entry(f"task-{t.pk}", _("Due: %(task)s") % {"task": t.title}, t.due_date) for t in tasks
    ]
