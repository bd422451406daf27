"""The report as an XLSX workbook: one sheet per table, typed cells, bold frozen header rows.

Dates are date cells, counts integers and medians decimals, so the office can sort, filter and
sum them; nothing is written as formatted text except names and labels.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from mitra.cooperations.models import DocumentParty
from mitra.dashboard.queries import Tally
from mitra.lib import sheets
from mitra.reports.queries import DocumentRow, Report
from mitra.reports.rollup import Rollup

Cell = str | int | float | date | None


@dataclass(frozen=True)
class Table:
    title: str
    headers: list[str]
    rows: list[list[Cell]]


def _about(report: Report) -> Table:
    rows: list[list[Cell]] = [
        [_("Regional government"), report.tenant_name],
        [_("Region"), report.region_name],
        [_("Cooperation unit"), report.cooperation_unit],
        [_("Period"), report.period_label],
        [_("From"), report.start],
        [_("To"), report.end],
        [_("Generated on"), report.generated_on],
        [_("Cooperations"), report.total],
    ]
    return Table(_("Report"), [_("Item"), _("Value")], rows)


def _register(report: Report) -> Table:
    headers = [
        _("No."),
        _("Title"),
        _("Kind"),
        _("Sub-form"),
        _("Partners"),
        _("Countries"),
        _("Sectors"),
        _("State at the end of the period"),
        _("Agreements"),
        _("Activities in the period"),
        _("Last contact"),
    ]
    rows: list[list[Cell]] = [
        [
            row.number,
            row.title,
            row.kind_label,
            row.sub_form_label,
            "; ".join(row.partners),
            "; ".join(row.countries),
            "; ".join(row.sectors),
            row.state_label,
            len(row.documents),
            row.activity_count,
            row.last_contact,
        ]
        for row in report.register
    ]
    return Table(_("Register"), headers, rows)


def _party_cells(document: DocumentRow) -> list[Cell]:
    parties = {party.role: party for party in document.numbers}
    cells: list[Cell] = []
    for role in DocumentParty.Role:
        party = parties.get(role)
        cells += [party.name if party else "", party.number if party else ""]
    return cells


def _documents(report: Report) -> Table:
    party_headers = []
    for role in DocumentParty.Role:
        party_headers += [str(role.label), _("Number (%(party)s)") % {"party": role.label}]
    headers = [
        _("No."),
        _("Cooperation"),
        _("Document"),
        _("Title"),
        *party_headers,
        _("Date signed"),
        _("Valid from"),
        _("Valid until"),
        _("Until terminated"),
    ]
    rows: list[list[Cell]] = [
        [
            row.number,
            row.title,
            document.kind_label,
            document.title,
            *_party_cells(document),
            document.date_signed,
            document.valid_from,
            document.valid_until,
            _("yes") if document.until_terminated else _("no"),
        ]
        for row in report.register
        for document in row.documents
    ]
    return Table(_("Agreements"), headers, rows)


def _tally(title: str, column: str, tallies: Sequence[Tally]) -> Table:
    rows: list[list[Cell]] = [[t.label, t.count] for t in tallies]
    return Table(title, [column, _("Cooperations")], rows)


def _steps(report: Report) -> Table:
    headers = [_("Step"), _("Completed stays"), _("Median days"), _("Longest (days)")]
    rows: list[list[Cell]] = [
        [s.label, s.count, float(s.median_days), s.max_days] for s in report.steps
    ]
    return Table(_("Time per step"), headers, rows)


def _follow_up(report: Report) -> Table:
    rows: list[list[Cell]] = [
        [row.title, row.state_label, "; ".join(row.reasons)] for row in report.follow_up.needing
    ]
    return Table(_("Needs follow-up"), [_("Cooperation"), _("State"), _("Reasons")], rows)


def _rollup(rollup: Rollup) -> Table:
    headers = [_("Region"), _("Regional government"), *(k.label for k in rollup.kinds), _("Total")]
    headers += [state.label for state in rollup.states]
    rows: list[list[Cell]] = [
        [row.region, row.name, *row.by_kind, row.total, *row.by_state] for row in rollup.rows
    ]
    rows.append(
        [
            _("Total"),
            "",
            *(k.count for k in rollup.kinds),
            rollup.total,
            *(s.count for s in rollup.states),
        ]
    )
    return Table(_("Regencies and cities"), headers, rows)


def report_tables(report: Report) -> list[Table]:
    tables = [
        _about(report),
        _register(report),
        _documents(report),
        _tally(_("By state"), _("State"), report.by_state),
        _tally(_("By kind"), _("Kind"), report.by_kind),
        _tally(_("By sector"), _("Sector"), report.by_sector),
        _tally(_("By country"), _("Country"), report.by_country),
        _steps(report),
        _follow_up(report),
    ]
    if report.rollup is not None:
        tables.append(_rollup(report.rollup))
    return tables


def render_xlsx(report: Report) -> bytes:
    return sheets.to_xlsx(report_tables(report), wrap_headers=True)
