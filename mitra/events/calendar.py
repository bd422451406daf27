"""The month grid of the events page: weeks of days, each with the events and signings on it."""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from mitra.events.models import Event, PlannedSigning


@dataclass
class Day:
    date: date
    in_month: bool
    is_today: bool
    events: list[Event] = field(default_factory=list)
    signings: list[PlannedSigning] = field(default_factory=list)


@dataclass(frozen=True)
class Month:
    first: date
    weeks: list[list[Day]]

    @property
    def previous(self) -> date:
        return (self.first - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return (self.first + timedelta(days=32)).replace(day=1)


def month_bounds(first: date) -> tuple[date, date]:
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    return weeks[0][0], weeks[-1][-1]


def month_grid(
    first: date, events: list[Event], signings: list[PlannedSigning], today: date
) -> Month:
    """Weeks from Monday; an event shows on every day it runs, a signing on its event's first day."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    days = {d: Day(d, d.month == first.month, d == today) for week in weeks for d in week}
    for event in events:
        day = event.starts_on
        while day <= (event.ends_on or event.starts_on):
            if day in days:
                days[day].events.append(event)
            day += timedelta(days=1)
    for signing in signings:
        if signing.event.starts_on in days:
            days[signing.event.starts_on].signings.append(signing)
    return Month(first, [[days[d] for d in week] for week in weeks])
