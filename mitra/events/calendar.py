"""The month grid of the events page: weeks of days, each with the events and signings on it.

Stored dates can be anything a `DateField` holds (0001-01-01 to 9999-12-31): the grid only ever
walks the days it shows, so an event spanning millennia costs as much as one spanning a week.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from mitra.events.models import Event, PlannedSigning

ONE_DAY = timedelta(days=1)


@dataclass
class Day:
    date: date
    in_month: bool
    is_today: bool
    events: list[Event] = field(default_factory=list)
    signings: list[PlannedSigning] = field(default_factory=list)

    @property
    def busy(self) -> bool:
        """Something happens on this day: the days a phone lists, the others left out."""
        return bool(self.events or self.signings)


@dataclass(frozen=True)
class Month:
    first: date
    weeks: list[list[Day]]

    @property
    def previous(self) -> date | None:
        """The first of the previous month; None before the first month a date can hold."""
        if self.first.month > 1:
            return self.first.replace(month=self.first.month - 1)
        return None if self.first.year == date.min.year else date(self.first.year - 1, 12, 1)

    @property
    def next(self) -> date | None:
        """The first of the next month; None after the last month a date can hold."""
        if self.first.month < 12:
            return self.first.replace(month=self.first.month + 1)
        return None if self.first.year == date.max.year else date(self.first.year + 1, 1, 1)

    @property
    def busy(self) -> bool:
        """Something happens on a day of the grid."""
        return any(day.busy for week in self.weeks for day in week)


def _last_day(first: date) -> date:
    following = Month(first, []).next
    return following - ONE_DAY if following else date.max


def month_days(first: date) -> list[list[date]]:
    """The month's weeks from Monday, padded with the neighbouring months' days.

    Unlike `calendar.monthdatescalendar`, the last week stops short at 9999-12-31 rather than
    failing (0001-01-01 is a Monday, so the first week never needs padding before it).
    """
    day, last = first - timedelta(days=first.weekday()), _last_day(first)
    days = [day]
    while day != date.max and (day < last or day.weekday() != 6):
        day += ONE_DAY
        days.append(day)
    return [days[i : i + 7] for i in range(0, len(days), 7)]


def month_bounds(first: date) -> tuple[date, date]:
    weeks = month_days(first)
    return weeks[0][0], weeks[-1][-1]


def month_grid(
    first: date, events: list[Event], signings: list[PlannedSigning], today: date
) -> Month:
    """Weeks from Monday; an event shows on every day it runs, a signing on its event's first day.

    Each event is clipped to the grid before its days are walked.
    """
    weeks = month_days(first)
    days = {d: Day(d, d.month == first.month, d == today) for week in weeks for d in week}
    grid_start, grid_end = weeks[0][0], weeks[-1][-1]
    for event in events:
        start = max(event.starts_on, grid_start)
        end = min(event.ends_on or event.starts_on, grid_end)
        for offset in range((end - start).days + 1):
            days[start + timedelta(days=offset)].events.append(event)
    for signing in signings:
        if signing.event.starts_on in days:
            days[signing.event.starts_on].signings.append(signing)
    return Month(first, [[days[d] for d in week] for week in weeks])
