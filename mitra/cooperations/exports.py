"""The cooperation register as a spreadsheet: XLSX (typed, styled) or CSV (UTF-8 with BOM for Excel).

Rows come from the same filters as the list page, so an export shows what the user filtered.
"""

import csv
import io
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from mitra.cooperations.models import Cooperation
from mitra.cooperations.templatetags.mitra_format import kind_abbreviation, person

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


def to_xlsx(rows: list[list[Cell]]) -> bytes:
    """Bold header frozen in place, dates and times as typed cells, readable column widths."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheet = workbook.create_sheet(_("Cooperations"))
    sheet.append(headers())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_csv(rows: list[list[Cell]]) -> str:
    """With a byte-order mark, so Excel reads the UTF-8 (Indonesian and partner names) right."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(headers())
    for row in rows:
        writer.writerow([_text(value) for value in row])
    return buffer.getvalue()
