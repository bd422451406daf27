"""The document a register row describes: its kind, its dates and one number per signing party.

The first party is the tenant itself (PIHAK PERTAMA), then the row's partners in the order
written. Numbers come from one "Nomor" cell ("12/KS/2021; 45/ABC/2021") or from one column
per party; a number already recorded for another cooperation, or repeated in the file, is an
error, since a document number identifies one document.
"""

import re
from datetime import date

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from mitra.cooperations import rules, workflow
from mitra.cooperations.models import Document, DocumentParty
from mitra.imports import values, vocabulary
from mitra.imports.cells import Cells, choose
from mitra.imports.matching import TenantContext
from mitra.imports.plans import ROLES, DocumentPlan, RowPlan
from mitra.lib.text import fold

NUMBER_COLUMNS: dict[str, str] = {
    "number_first": DocumentParty.Role.FIRST,
    "number_second": DocumentParty.Role.SECOND,
    "number_third": DocumentParty.Role.THIRD,
}
DOCUMENT_COLUMNS = (
    "document_kind",
    "document_title",
    "numbers",
    *NUMBER_COLUMNS,
    "place_signed",
    "date_signed",
    "valid_from",
    "valid_until",
    "term",
)
# Where a foreign cooperation stands once its MoU is signed: a row there describes the MoU.
AFTER_SIGNING = workflow.AFTER_SIGNING
MAX_TITLE, MAX_NUMBER, MAX_PLACE = 250, 120, 150


def kind_label(kind: str) -> str:
    return str(capfirst(Document.Kind(kind).label))


def plan_document(
    cells: Cells, plan: RowPlan, context: TenantContext, seen: dict[str, int]
) -> DocumentPlan | None:
    """The row's document, if it describes one; problems go to the row."""
    if not any(cells.has(name) for name in DOCUMENT_COLUMNS):
        return None
    kind = _kind(cells, plan)
    document = DocumentPlan(kind=kind, title=_title(cells, plan, kind))
    document.place_signed = cells.line("place_signed")
    if len(document.place_signed) > MAX_PLACE:
        cells.error(
            "place_signed",
            _("The place is longer than %(count)s characters.") % {"count": MAX_PLACE},
        )
    document.date_signed = _date(cells, "date_signed")
    for problem in rules.signed_by_today(document.date_signed, timezone.localdate()):
        cells.error("date_signed", problem)
    document.valid_from = _date(cells, "valid_from")
    document.valid_until, document.until_terminated = _validity(cells, document.start)
    for problem in rules.dates_in_order(document.start, document.valid_until):
        cells.error("valid_until", problem)
    document.numbers = _numbers(cells, plan, context, seen)
    return document


def _kind(cells: Cells, plan: RowPlan) -> str:
    domestic = plan.kind in workflow.DOMESTIC
    if not cells.has("document_kind"):
        if domestic:
            return Document.Kind.FRAMEWORK_AGREEMENT
        return Document.Kind.MOU if plan.state in AFTER_SIGNING else Document.Kind.LETTER_OF_INTENT
    found = vocabulary.document_kinds().candidates(cells.line("document_kind"))
    if domestic and found == {Document.Kind.MOU}:
        # Offices call a KB with another region an "MoU" (domain guide §9): it is a KB.
        return Document.Kind.FRAMEWORK_AGREEMENT
    return choose(
        cells, "document_kind", vocabulary.document_kinds(), Document.Kind.values, kind_label
    )


def _title(cells: Cells, plan: RowPlan, kind: str) -> str:
    title = cells.line("document_title")
    if len(title) > MAX_TITLE:
        cells.error(
            "document_title",
            _("The title is longer than %(count)s characters.") % {"count": MAX_TITLE},
        )
    if title or not kind:
        return title
    default = _("%(document)s: %(title)s") % {"document": kind_label(kind), "title": plan.title}
    return default[:MAX_TITLE]


def _date(cells: Cells, name: str) -> date | None:
    value = cells.value(name)
    if value is None:
        return None
    try:
        return values.parse_date(value)
    except values.BadValue as error:
        cells.error(name, str(error))
        return None


Validity = tuple[date | None, bool]  # (valid until, until terminated)


def _validity(cells: Cells, start: date | None) -> Validity:
    """(valid until, until terminated) from "Berlaku Sampai" as a date, a term or "sampai diakhiri",
    or else from "Jangka Waktu" counted from the start. Both cells are read, so a problem in
    either is reported; the term is counted only when "Berlaku Sampai" gives no answer."""
    until = _validity_in(cells, "valid_until", start)
    term = _validity_in(cells, "term", start, counted=until is None)
    return until or term or (None, False)


def _validity_in(
    cells: Cells, name: str, start: date | None, *, counted: bool = True
) -> Validity | None:
    """What one of the two cells says; None when it is empty or wrong (the problem recorded)."""
    value = cells.value(name)
    if value is None:
        return None
    if values.means_until_terminated(value):
        return None, True
    months = values.parse_term(value)
    if months is None and name == "valid_until":
        day = _date(cells, name)
        return None if day is None else (day, False)
    if months is None:
        cells.error(
            name,
            _("“%(value)s” is not a term: write it like “5 tahun”.") % {"value": cells.line(name)},
        )
        return None
    if not counted:
        return None
    if start is None:
        cells.error(name, _("A term needs a date of signing or a start date to count from."))
        return None
    try:
        return values.last_day_of_term(start, months), False
    except values.BadValue as problem:
        cells.error(name, str(problem))
        return None


def _numbers(
    cells: Cells, plan: RowPlan, context: TenantContext, seen: dict[str, int]
) -> dict[str, str]:
    given: dict[str, tuple[str, str]] = {}  # role -> (number, column)
    # "12/KS/2021; 45/ABC/2021", one per line, or "12/KS/2021 dan 45/ABC/2021".
    listed = values.split_list(re.sub(r"(?i)\s+dan\s+|\|", ";", cells.text("numbers")))
    if len(listed) > len(ROLES):
        cells.error(
            "numbers",
            _("Give at most three numbers, one per signing party, separated by semicolons."),
        )
        listed = []
    for role, number in zip(ROLES, listed, strict=False):
        given[role] = (number, "numbers")
    for name, role in NUMBER_COLUMNS.items():
        if cells.has(name):
            given[role] = (cells.line(name), name)
    # The parties the row names, resolved or not: a partner with a problem of its own (or a row
    # whose kind is unknown, which resolves none) does not make its number wrong too.
    parties = 1 + len(values.split_list(cells.text("partner")))
    numbers: dict[str, str] = {}
    for role, (number, name) in given.items():
        if ROLES.index(role) >= parties:
            cells.error(
                name, _("This number has no signing party: the row names too few partners.")
            )
        elif len(number) > MAX_NUMBER:
            cells.error(
                name, _("The number is longer than %(count)s characters.") % {"count": MAX_NUMBER}
            )
        elif _unique(cells, name, number, plan, context, seen):
            numbers[role] = number
    return numbers


def _unique(
    cells: Cells,
    name: str,
    number: str,
    plan: RowPlan,
    context: TenantContext,
    seen: dict[str, int],
) -> bool:
    key = fold(number)
    recorded = context.numbers.get(key)
    same = (
        plan.duplicate_of is not None
        and recorded is not None
        and (recorded.document.cooperation_id == plan.duplicate_of.pk)
    )
    if recorded is not None and not same:
        cells.error(
            name,
            _("Number %(number)s is already recorded for “%(document)s” of “%(cooperation)s”.")
            % {
                "number": number,
                "document": recorded.document.title,
                "cooperation": recorded.document.cooperation.title,
            },
        )
        return False
    if key in seen:
        cells.error(
            name,
            _("Number %(number)s already appears in row %(row)s.")
            % {"number": number, "row": seen[key]},
        )
        return False
    seen[key] = cells.number
    return True
