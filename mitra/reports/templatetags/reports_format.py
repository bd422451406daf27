"""Formatting for the report page and its print version: numbers and validity in the user's language.

Dates use `mitra_format` (`medium_date`, `long_date`); this adds what the report needs besides.
"""

from datetime import date
from decimal import Decimal

from babel.numbers import format_decimal
from django import template
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from mitra.cooperations.templatetags.mitra_format import medium_date

register = template.Library()


@register.filter
def number(value: int | float | Decimal | None) -> str:
    """ "1.234" and "12,5" in Indonesian, "1,234" and "12.5" in English; empty for none."""
    if value is None:
        return ""
    return str(format_decimal(value, locale=to_locale(get_language() or "id")))


@register.filter
def validity(document: object) -> str:
    """A document's term: "1 Jan 2020 – 31 Des 2025", "since 1 Jan 2020, until terminated" ..."""
    start: date | None = getattr(document, "valid_from", None)
    end: date | None = getattr(document, "valid_until", None)
    if getattr(document, "until_terminated", False):
        if start is None:
            return _("until terminated")
        return _("from %(start)s until terminated") % {"start": medium_date(start)}
    if start is None and end is None:
        return ""
    return f"{medium_date(start) or '…'} – {medium_date(end) or '…'}"
