"""Dates, numbers and money in the user's language (Babel): one definition for pages, PDFs,
spreadsheets and e-mails. Templates get these as built-in filters (`mitra.lib.templatetags`).

One date format per context, and only these (tests/test_dates_through_one_helper.py fails on a
template `|date:` or a date formatted anywhere else):

- tables, lists and labels (a select's options, a record's name): `medium_date`, "4 Des 2026";
  a point in time there: `moment`, "4 Des 2026, 14.05 WIB";
- prose and documents (sentences, headings, a record's facts, PDFs, e-mails, messages):
  `long_date`, "4 Desember 2026"; a point in time there: `long_moment`, "4 Desember 2026,
  14.05 WIB"; a month: `month_year`, "Desember 2026";
- inputs and addresses (a date field's value, a query string, a data attribute): `iso_date`,
  "2026-12-04", and `iso_month`, "2026-12".

A time of day always names the zone it is told in (WIB, WITA or WIT): a tenant's members see
their region's zone (mitra/regions/middleware.py), everyone else the installation's.

Django's own date formats (the admin, a date left unformatted) are set to the same medium
forms in `config/formats/`.
"""

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal, format_percent
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _


def _locale() -> str:
    return to_locale(get_language() or "id")


def _day(value: date | datetime) -> date:
    """A moment's day in local time; a date as it is."""
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@lru_cache(maxsize=4096)
def _formatted_day(day: date, width: str, locale: str) -> str:
    """A day as Babel writes it, kept: a page's tables write the same days again and again, and
    each Babel call costs about 50 µs (a list of 25 rows had 25 of them)."""
    return str(format_date(day, width, locale=locale))


def long_date(value: date | datetime | None) -> str:
    """ "19 Desember 2014" / "December 19, 2014": prose and documents; empty for no date."""
    if value is None or value == "":
        return ""
    return _formatted_day(_day(value), "long", _locale())


def medium_date(value: date | datetime | None) -> str:
    """ "19 Des 2014" / "Dec 19, 2014": tables, lists and labels; empty for no date."""
    if value is None or value == "":
        return ""
    return _formatted_day(_day(value), "medium", _locale())


def moment(value: datetime | None) -> str:
    """A point in time in local time in the active language ("19 Des 2014, 14.05 WIB")."""
    if value is None or value == "":
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    day = _formatted_day(local.date(), "medium", _locale())
    return f"{day}, {_time_of_day(local)}"


def long_moment(value: datetime | None) -> str:
    """A point in time in prose, in local time ("19 Desember 2014, 14.05 WIB"): a sentence beside
    other sentences that give their days in `long_date`."""
    if value is None or value == "":
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{long_date(local)}, {_time_of_day(local)}"


def _time_of_day(local: datetime) -> str:
    """ "14.05 WITA": a time of day and the zone it is told in, always. A tenant's members read
    their region's zone, Kemendagri and the e-mails of background commands the installation's
    (Asia/Jakarta), and a record is read by both; so no zone goes without saying. The
    abbreviations are the tz database's: WIB, WITA, WIT. A naive time has no zone to name."""
    shown = str(format_time(local, "short", locale=_locale()))
    zone = local.tzname() if timezone.is_aware(local) else None
    return f"{shown} {zone}" if zone else shown


def iso_date(value: date | datetime | None) -> str:
    """ "2014-12-19": a date for a machine (a date input, an address); empty for no date."""
    if value is None or value == "":
        return ""
    return _day(value).isoformat()


def iso_month(value: date | datetime | None) -> str:
    """ "2014-12": a month in an address (`?month=2014-12`); empty for no date."""
    return iso_date(value)[:7]


def month_year(value: date | None) -> str:
    """ "Desember 2014" / "December 2014": a month heading."""
    if value is None or value == "":
        return ""
    return str(format_date(value, "LLLL y", locale=_locale()))


def number(value: Decimal | float | int | str | None, digits: int = 0) -> str:
    """A number with the active language's separators: "1.250,5" / "1,250.5"; empty for none.

    `digits` is the most fraction digits shown; trailing zeros are dropped.
    """
    if value is None or value == "":
        return ""
    return _number(value, int(digits), _locale())


@lru_cache(maxsize=4096)
def _number(value: Decimal | float | int | str, digits: int, locale: str) -> str:
    """Babel takes ~0.1 ms a number; a report's summaries show hundreds, mostly the same few."""
    pattern = "#,##0" + (("." + "#" * digits) if digits > 0 else "")
    return str(format_decimal(value, format=pattern, locale=locale))


def percent(value: Decimal | float | int | None) -> str:
    """A share as a percentage: 0.4 is "40%"; empty for none."""
    if value is None or value == "":
        return ""
    return str(format_percent(value, locale=_locale()))


def rupiah(value: Decimal | float | int | str | None) -> str:
    """An amount in rupiah: "Rp1.250.000" / "IDR 1,250,000"; empty for none."""
    if value is None or value == "":
        return ""
    return str(format_currency(value, "IDR", "¤#,##0", locale=_locale(), currency_digits=False))


def person(user: models.Model | None) -> str:
    """A user's full name, else the username; "system" when no one (a command or import)."""
    if user is None:
        return _("system")
    full_name = getattr(user, "get_full_name", lambda: "")()
    return str(full_name or getattr(user, "username", user))
