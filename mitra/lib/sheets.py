"""Every spreadsheet Mitra writes, XLSX or CSV: plain values only, whoever typed them.

Text comes from users (titles, partner names), so a value such as `=HYPERLINK(...)` must never
become a live formula in the office's Excel. In XLSX such text is written as a string cell
(never a formula), in CSV it gets a leading apostrophe, as OWASP advises for CSV injection.
Characters a workbook cannot hold (control characters other than tab and line ends) are
removed in both. Numbers and dates stay typed in XLSX so the office can sum and sort them.

CSV convention: UTF-8 with a byte-order mark (so Excel reads Indonesian names right), commas,
CRLF line ends.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
# What Excel, LibreOffice and Google Sheets read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORBIDDEN_IN_TITLES = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
MIN_WIDTH, MAX_WIDTH = 6, 60


class Percent(float):
    """A share written as a percentage cell (0.4 shows as 40%)."""


Value = str | int | float | Decimal | date | datetime | None


class Table(Protocol):
    """One sheet of a workbook, or one CSV file."""

    @property
    def title(self) -> str: ...

    @property
    def headers(self) -> Sequence[str]: ...

    @property
    def rows(self) -> Sequence[Sequence[Value]]: ...


def clean_text(text: str) -> str:
    """The text without the characters a workbook cannot hold."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    return cleaned


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_value(value: Value) -> str:
    """A value as CSV text: dates in ISO form, formula-like text behind an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        text = clean_text(value)
        return f"'{text}" if is_formula_like(text) else text
    return str(value)


def to_csv(headers: Sequence[str], rows: Iterable[Sequence[Value]]) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([csv_value(h) for h in headers])
    for row in rows:
        writer.writerow([csv_value(value) for value in row])
    return buffer.getvalue()


def _number_format(value: Value) -> str | None:
    if isinstance(value, Percent):
        return "0%"
    if isinstance(value, datetime):
        return "yyyy-mm-dd hh:mm"
    if isinstance(value, date):
        return "yyyy-mm-dd"
    if isinstance(value, Decimal):
        return "#,##0.##"
    return None


def _cell_value(value: Value) -> str | int | float | Decimal | date | datetime | None:
    if isinstance(value, Percent):
        return float(value)
    if isinstance(value, str):
        return clean_text(value)
    return value


def neutralise(cell: Cell) -> None:
    """Keep a cell's text as text: openpyxl reads any string starting with `=` as a formula."""
    if cell.data_type == "f":
        cell.data_type = "s"


def append_row(sheet: Worksheet, values: Sequence[Value]) -> None:
    """Add a row of typed, plain values at the bottom of the sheet.

    The cells are made before they are appended: reading the new row back (`sheet.max_row`)
    scans every cell of the sheet, which made a register of thousands of rows take seconds."""
    cells = []
    for value in values:
        cell = Cell(sheet, value=_cell_value(value))
        neutralise(cell)
        number_format = _number_format(value)
        if number_format:
            cell.number_format = number_format
        cells.append(cell)
    sheet.append(cells)


def _width(values: Sequence[Value]) -> float:
    longest = max((10 if isinstance(v, date) else len(str(v or "")) for v in values), default=0)
    return max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))


def sheet_title(title: str) -> str:
    """A title Excel accepts: none of []:*?/\\, at most 31 characters."""
    return clean_text(title).translate(FORBIDDEN_IN_TITLES)[:31] or "-"


def add_sheet(
    workbook: Workbook,
    table: Table,
    *,
    widths: Sequence[float | None] = (),
    wrap_headers: bool = False,
) -> Worksheet:
    """The table as a sheet: bold header row frozen in place, widths given (None: fitted)."""
    sheet = workbook.create_sheet(sheet_title(table.title))
    append_row(sheet, table.headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        if wrap_headers:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.rows:
        append_row(sheet, row)
    for index, header in enumerate(table.headers, start=1):
        column = [header, *(row[index - 1] for row in table.rows if len(row) >= index)]
        given = widths[index - 1] if index <= len(widths) else None
        width = _width(column) if given is None else given
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def new_workbook() -> Workbook:
    """A workbook without its default sheet."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def to_xlsx(tables: Iterable[Table], *, wrap_headers: bool = False) -> bytes:
    """One sheet per table."""
    workbook = new_workbook()
    for table in tables:
        add_sheet(workbook, table, wrap_headers=wrap_headers)
    return save(workbook)


def save(workbook: Workbook) -> bytes:
    """The workbook's bytes, every formula-like cell first made plain text.

    The last pass catches cells set without `append_row`: no workbook leaves Mitra with a
    formula in it."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                neutralise(cell)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _attachment(response: HttpResponse, file_name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def xlsx_response(content: bytes, file_name: str) -> HttpResponse:
    return _attachment(HttpResponse(content, content_type=XLSX_TYPE), file_name)


def csv_response(text: str, file_name: str) -> HttpResponse:
    return _attachment(HttpResponse(text, content_type=CSV_TYPE), file_name)
