"""The month grid costs the days it shows, whatever dates are stored (rows 6 and 8 of issue 12)."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from mitra.events.calendar import Month, month_bounds, month_days, month_grid
from mitra.events.models import Event
from mitra.events.tests.helpers import LOI, plan, sister_city_at_loi
from mitra.tenancy.models import Tenant

FAR_PAST, FAR_FUTURE = date.min, date.max  # 0001-01-01 and 9999-12-31, what a DateField holds


def _forever(tenant: Tenant, count: int) -> list[Event]:
    """Events stored straight through the ORM, as old rows or a bypassed check could leave them."""
    return Event.objects.bulk_create(
        Event(tenant=tenant, name=f"Forever {n}", starts_on=FAR_PAST, ends_on=FAR_FUTURE)
        for n in range(count)
    )


def _names_in_grid(month: Month) -> set[str]:
    return {event.name for week in month.weeks for day in week for event in day.events}


class CountingDate(date):
    """A date that counts each step taken from it: walking an event day by day from its
    stored start, as the grid once did, would step 3.6 million times for each of these events."""

    steps = 0

    def __add__(self, other: Any) -> Any:
        CountingDate.steps += 1
        return super().__add__(other)


def test_an_event_spanning_every_date_is_walked_only_on_the_days_shown(tenant: Tenant) -> None:
    events = _forever(tenant, 12)
    for event in events:
        event.starts_on = CountingDate(1, 1, 1)
        event.ends_on = CountingDate(9999, 12, 31)
    CountingDate.steps = 0
    month = month_grid(date(2026, 9, 1), events, [], date(2026, 9, 10))
    days = [day for week in month.weeks for day in week]
    assert len(days) == 35
    assert all(len(day.events) == 12 for day in days)
    assert CountingDate.steps <= 12 * len(days)
    assert CountingDate(2026, 1, 1) + timedelta(days=1) == date(2026, 1, 2)  # the counter counts


@pytest.mark.parametrize(
    ("first", "weeks", "start", "end"),
    [
        (date(1, 1, 1), 5, date(1, 1, 1), date(1, 2, 4)),
        (date(2026, 2, 1), 5, date(2026, 1, 26), date(2026, 3, 1)),
        (date(9999, 12, 1), 5, date(9999, 11, 29), FAR_FUTURE),
    ],
)
def test_the_grid_runs_from_monday_and_stops_at_the_last_date_there_is(
    first: date, weeks: int, start: date, end: date
) -> None:
    grid = month_days(first)
    assert len(grid) == weeks and month_bounds(first) == (start, end)
    assert all(len(week) == 7 for week in grid[:-1]) and grid[0][0].weekday() == 0


def test_the_first_and_last_months_have_no_link_beyond_them() -> None:
    assert Month(date(1, 1, 1), []).previous is None
    assert Month(date(1, 1, 1), []).next == date(1, 2, 1)
    assert Month(date(9999, 12, 1), []).next is None
    assert Month(date(9999, 12, 1), []).previous == date(9999, 11, 1)
    assert Month(date(2026, 1, 1), []).previous == date(2025, 12, 1)


@pytest.mark.parametrize("month", ["", "2026-09", "1900-01", "2100-12"])
def test_the_events_page_shows_twelve_endless_events_in_any_month(
    tenant: Tenant,
    client_as: Callable[[User], Client],
    cooperation_officer: User,
    month: str,
) -> None:
    client = client_as(cooperation_officer)
    _forever(tenant, 12)
    Event.objects.create(tenant=tenant, name="Last day", starts_on=date(2100, 12, 31))
    Event.objects.create(tenant=tenant, name="First day", starts_on=date(1900, 1, 1))
    response = client.get("/events/", {"month": month} if month else {})
    assert response.status_code == 200
    assert response.content.decode().count("Forever 11") >= 28
    shown = _names_in_grid(response.context["month"])
    assert ("Last day" in shown) == (month == "2100-12")
    assert ("First day" in shown) == (month == "1900-01")


@pytest.mark.parametrize("month", ["0001-01", "1899-12", "2101-01", "9999-12"])
def test_a_month_outside_the_dates_mitra_takes_is_refused_with_a_message(
    tenant: Tenant,
    client_as: Callable[[User], Client],
    cooperation_officer: User,
    month: str,
) -> None:
    _forever(tenant, 2)
    response = client_as(cooperation_officer).get("/events/", {"month": month})
    assert response.status_code == 400
    assert "1900" in response.content.decode() and "2100" in response.content.decode()


def test_the_month_query_loads_only_events_overlapping_the_grid(
    tenant: Tenant, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    Event.objects.create(tenant=tenant, name="Long ago", starts_on=FAR_PAST, ends_on=date(1, 1, 2))
    Event.objects.create(tenant=tenant, name="Far ahead", starts_on=FAR_FUTURE)
    Event.objects.create(tenant=tenant, name="Open start", starts_on=date(2026, 8, 31))
    response = client_as(cooperation_officer).get("/events/", {"month": "2026-09"})
    assert _names_in_grid(response.context["month"]) == {"Open start"}


@pytest.mark.parametrize(("starts", "ends"), [(FAR_PAST, FAR_FUTURE), (FAR_FUTURE, None)])
def test_an_event_with_extreme_dates_has_a_working_page(
    tenant: Tenant,
    client_as: Callable[[User], Client],
    cooperation_officer: User,
    starts: date,
    ends: date | None,
) -> None:
    event = Event.objects.create(tenant=tenant, name="Extreme", starts_on=starts, ends_on=ends)
    plan(event, sister_city_at_loi(tenant), LOI)
    client = client_as(cooperation_officer)
    assert client.get(event.get_absolute_url()).status_code == 200
    assert client.get(f"/events/{event.pk}/edit/").status_code == 200
