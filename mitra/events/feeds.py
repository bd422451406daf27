"""The iCalendar (RFC 5545) feed behind a secret address: a tenant's or one person's calendar.

All entries are all-day: events, planned signings on their event's first day, due dates of open
tasks, and the last valid day of the tenant's documents. UIDs are stable, so calendar programs
update entries in place when the feed is fetched again.
"""

import re
from collections.abc import Callable
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from mitra.cooperations.models import Document
from mitra.events.models import CalendarFeed, Event, PlannedSigning

DOMAIN = "mitra"


# Control characters are not allowed in iCalendar text (RFC 5545, 3.3.11) and break readers.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _exclusive_end(start: date, end: date | None) -> date | None:
    """DTEND of an all-day entry is the day after its last; None when there is no such day.

    Any stored date is shown: an entry on 9999-12-31 has no DTEND (RFC 5545 then reads it as one
    day), and one running to 9999-12-31 ends a day early rather than breaking the whole feed.
    """
    last = max(end or start, start)
    if last < date.max:
        return last + timedelta(days=1)
    return date.max if start < date.max else None


def entry(uid: str, summary: str, start: date, end: date | None = None) -> VEvent:
    entry = VEvent()
    entry.add("uid", f"{uid}@{DOMAIN}")
    entry.add("summary", _CONTROL.sub(" ", summary))
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", start)
    exclusive_end = _exclusive_end(start, end)
    if exclusive_end is not None:
        entry.add("dtend", exclusive_end)
    return entry


def _events(feed: CalendarFeed) -> list[VEvent]:
    events = Event.objects.filter(tenant=feed.tenant)
    return [entry(f"event-{e.pk}", e.name, e.starts_on, e.ends_on) for e in events]


def _signings(feed: CalendarFeed) -> list[VEvent]:
    signings = PlannedSigning.objects.filter(
        event__tenant=feed.tenant, status=PlannedSigning.Status.PLANNED
    ).select_related("event", "cooperation")
    return [
        entry(
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


def _expiries(feed: CalendarFeed) -> list[VEvent]:
    documents = Document.objects.filter(
        cooperation__tenant=feed.tenant, valid_until__isnull=False, until_terminated=False
    )
    return [
        entry(
            f"document-expiry-{d.pk}",
            _("Expires: %(document)s") % {"document": d.title},
            d.valid_until,
        )
        for d in documents
        if d.valid_until is not None
    ]


Source = Callable[[CalendarFeed], list[VEvent]]

# Every kind of entry; the tests give each one the extreme dates a DateField can hold. Apps above
# this one add theirs in their AppConfig.ready() with `add_source` (followups: open tasks).
SOURCES: list[Source] = [_events, _signings, _expiries]


def add_source(source: Source) -> None:
    """Let an app above this one put its entries in every feed (once, however often called)."""
    if source not in SOURCES:
        SOURCES.append(source)


def feed_calendar(feed: CalendarFeed) -> bytes:
    """The feed's whole calendar as iCalendar bytes."""
    calendar = Calendar()
    calendar.add("prodid", "-//Mitra//Kerja Sama Daerah//ID")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _CONTROL.sub(" ", f"Mitra · {feed.tenant.name}"))
    for source in SOURCES:
        for entry in source(feed):
            calendar.add_component(entry)
    ical: bytes = calendar.to_ical()
    return ical
