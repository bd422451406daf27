"""Numbers, quantities and periods in the active language, for pages, PDFs and messages."""

from decimal import Decimal

from django.utils.translation import gettext as _

from mitra.implementation.periods import Period
from mitra.lib import formatting


def number(value: Decimal | float | int | None) -> str:
    """1.250,5 in Indonesian, 1,250.5 in English; at most two decimals; empty for none."""
    return formatting.number(value, 2)


def quantity(value: Decimal | None, unit: str) -> str:
    """ "200 outlets"; empty for no value."""
    if value is None:
        return ""
    return f"{number(value)} {unit}".strip()


def percent(value: int | None) -> str:
    """ "40%" for 40: a whole percentage in the active language; empty for none."""
    return "" if value is None else formatting.percent(value / 100)


long_date = formatting.long_date


def period_label(period: Period, months: int) -> str:
    """ "2026", "semester 2 2026", "quarter 3 2026" or "November 2026"."""
    year = period.start.year
    number_in_year = (period.start.month - 1) // months + 1
    if months == 12:
        return str(year)
    if months == 6:
        return _("semester %(number)d %(year)d") % {"number": number_in_year, "year": year}
    if months == 3:
        return _("quarter %(number)d %(year)d") % {"number": number_in_year, "year": year}
    if months == 1:
        return formatting.month_year(period.start)
    return f"{long_date(period.start)} – {long_date(period.end)}"
