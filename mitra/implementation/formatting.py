"""Numbers, quantities and periods in the active language, for pages, PDFs and messages."""

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from mitra.implementation.periods import Period


def _locale() -> str:
    return to_locale(get_language() or "id")


def number(value: Decimal | float | int | None) -> str:
    """1.250,5 in Indonesian, 1,250.5 in English; trailing zeros dropped; empty for none."""
    if value is None:
        return ""
    return str(format_decimal(value, format="#,##0.##", locale=_locale()))


def quantity(value: Decimal | None, unit: str) -> str:
    """ "200 outlets"; empty for no value."""
    if value is None:
        return ""
    return f"{number(value)} {unit}".strip()


def percent(value: int | None) -> str:
    return "" if value is None else f"{value}%"


def long_date(value: date | None) -> str:
    if value is None:
        return ""
    return str(format_date(value, "long", locale=_locale()))


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
        return str(format_date(period.start, "LLLL y", locale=_locale()))
    return f"{long_date(period.start)} – {long_date(period.end)}"
