"""Calendar periods: the budget year and its semesters, quarters and months (plain Python).

The regional budget year (APBD) runs from 1 January to 31 December (UU 17/2003 Pasal 4), so
recurring obligations and evaluation cycles are aligned to it: a semester report is due by
30 June and 31 December, whenever in the year the agreement was signed.
"""

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def clipped(self, start: date, end: date | None) -> "Period":
        """This period cut down to the stretch from `start` to `end` (open when None)."""
        last = self.end if end is None else min(self.end, end)
        return Period(max(self.start, start), last)


def add_months(day: date, months: int) -> date:
    """The first of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_containing(day: date, months: int) -> Period:
    """The calendar period of `months` months (1, 3, 6 or 12) that contains `day`."""
    if months not in (1, 2, 3, 4, 6, 12):
        raise ValueError(f"a budget year cannot be divided into periods of {months} months")
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    return Period(start, add_months(start, months) - timedelta(days=1))


def periods_overlapping(start: date, end: date, months: int) -> list[Period]:
    """Every calendar period of `months` months that overlaps the days from `start` to `end`."""
    periods = []
    period = period_containing(start, months)
    while period.start <= end:
        periods.append(period)
        period = period_containing(period.end + timedelta(days=1), months)
    return periods


def previous_period(day: date, months: int) -> Period:
    """The last calendar period of `months` months that ended before `day`."""
    current = period_containing(day, months)
    return period_containing(current.start - timedelta(days=1), months)
