"""The leadership view as report tables (`mitra.lib.reports`), written to XLSX, one sheet each.

Numbers stay numbers, dates dates and shares percentages, so the workbook can be summed and
charted; text follows the active language.
"""

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from mitra.cooperations import workflow
from mitra.implementation.formatting import quantity
from mitra.implementation.models import BenefitKind
from mitra.implementation.overview import CooperationRow, GroupRow, Overview
from mitra.implementation.progress import Benefits, ItemProgress, TargetLine
from mitra.lib.reports import Column, Table, Text, table
from mitra.lib.sheets import Percent, Value


def _share(value: float | None) -> Percent | None:
    return None if value is None else Percent(value)


def _promised(lines: list[TargetLine]) -> str:
    return "; ".join(quantity(line.target, line.unit) for line in lines)


def _delivered(lines: list[TargetLine]) -> str:
    return "; ".join(quantity(line.achieved, line.unit) for line in lines)


def _yes(value: bool) -> str:
    return str(_("yes") if value else _("no"))


def _benefit[Record](
    benefits: Callable[[Record], Benefits], kind: str
) -> Callable[[Record], Value]:
    return lambda record: benefits(record).get(kind)


def _benefit_columns[Record](benefits: Callable[[Record], Benefits]) -> list[Column[Record]]:
    """A column per benefit kind, in the order of `BenefitKind`."""
    return [Column(label, _benefit(benefits, kind)) for kind, label in BenefitKind.choices]


def _cooperation_benefits(row: CooperationRow) -> Benefits:
    return row.benefits


def _group_benefits(row: GroupRow) -> Benefits:
    return row.benefits


def _cooperation_columns() -> list[Column[CooperationRow]]:
    def evaluation(row: CooperationRow) -> str:
        last = row.last_evaluation
        return last.get_recommendation_display() if last else ""

    return [
        Column(_("Cooperation"), lambda r: r.cooperation.title),
        Column(_("Type"), lambda r: workflow.abbreviation(r.cooperation.kind)),
        Column(_("State"), lambda r: r.cooperation.get_state_display()),
        Column(_("Sectors"), lambda r: ", ".join(r.sectors)),
        Column(_("Partner countries"), lambda r: ", ".join(r.countries)),
        Column(_("Plan items"), lambda r: r.items),
        Column(_("Done"), lambda r: r.done),
        Column(_("At risk"), lambda r: len(r.at_risk)),
        Column(_("Promised"), lambda r: _promised(r.targets)),
        Column(_("Delivered"), lambda r: _delivered(r.targets)),
        *_benefit_columns(_cooperation_benefits),
        Column(_("Dormant"), lambda r: _yes(r.dormant)),
        Column(
            _("Last evaluation"), lambda r: r.last_evaluation.date if r.last_evaluation else None
        ),
        Column(_("Recommendation"), evaluation),
    ]


ItemRecord = tuple[str, ItemProgress]  # the cooperation's title, an item's progress

ITEM_COLUMNS: list[Column[ItemRecord]] = [
    Column(_("Cooperation"), lambda r: r[0]),
    Column(_("Agreement"), lambda r: r[1].item.document.title),
    Column(_("No."), lambda r: r[1].item.position),
    Column(_("Activity"), lambda r: r[1].item.activity),
    Column(_("Responsible agency"), lambda r: str(r[1].item.agency or "")),
    Column(_("Partner-side counterpart"), lambda r: r[1].item.counterpart),
    Column(_("Target"), lambda r: r[1].item.target_quantity),
    Column(_("Unit"), lambda r: r[1].item.unit),
    Column(_("Achieved"), lambda r: r[1].achieved),
    Column(_("Share of target"), lambda r: _share(r[1].ratio)),
    Column(_("Period start"), lambda r: r[1].item.start_date),
    Column(_("Period end"), lambda r: r[1].item.end_date),
    Column(_("Share of period elapsed"), lambda r: _share(r[1].elapsed)),
    Column(_("Milestone date"), lambda r: r[1].item.milestone_date),
    Column(_("Status"), lambda r: r[1].item.get_status_display()),
    Column(_("Recurrence"), lambda r: r[1].item.get_recurrence_display()),
    Column(_("Last report"), lambda r: r[1].last_report),
    Column(_("At risk because"), lambda r: "; ".join(r[1].reasons)),
]


def _group_columns(first: Text) -> list[Column[GroupRow]]:
    return [
        Column(first, lambda g: g.label),
        Column(_("Cooperations"), lambda g: g.cooperations),
        Column(_("Dormant"), lambda g: g.dormant),
        Column(_("Plan items"), lambda g: g.items),
        Column(_("Done"), lambda g: g.done),
        Column(_("At risk"), lambda g: g.at_risk),
        Column(_("Promised"), lambda g: _promised(g.targets)),
        Column(_("Delivered"), lambda g: _delivered(g.targets)),
        *_benefit_columns(_group_benefits),
    ]


def overview_tables(report: Overview) -> list[Table]:
    items = [(row.cooperation.title, p) for row in report.rows for p in row.progresses]
    return [
        table("cooperations", _("Cooperations"), _cooperation_columns(), report.rows),
        table("items", _("Plan items"), ITEM_COLUMNS, items),
        table("sectors", _("By sector"), _group_columns(_("Sector")), report.by_sector),
        table(
            "countries",
            _("By partner country"),
            _group_columns(_("Partner country")),
            report.by_country,
        ),
    ]
