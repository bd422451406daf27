"""The cooperation register as a spreadsheet: XLSX (typed, styled) or CSV, through `mitra.lib.sheets`.

Rows come from the same filters as the list page, so an export shows what the user filtered.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.cooperations.models import Cooperation
from mitra.cooperations.templatetags.mitra_format import kind_abbreviation
from mitra.lib import sheets
from mitra.lib.formatting import person

Cell = str | date | datetime | None
WIDTHS = (40, 8, 24, 24, 36, 20, 30, 22, 12, 12, 18)


def headers() -> list[str]:
    return [
        _("Title"),
        _("Kind"),
        _("Sub-form"),
        _("State"),
        _("Partners"),
        _("Countries"),
        _("Sectors"),
        _("Owner"),
        _("Start"),
        _("End"),
        _("Last updated"),
    ]


def export_rows(queryset: QuerySet[Cooperation]) -> list[list[Cell]]:
    """One row per cooperation, in a fixed number of queries however many there are."""
    cooperations = queryset.select_related("owner").prefetch_related("partners__country", "sectors")
    rows: list[list[Cell]] = []
    for coop in cooperations:
        partners = list(coop.partners.all())
        countries = dict.fromkeys(p.country.name for p in partners if p.country is not None)
        rows.append(
            [
                coop.title,
                kind_abbreviation(coop.kind),
                coop.get_sub_form_display(),
                coop.get_state_display(),
                "; ".join(p.name for p in partners),
                "; ".join(countries),
                "; ".join(str(s) for s in coop.sectors.all()),
                person(coop.owner) if coop.owner else "",
                coop.start_date,
                coop.end_date,
                timezone.localtime(coop.updated_at).replace(tzinfo=None),
            ]
        )
    return rows


@dataclass(frozen=True)
class _Register:
    title: str
    headers: list[str]
    rows: list[list[Cell]]


def to_xlsx(rows: list[list[Cell]]) -> bytes:
    """Bold header frozen in place, dates and times as typed cells, readable column widths."""
    workbook = sheets.new_workbook()
    sheets.add_sheet(workbook, _Register(_("Cooperations"), headers(), rows), widths=WIDTHS)
    return sheets.save(workbook)


def to_csv(rows: list[list[Cell]]) -> str:
    return sheets.to_csv(headers(), rows)
