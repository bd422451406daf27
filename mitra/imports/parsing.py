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
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.xml.functions import iterparse

from mitra.imports.columns import recognised
from mitra.imports.values import Cell, cell_text
from mitra.lib.uploads import zip_problems

MAX_ROWS = 1000  # a commit writes about 30 rows a second through the services
# Limits on what a file may hold, checked before or while it is read, never after: a 1.6 KB
# workbook can declare a cell in row 500,000 or a merge over millions of cells.
MAX_SHEET_ROWS = 5000  # rows of a sheet, blank ones included
MAX_COLUMNS = 100
MAX_SHEETS = 50
MAX_MERGED = 10_000
MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_CSV_LINE = 64 * 1024
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
SHEET_DATA_TAG, ROW_TAG, MERGE_TAG = f"{NS}sheetData", f"{NS}row", f"{NS}mergeCell"
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
    if len(content) > MAX_CSV_BYTES:
        raise UnreadableFile(_too_big())
    return _from_table_set([(file_name, _csv_rows(_decode(content)))])


def _too_big() -> str:
    return _(
        "The file is larger than a register of %(rows)s rows and %(columns)s columns can be. "
        "Delete the empty rows and columns around the table, or copy the table into a new "
        "workbook, and upload it again."
    ) % {"rows": MAX_SHEET_ROWS, "columns": MAX_COLUMNS}


def _damaged() -> UnreadableFile:
    return UnreadableFile(
        _("This file could not be read as an Excel workbook (.xlsx). Is it damaged?")
    )


def _xlsx_tables(content: bytes) -> list[tuple[str, list[list[Cell]]]]:
    """The sheet whose first rows hold the best header row, read in full; the others' first
    rows only. Every limit is checked on what the file declares before its cells are read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        if zip_problems(archive):
            raise UnreadableFile(_too_big())
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as error:
        if isinstance(error, UnreadableFile):
            raise
        raise _damaged() from error
    try:
        return _chosen_table(archive, workbook.worksheets[:MAX_SHEETS])
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as error:
        if isinstance(error, UnreadableFile):
            raise
        raise _damaged() from error
    finally:
        workbook.close()


def _chosen_table(
    archive: zipfile.ZipFile, sheets: list[Any]
) -> list[tuple[str, list[list[Cell]]]]:
    for sheet in sheets:
        if (sheet.max_row or 0) > MAX_SHEET_ROWS or (sheet.max_column or 0) > MAX_COLUMNS:
            raise UnreadableFile(_too_big())
    heads = [(sheet.title, _sheet_rows(archive, sheet, HEADER_SEARCH_ROWS)) for sheet in sheets]
    if not heads:
        return []
    best = max(range(len(heads)), key=lambda index: _header_row(heads[index][1])[1])
    return [(sheets[best].title, _sheet_rows(archive, sheets[best], MAX_SHEET_ROWS))]


def _sheet_rows(archive: zipfile.ZipFile, sheet: Any, limit: int) -> list[list[Cell]]:
    """The sheet's first `limit` rows, each as wide as the widest, cells merged down a column
    filled in. A row or a column past the limits refuses the file."""
    merged = _scan_sheet(archive, sheet._worksheet_path)
    sheet.reset_dimensions()  # the declared size may lie: read only the cells that are there
    pending = sorted(merged, key=lambda merge: merge[1], reverse=True)
    active: dict[int, tuple[Cell, int]] = {}  # column: (value filled down, last row)
    rows: list[list[Cell]] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > limit:
            if limit < MAX_SHEET_ROWS:
                break
            raise UnreadableFile(_too_big())
        if any(value is not None for value in values[MAX_COLUMNS:]):
            raise UnreadableFile(_too_big())
        row = list(values[:MAX_COLUMNS])
        while pending and pending[-1][1] < number:
            column, first, last = pending.pop()
            top = rows[first - 1]
            active[column] = (top[column - 1] if column <= len(top) else None, last)
        for column, (value, last) in list(active.items()):
            if number > last:
                del active[column]
                continue
            row.extend([None] * (column - len(row)))
            row[column - 1] = value
        rows.append(row)
    width = max((len(row) for row in rows), default=0)
    return [row + [None] * (width - len(row)) for row in rows]


def _scan_sheet(archive: zipfile.ZipFile, path: str) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of each range merged down one column; a row or a range
    past the limits refuses the file.

    Cells merged across columns are left alone: they would copy one value into other fields.
    Read from the XML as ranges: openpyxl's own reading makes an object per merged cell.
    """
    ranges: list[tuple[int, int, int]] = []
    rows_parent = None
    counted = 0
    with archive.open(path) as source:
        for event, element in iterparse(source, events=("start", "end")):
            if event == "start":
                if element.tag == SHEET_DATA_TAG:
                    rows_parent = element
                continue
            if element.tag == ROW_TAG:
                # A row past the limit (the probe's Z500000) refuses the file before openpyxl
                # would walk the empty rows up to it.
                counted += 1  # rows may leave out their number
                if max(counted, int(element.get("r") or 0)) > MAX_SHEET_ROWS:
                    raise UnreadableFile(_too_big())
                if rows_parent is not None:
                    rows_parent.clear()  # keeps memory flat however many rows there are
            elif element.tag == MERGE_TAG:
                min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
                if max_row > MAX_SHEET_ROWS or max_col > MAX_COLUMNS:
                    raise UnreadableFile(_too_big())
                if min_col == max_col and max_row > min_row:
                    ranges.append((min_col, min_row, max_row))
                if len(ranges) > MAX_MERGED:
                    raise UnreadableFile(_too_big())
                element.clear()
    return ranges


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
    if max(map(len, text.splitlines()), default=0) > MAX_CSV_LINE:
        raise UnreadableFile(_too_big())
    rows: list[list[Cell]] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        for row in reader:
            if len(rows) >= MAX_SHEET_ROWS or any(row[MAX_COLUMNS:]):
                raise UnreadableFile(_too_big())
            rows.append(list(row[:MAX_COLUMNS]))
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
