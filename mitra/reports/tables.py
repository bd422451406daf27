"""The report's tables (`mitra.lib.reports`): every sheet of the XLSX, and the page's plain tables.

Dates are date cells, counts integers and medians decimals, so the office can sort, filter and
sum them; nothing is written as formatted text except names and labels.
"""

from collections.abc import Callable, Sequence

from django.utils.translation import gettext_lazy as _

from mitra.cooperations.models import DocumentParty
from mitra.cooperations.queries import StepRow, Tally
from mitra.lib.reports import Column, Table, Text, table
from mitra.lib.sheets import Value
from mitra.reports.overview import Overview
from mitra.reports.queries import DocumentRow, FollowUpRow, RegisterRow, Report
from mitra.reports.rollup import Rollup, RollupRow

Pair = tuple[Text, Value]
CountsOf = Callable[[RollupRow], list[int]]


def _about(report: Report) -> Table:
    pairs: list[Pair] = [
        (_("Regional government"), report.tenant_name),
        (_("Region"), report.region_name),
        (_("Cooperation unit"), report.cooperation_unit),
        (_("Period"), report.period_label),
        (_("From"), report.start),
        (_("To"), report.end),
        (_("Generated on"), report.generated_on),
        (_("Cooperations"), report.total),
    ]
    columns: list[Column[Pair]] = [
        Column(_("Item"), lambda p: str(p[0])),
        Column(_("Value"), lambda p: p[1]),
    ]
    return table("about", _("Report"), columns, pairs)


REGISTER: list[Column[RegisterRow]] = [
    Column(_("No."), lambda r: r.number),
    Column(_("Title"), lambda r: r.title),
    Column(_("Kind"), lambda r: r.kind_label),
    Column(_("Sub-form"), lambda r: r.sub_form_label),
    Column(_("Partners"), lambda r: "; ".join(r.partners)),
    Column(_("Countries"), lambda r: "; ".join(r.countries)),
    Column(_("Sectors"), lambda r: "; ".join(r.sectors)),
    Column(_("State at the end of the period"), lambda r: r.state_label),
    Column(_("Agreements"), lambda r: len(r.documents)),
    Column(_("Activities in the period"), lambda r: r.activity_count),
    Column(_("Last contact"), lambda r: r.last_contact),
]

Signed = tuple[RegisterRow, DocumentRow]  # a register row and one of its agreements


def _party(role: str, name: bool) -> Column[Signed]:
    def value(record: Signed) -> Value:
        party = next((p for p in record[1].numbers if p.role == role), None)
        if party is None:
            return ""
        return party.name if name else party.number

    header = DocumentParty.Role(role).label
    if name:
        return Column(header, value)
    return Column(_("Number (%(party)s)") % {"party": header}, value)


def _documents(report: Report) -> Table:
    parties = [_party(role, name) for role in DocumentParty.Role for name in (True, False)]
    columns: list[Column[Signed]] = [
        Column(_("No."), lambda s: s[0].number),
        Column(_("Cooperation"), lambda s: s[0].title),
        Column(_("Document"), lambda s: s[1].kind_label),
        Column(_("Title"), lambda s: s[1].title),
        *parties,
        Column(_("Date signed"), lambda s: s[1].date_signed),
        Column(_("Valid from"), lambda s: s[1].valid_from),
        Column(_("Valid until"), lambda s: s[1].valid_until),
        Column(
            _("Until terminated"), lambda s: str(_("yes") if s[1].until_terminated else _("no"))
        ),
    ]
    signed = [(row, document) for row in report.register for document in row.documents]
    return table("documents", _("Agreements"), columns, signed)


def _tally(slug: str, title: Text, column: Text, tallies: Sequence[Tally]) -> Table:
    """One count per value; where the values are abbreviations (KSDD, KSDPL ...), with a
    column saying what each stands for."""
    columns: list[Column[Tally]] = [Column(column, lambda t: t.label)]
    if any(t.description for t in tallies):
        columns.append(Column(_("Meaning"), lambda t: t.description))
    columns.append(Column(_("Cooperations"), lambda t: t.count))
    return table(slug, title, columns, tallies)


STEPS: list[Column[StepRow]] = [
    Column(_("Step"), lambda s: s.label),
    Column(_("Completed stays"), lambda s: s.count, digits=3),
    Column(_("Median days"), lambda s: float(s.median_days), digits=3),
    Column(_("Longest (days)"), lambda s: s.max_days, digits=3),
]


def steps_table(report: Report | Overview) -> Table:
    """Time per step: a sheet of the workbook, and the table of the page and the PDF."""
    empty = _("No step has been completed yet.")
    return table("steps", _("Time per step"), STEPS, report.steps, empty=empty)


FOLLOW_UP: list[Column[FollowUpRow]] = [
    Column(_("Cooperation"), lambda r: r.title),
    Column(_("State"), lambda r: r.state_label),
    Column(_("Reasons"), lambda r: "; ".join(r.reasons)),
]


def _nth(header: Text, counts: CountsOf, index: int) -> Column[RollupRow]:
    return Column(header, lambda r: counts(r)[index])


def _rollup(rollup: Rollup) -> Table:
    columns: list[Column[RollupRow]] = [
        Column(_("Region"), lambda r: r.region),
        Column(_("Regional government"), lambda r: r.name),
        *(_nth(kind.label, lambda r: r.by_kind, i) for i, kind in enumerate(rollup.kinds)),
        Column(_("Total"), lambda r: r.total),
        *(_nth(state.label, lambda r: r.by_state, i) for i, state in enumerate(rollup.states)),
    ]
    total: list[Value] = [
        str(_("Total")),
        "",
        *(k.count for k in rollup.kinds),
        rollup.total,
        *(s.count for s in rollup.states),
    ]
    return table("rollup", _("Regencies and cities"), columns, rollup.rows, footer=total)


def report_tables(report: Report) -> list[Table]:
    tables = [
        _about(report),
        table("register", _("Register"), REGISTER, report.register),
        _documents(report),
        _tally("by-state", _("By state"), _("State"), report.by_state),
        _tally("by-kind", _("By kind"), _("Kind"), report.by_kind),
        _tally("by-sector", _("By sector"), _("Sector"), report.by_sector),
        _tally("by-country", _("By country"), _("Country"), report.by_country),
        steps_table(report),
        table("follow-up", _("Needs follow-up"), FOLLOW_UP, report.follow_up.needing),
    ]
    if report.rollup is not None:
        tables.append(_rollup(report.rollup))
    return tables
