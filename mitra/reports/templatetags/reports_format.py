"""Formatting for the report page and its print version: numbers and validity in the user's language.

Dates and numbers are `mitra.lib.formatting`; this adds what the report needs besides.
"""

from datetime import date
from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from mitra.lib import formatting
from mitra.lib.formatting import medium_date

register = template.Library()


@register.filter
def number(value: int | float | Decimal | None) -> str:
    """ "1.234" and "12,5" in Indonesian, "1,234" and "12.5" in English; empty for none."""
    return formatting.number(value, 3)


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
