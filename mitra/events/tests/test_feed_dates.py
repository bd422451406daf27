"""Every source of the feeds and the month grid, with the extreme dates a DateField holds (row 8).

The rows are written straight through the ORM, as old data or a bypassed check could leave them:
whatever is stored, every feed answers with an iCalendar that parses back, and the events page
renders.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from icalendar import Calendar

from mitra.cooperations.models import Document
from mitra.events import feeds, services
from mitra.events.calendar import month_grid
from mitra.events.models import Event, PlannedSigning, feed_url
from mitra.events.tests.helpers import LOI, make_event, plan, sister_city_at_loi
from mitra.followups.models import Task
from mitra.tenancy.models import Tenant
from tests.factories import make_document

EXTREMES = [date.min, date.max]  # 0001-01-01 and 9999-12-31


def _event(tenant: Tenant, officer: User, day: date) -> str:
    event = Event.objects.create(tenant=tenant, name="Extreme", starts_on=day, ends_on=day)
    return f"event-{event.pk}"


def _signing(tenant: Tenant, officer: User, day: date) -> str:
    event = make_event(tenant)
    signing = plan(event, sister_city_at_loi(tenant), LOI)
    Event.objects.filter(pk=event.pk).update(starts_on=day, ends_on=None)
    return f"signing-{signing.pk}"


def _task(tenant: Tenant, officer: User, day: date) -> str:
    task = Task.objects.create(tenant=tenant, title="Extreme", assignee=officer, due_date=day)
    return f"task-{task.pk}"


def _expiry(tenant: Tenant, officer: User, day: date) -> str:
    document = make_document(sister_city_at_loi(tenant), kind=Document.Kind.MOU, title="Extreme")
    Document.objects.filter(pk=document.pk).update(valid_from=None, valid_until=day)
    return f"document-expiry-{document.pk}"


# One row maker per source of the feeds, by the source's name.
MAKERS: dict[str, Callable[[Tenant, User, date], str]] = {
    "_events": _event,
    "_signings": _signing,
    "task_entries": _task,
    "_expiries": _expiry,
}


def test_every_source_of_the_feeds_is_tested_with_extreme_dates() -> None:
    assert set(MAKERS) == {source.__name__ for source in feeds.SOURCES}


def _fetch(client: Client, raw: str) -> dict[str, Any]:
    response = client.get(feed_url(raw))
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    return {str(entry["UID"]).removesuffix("@mitra"): entry for entry in calendar.walk("VEVENT")}


@pytest.mark.parametrize("day", EXTREMES, ids=str)
@pytest.mark.parametrize("source", sorted(MAKERS))
@pytest.mark.parametrize("scope", ["tenant", "personal"])
def test_every_feed_shows_an_entry_on_any_stored_date(
    tenant: Tenant, cooperation_officer: User, client: Client, source: str, day: date, scope: str
) -> None:
    uid = MAKERS[source](tenant, cooperation_officer, day)
    user = cooperation_officer if scope == "personal" else None
    _feed, raw = services.create_feed(tenant, user=user, by=cooperation_officer)
    entry = _fetch(client, raw)[uid]
    assert entry.decoded("DTSTART") == day
    if "DTEND" in entry:
        assert entry.decoded("DTEND") > day


def test_an_event_running_to_the_last_date_ends_as_late_as_a_date_can(
    tenant: Tenant, client: Client
) -> None:
    event = Event.objects.create(
        tenant=tenant, name="Endless", starts_on=date.min, ends_on=date.max
    )
    _feed, raw = services.create_feed(tenant, user=None, by=None)
    entry = _fetch(client, raw)[f"event-{event.pk}"]
    assert entry.decoded("DTSTART") == date.min and entry.decoded("DTEND") == date.max


def test_control_characters_stored_in_a_name_do_not_reach_the_feed(
    tenant: Tenant, client: Client
) -> None:
    event = Event.objects.create(
        # PostgreSQL cannot store NUL at all; the other control characters it keeps.
        tenant=tenant,
        name="F8\x0b\x1b\x7f\x85",
        starts_on=date(2026, 9, 1),
    )
    _feed, raw = services.create_feed(tenant, user=None, by=None)
    response = client.get(feed_url(raw))
    assert not any(ch in response.content for ch in b"\x0b\x1b\x7f")
    assert "\x85" not in response.content.decode()
    assert str(_fetch(client, raw)[f"event-{event.pk}"]["SUMMARY"]).startswith("F8")


@pytest.mark.parametrize("month", ["0001-01", "9999-12"])
@pytest.mark.parametrize("source", ["_events", "_signings"])
def test_the_month_grid_shows_the_sources_it_draws_on_any_stored_date(
    tenant: Tenant,
    cooperation_officer: User,
    client_as: Callable[[User], Client],
    source: str,
    month: str,
) -> None:
    """The page refuses months outside 1900-2100 (no date there can be entered); the grid itself
    still draws whatever is stored, up to the first and last days a date can hold."""
    day = date.min if month == "0001-01" else date.max
    MAKERS[source](tenant, cooperation_officer, day)
    first = day.replace(day=1)
    events = list(Event.objects.filter(tenant=tenant))
    signings = list(PlannedSigning.objects.filter(event__tenant=tenant).select_related("event"))
    weeks = month_grid(first, events, signings, date(2026, 12, 6)).weeks
    found = next(d for week in weeks for d in week if d.date == day)
    assert len(found.events if source == "_events" else found.signings) == 1
    response = client_as(cooperation_officer).get("/events/", {"month": month})
    assert response.status_code == 400
