"""The iCalendar (RFC 5545) feed behind a secret address: a tenant's or one person's calendar.

All entries are all-day: events, planned signings on their event's first day, due dates of open
tasks, and the last valid day of the tenant's documents. UIDs are stable, so calendar programs
update entries in place when the feed is fetched again.
"""

from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from mitra.cooperations.models import Document
from mitra.events.models import CalendarFeed, Event, PlannedSigning
from mitra.followups.models import Task

DOMAIN = "mitra"


def _entry(uid: str, summary: str, start: date, end: date | None = None) -> VEvent:
    entry = VEvent()
    entry.add("uid", f"{uid}@{DOMAIN}")
    entry.add("summary", summary)
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", start)
    entry.add("dtend", (end or start) + timedelta(days=1))  # DTEND of a date is exclusive
    return entry


def _events(feed: CalendarFeed) -> list[VEvent]:
    events = Event.objects.filter(tenant=feed.tenant)
    return [_entry(f"event-{e.pk}", e.name, e.starts_on, e.ends_on) for e in events]


def _signings(feed: CalendarFeed) -> list[VEvent]:
    signings = PlannedSigning.objects.filter(
        event__tenant=feed.tenant, status=PlannedSigning.Status.PLANNED
    ).select_related("event", "cooperation")
    return [
        _entry(
            f"signing-{s.pk}",
            _("Signing %(document)s: %(cooperation)s")
            % {
                "document": Document.Kind(s.document_kind).label,
                "cooperation": s.cooperation.title,
            },
            s.event.starts_on,
        )
        for s in signings
    ]


def _tasks(feed: CalendarFeed) -> list[VEvent]:
    tasks = Task.objects.open().filter(tenant=feed.tenant)
    if feed.user is not None:
        tasks = tasks.filter(assignee=feed.user)
    return [
        _entry(f"task-{t.pk}", _("Due: %(task)s") % {"task": t.title}, t.due_date) for t in tasks
    ]


def _expiries(feed: CalendarFeed) -> list[VEvent]:
    documents = Document.objects.filter(
        cooperation__tenant=feed.tenant, valid_until__isnull=False, until_terminated=False
    )
    return [
        _entry(
            f"document-expiry-{d.pk}",
            _("Expires: %(document)s") % {"document": d.title},
            d.valid_until,
        )
        for d in documents
        if d.valid_until is not None
    ]


def feed_calendar(feed: CalendarFeed) -> bytes:
    """The feed's whole calendar as iCalendar bytes."""
    calendar = Calendar()
    calendar.add("prodid", "-//Mitra//Kerja Sama Daerah//ID")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Mitra · {feed.tenant.name}")
    for entry in [*_events(feed), *_signings(feed), *_tasks(feed), *_expiries(feed)]:
        calendar.add_component(entry)
    ical: bytes = calendar.to_ical()
    return ical
