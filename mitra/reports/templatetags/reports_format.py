"""Formatting for the report page and its print version: numbers and validity in the user's language.

Dates and numbers are `mitra.lib.formatting`; this adds what the report needs besides.
"""

import re
from datetime import date
from decimal import Decimal
from functools import lru_cache

from django import template
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from mitra.lib import formatting
from mitra.lib.formatting import medium_date
from mitra.reports.queries import DocumentRow, RegisterRow

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
        return _("from %(start)s until terminated") % {"start": _on(start)}
    if start is None and end is None:
        return ""
    return f"{_on(start) or '…'} – {_on(end) or '…'}"


# --- The register's entries in the PDF ---------------------------------------------------------
# One line of text per cooperation, joined here rather than by the template: a big city's
# register is two thousand entries, and each inline element and template tag of an entry costs
# WeasyPrint and Django time for every one of them.

# Between the parts of an entry; the no-break space binds the "·" to the part before it, so
# that a wrapped line of the PDF or the page never starts with it (as the templates do).
SEPARATOR = "\u00a0· "
ENDING_ABBREVIATION = re.compile(r"\s*\(([^()]+)\)$")


def short_kind(label: str) -> str:
    """ "KB" for "kesepakatan bersama (KB)": the abbreviation a label ends with, else the label."""
    found = ENDING_ABBREVIATION.search(label)
    return found.group(1) if found else label


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def repeats_cooperation(document: DocumentRow, cooperation_title: str) -> bool:
    """Whether a document's title says no more than its kind and its cooperation's title, as
    "KB: Kerja sama air bersih", the title an import gives a document named in no cell."""
    title = _words(document.title)
    return title in (
        _words(cooperation_title),
        _words(f"{document.kind_label} {cooperation_title}"),
    )


@lru_cache(maxsize=4096)
def _day(day: date, language: str | None) -> str:
    return medium_date(day)


def _on(day: date | None) -> str:
    return "" if day is None else _day(day, get_language())


def _numbers(document: DocumentRow, region: str) -> list[str]:
    """The region's own number first, unnamed ("No. KS/12/2024"), then each other party's."""
    own = [p for p in document.numbers if _words(p.name) == _words(region)]
    others = [p for p in document.numbers if p not in own]
    label = _("No.")
    numbers = [f"{label} {party.number or '—'}" for party in own]
    return numbers + [f"{party.name}: {party.number or '—'}" for party in others]


def _term(document: DocumentRow) -> str:
    """How long it holds, shorter when it took effect on the day it was signed."""
    valid = _("valid")
    if document.date_signed is None or document.valid_from != document.date_signed:
        term = validity(document)
        return f"{valid} {term}" if term else ""
    if document.until_terminated:
        until = _("until terminated")
        return f"{valid} {until}"
    if document.valid_until:
        return _("valid until %(day)s") % {"day": _on(document.valid_until)}
    return ""


def _document(document: DocumentRow, cooperation_title: str, region: str) -> str:
    """ "KB (No. KS/12/2024; Mitra: PKS/12/2024; signed 10 Okt 2024; valid until ...)": the kind's
    abbreviation, the title unless it only repeats the kind or the cooperation's, the numbers,
    the day of signing and the term."""
    kind = short_kind(document.kind_label)
    name = kind
    if document.title and not repeats_cooperation(document, cooperation_title):
        title = _words(document.title)
        name = document.title if title[:1] == _words(kind) else f"{kind} {document.title}"
    details = _numbers(document, region)
    if document.date_signed:
        signed = _("signed")
        details.append(f"{signed} {_on(document.date_signed)}")
    details.append(_term(document))
    details = [detail for detail in details if detail]
    return f"{name} ({'; '.join(details)})" if details else name


def _activities(row: RegisterRow) -> str:
    count = ngettext("%(count)s activity", "%(count)s activities", row.activity_count) % {
        "count": number(row.activity_count)
    }
    if row.last_contact is None:
        return count
    return _("%(count)s, the last on %(day)s") % {"count": count, "day": _on(row.last_contact)}


@register.filter
def register_details(row: RegisterRow, region: str) -> str:
    """A register entry after its number and title: kind, state at the end of the period,
    partners and their countries, sectors, each agreement, the activities of the period and the
    last contact. `region` is the report's government, whose own numbers go unnamed."""
    kind = f"{row.kind_label} ({row.sub_form_label})" if row.sub_form_label else row.kind_label
    partners = ", ".join(row.partners) or "—"
    if row.countries:
        partners += f" ({', '.join(row.countries)})"
    partners = _("Partners: %(names)s") % {"names": partners}
    parts = [kind, row.state_label, partners, ", ".join(row.sectors)]
    parts += [_document(document, row.title, region) for document in row.documents]
    parts.append(_activities(row))
    return SEPARATOR.join(part for part in parts if part)


@register.filter
def register_key(rows: list[RegisterRow]) -> str:
    """The abbreviations the entries use, with their names: "KSDD: with another region · ...
    KB: framework agreement"."""
    kinds = dict.fromkeys(row.kind_name for row in rows)
    documents = {
        short_kind(d.kind_label): ENDING_ABBREVIATION.sub("", d.kind_label)
        for row in rows
        for d in row.documents
        if ENDING_ABBREVIATION.search(d.kind_label)
    }
    named = [f"{short}: {name}" for short, name in sorted(documents.items())]
    return SEPARATOR.join([*kinds, *named])
