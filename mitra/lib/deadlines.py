"""One rule for every due date Mitra shows: overdue, due today, due soon, or later.

A day something must be done by (a task, an evaluation, a recurring obligation, a milestone, a
document's end) is overdue from the day after it; `due_status` says which of the four it is and
by how many days, `overdue_q` is its twin in SQL, and `templates/_due.html` shows the result
(a red "terlambat N hari" when overdue) through the built-in filter `due_status`. Every page
that shows such a day goes through them (`tests/test_one_overdue_rule.py`).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.db.models import Q

SOON_DAYS = 7  # "due soon" unless the caller knows its own notice (a document's lead days)


class DueState(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    SOON = "soon"
    LATER = "later"


@dataclass(frozen=True)
class DueDate:
    """A due day judged against today: its state, and the whole days past it (overdue) or
    left until it (soon, later); 0 on the day itself."""

    day: date
    state: DueState
    days: int

    @property
    def overdue(self) -> bool:
        return self.state == DueState.OVERDUE


def due_status(day: date, today: date, *, soon_days: int = SOON_DAYS) -> DueDate:
    """Where `day` stands on `today`: overdue once it has passed, due today on the day, due soon
    within `soon_days`, else later."""
    if day < today:
        return DueDate(day, DueState.OVERDUE, (today - day).days)
    left = (day - today).days
    if left == 0:
        return DueDate(day, DueState.TODAY, 0)
    return DueDate(day, DueState.SOON if left <= soon_days else DueState.LATER, left)


def is_overdue(day: date, today: date) -> bool:
    return due_status(day, today).overdue


def overdue_q(field: str, today: date) -> Q:
    """The SQL twin of `is_overdue` for the date column `field`."""
    return Q(**{f"{field}__lt": today})


def overdue_for_more_than(day: date, today: date, days: int) -> bool:
    """More than `days` whole days past `day` (an escalation's threshold; overdue when days >= 0)."""
    return (today - day).days > days


def overdue_for_more_than_q(field: str, today: date, days: int) -> Q:
    """The SQL twin of `overdue_for_more_than` for the date column `field`."""
    return Q(**{f"{field}__lt": today - timedelta(days=days)})
