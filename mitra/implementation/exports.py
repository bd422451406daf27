"""The leadership view as an XLSX workbook: one sheet per table, typed cells.

Numbers stay numbers, dates dates and shares percentages, so the workbook can be summed and
charted; text follows the active language. `overview_tables` is public so the reports module
can put the same tables in its own exports.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from mitra.cooperations import workflow
from mitra.implementation.formatting import quantity
from mitra.implementation.models import BenefitKind
from mitra.implementation.overview import CooperationRow, GroupRow, Overview
from mitra.implementation.progress import Benefits, ItemProgress, TargetLine
from mitra.lib import sheets
from mitra.lib.sheets import Percent

Cell = str | int | float | Decimal | date | None


@dataclass(frozen=True)
class Table:
    slug: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]


def _share(value: float | None) -> Percent | None:
    return None if value is None else Percent(value)


def _promised(lines: list[TargetLine]) -> str:
    return "; ".join(quantity(line.target, line.unit) for line in lines)


def _delivered(lines: list[TargetLine]) -> str:
    return "; ".join(quantity(line.achieved, line.unit) for line in lines)


def _benefit_headers() -> list[str]:
    return [str(label) for label in BenefitKind.labels]


def _benefit_cells(benefits: Benefits) -> list[Cell]:
    return [benefits.get(kind) for kind in BenefitKind.values]


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def _cooperation_cells(row: CooperationRow) -> list[Cell]:
    coop, evaluation = row.cooperation, row.last_evaluation
    return [
        coop.title,
        workflow.abbreviation(coop.kind),
        coop.get_state_display(),
        ", ".join(row.sectors),
        ", ".join(row.countries),
        row.items,
        row.done,
        len(row.at_risk),
        _promised(row.targets),
        _delivered(row.targets),
        *_benefit_cells(row.benefits),
        _yes(row.dormant),
        evaluation.date if evaluation else None,
        evaluation.get_recommendation_display() if evaluation else "",
    ]


def _cooperations(report: Overview) -> Table:
    headers = [
        _("Cooperation"),
        _("Type"),
        _("State"),
        _("Sectors"),
        _("Partner countries"),
        _("Plan items"),
        _("Done"),
        _("At risk"),
        _("Promised"),
        _("Delivered"),
        *_benefit_headers(),
        _("Dormant"),
        _("Last evaluation"),
        _("Recommendation"),
    ]
    rows = [_cooperation_cells(row) for row in report.rows]
    return Table("cooperations", _("Cooperations"), headers, rows)


def _item_cells(coop_title: str, p: ItemProgress) -> list[Cell]:
    item = p.item
    return [
        coop_title,
        item.document.title,
        item.position,
        item.activity,
        str(item.agency) if item.agency else "",
        item.counterpart,
        item.target_quantity,
        item.unit,
        p.achieved,
        _share(p.ratio),
        item.start_date,
        item.end_date,
        _share(p.elapsed),
        item.milestone_date,
        item.get_status_display(),
        item.get_recurrence_display(),
        p.last_report,
        "; ".join(p.reasons),
    ]


def _items(report: Overview) -> Table:
    headers = [
        _("Cooperation"),
        _("Agreement"),
        _("No."),
        _("Activity"),
        _("Responsible agency"),
        _("Partner-side counterpart"),
        _("Target"),
        _("Unit"),
        _("Achieved"),
        _("Share of target"),
        _("Period start"),
        _("Period end"),
        _("Share of period elapsed"),
        _("Milestone date"),
        _("Status"),
        _("Recurrence"),
        _("Last report"),
        _("At risk because"),
    ]
    rows = [_item_cells(row.cooperation.title, p) for row in report.rows for p in row.progresses]
    return Table("items", _("Plan items"), headers, rows)


def _group_table(slug: str, title: str, first: str, groups: list[GroupRow]) -> Table:
    headers = [
        first,
        _("Cooperations"),
        _("Dormant"),
        _("Plan items"),
        _("Done"),
        _("At risk"),
        _("Promised"),
        _("Delivered"),
        *_benefit_headers(),
    ]
    rows: list[list[Cell]] = [
        [
            g.label,
            g.cooperations,
            g.dormant,
            g.items,
            g.done,
            g.at_risk,
            _promised(g.targets),
            _delivered(g.targets),
            *_benefit_cells(g.benefits),
        ]
        for g in groups
    ]
    return Table(slug, title, headers, rows)


def overview_tables(report: Overview) -> list[Table]:
    return [
        _cooperations(report),
        _items(report),
        _group_table("sectors", _("By sector"), _("Sector"), report.by_sector),
        _group_table("countries", _("By partner country"), _("Partner country"), report.by_country),
    ]


def to_xlsx(tables: list[Table]) -> bytes:
    """One sheet per table: a bold header row frozen in place, typed and formatted cells."""
    return sheets.to_xlsx(tables)
