"""Reading an uploaded register: XLSX through openpyxl, CSV through the csv module.

A CSV may come from Excel in any of its guises: UTF-8 with or without a byte-order mark,
UTF-16 ("Unicode text"), or Windows-1252; separated by commas, semicolons (Excel in an
Indonesian locale), tabs or bars. The header row need not be the first: a title line above the
table ("DAFTAR KERJA SAMA KOTA MAKASSAR 2024") is skipped, and of several sheets the one that
holds the register is read. Whatever is not a readable spreadsheet raises `UnreadableFile`
with a message for the user.
"""

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from mitra.imports.columns import recognised
from mitra.imports.values import Cell, cell_text

MAX_ROWS = 1000  # a commit writes about 30 rows a second through the services
HEADER_SEARCH_ROWS = 15
DELIMITERS = ";,\t|"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc)


class UnreadableFile(ValueError):
    """The upload is not a register Mitra can read; the message says why."""


@dataclass(frozen=True)
class Sheet:
    """The register table: its header row and the rows below it, numbered as the user sees them."""

    name: str
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list[Cell]]]


def read_sheet(file_name: str, content: bytes) -> Sheet:
    """The register in an uploaded XLSX or CSV file."""
    if content.startswith(ZIP_MAGIC):
        return _from_table_set(_xlsx_tables(content))
    if content.startswith(OLE_MAGIC):
        raise UnreadableFile(
            _("This is an old Excel (.xls) file. Save it as .xlsx or CSV and upload it again.")
        )
    if content.startswith(b"%PDF"):
        raise UnreadableFile(_("This is a PDF, not a spreadsheet. Upload an XLSX or CSV file."))
    return _from_table_set([(file_name, _csv_rows(_decode(content)))])


def _xlsx_tables(content: bytes) -> list[tuple[str, list[list[Cell]]]]:
    try:
        workbook = load_workbook(io.BytesIO(content), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as error:
        raise UnreadableFile(
            _("This file could not be read as an Excel workbook (.xlsx). Is it damaged?")
        ) from error
    tables = []
    for sheet in workbook.worksheets:
        _fill_merged_down(sheet)
        tables.append((sheet.title, _limited(sheet.iter_rows(values_only=True))))
    return tables


def _fill_merged_down(sheet: Worksheet) -> None:
    """A cell merged down its column (one partner or title for several rows) counts for each row.

    Cells merged across columns are left alone: they would copy one value into other fields.
    """
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_col != merged.max_col:
            continue
        value = sheet.cell(merged.min_row, merged.min_col).value
        sheet.unmerge_cells(str(merged))
        for row in range(merged.min_row + 1, merged.max_row + 1):
            sheet.cell(row, merged.min_col).value = value


def _limited(rows: Iterable[tuple[Cell, ...]]) -> list[list[Cell]]:
    kept: list[list[Cell]] = []
    filled = 0
    for row in rows:
        kept.append(list(row))
        filled += any(cell_text(cell) for cell in row)
        if filled > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise UnreadableFile(
                _("The file has more than %(count)s rows; split it into smaller files.")
                % {"count": MAX_ROWS}
            )
    return kept


def _decode(content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = content.decode("utf-16")
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Excel's "CSV" on Windows writes the ANSI code page, Windows-1252 in Indonesia.
            text = content.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise UnreadableFile(_("This is not a spreadsheet. Upload an XLSX or CSV file."))
    return text


def _delimiter(text: str) -> str:
    """The separator that splits the first lines into the most columns (the header row's)."""
    sample = text.splitlines()[:HEADER_SEARCH_ROWS]

    def width(delimiter: str) -> int:
        rows = list(csv.reader(sample, delimiter=delimiter))
        return max((len(row) for row in rows), default=0)

    return max(DELIMITERS, key=width)  # ties go to the first: semicolon, then comma


def _csv_rows(text: str) -> list[list[Cell]]:
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        rows: list[list[Cell]] = [list(row) for row in reader]
    except csv.Error as error:
        raise UnreadableFile(_("This CSV file could not be read. Is it damaged?")) from error
    return rows


def _header_row(rows: list[list[Cell]]) -> tuple[int, int]:
    """(index, number of recognised columns) of the best header row among the first rows."""
    best = (-1, 0)
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        count = recognised([cell_text(cell) for cell in row])
        if count > best[1]:
            best = (index, count)
    return best


def _from_table_set(tables: list[tuple[str, list[list[Cell]]]]) -> Sheet:
    """The table whose header row names the most columns; at least two are needed."""
    found = [(name, rows, *_header_row(rows)) for name, rows in tables]
    found = [entry for entry in found if entry[3] >= 2]
    if not found:
        raise UnreadableFile(
            _(
                "No header row was found. The register needs at least the columns "
                "“Judul Kerja Sama” and “Nama Mitra”; download the template to see them all."
            )
        )
    name, rows, index, _count = max(found, key=lambda entry: entry[3])
    body = [
        (number, list(row))
        for number, row in enumerate(rows[index + 1 :], start=index + 2)
        if any(cell_text(cell) for cell in row)
    ]
    if len(body) > MAX_ROWS:
        raise UnreadableFile(
            _("The file has more than %(count)s rows; split it into smaller files.")
            % {"count": MAX_ROWS}
        )
    headers = [cell_text(cell) for cell in rows[index]]
    return Sheet(name=name, header_row=index + 1, headers=headers, rows=body)
