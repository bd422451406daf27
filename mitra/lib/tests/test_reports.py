"""One report table, three renderings: a page's HTML table, an XLSX sheet and a CSV file."""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from mitra.lib import reports
from mitra.lib.reports import Column
from mitra.lib.sheets import Percent

ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Step:
    label: str
    stays: int
    median: Decimal
    share: float
    since: date | None


COLUMNS: list[Column[Step]] = [
    Column(_("Step"), lambda s: s.label, width=30),
    Column(_("Completed stays"), lambda s: s.stays),
    Column(_("Median days"), lambda s: s.median, digits=1),
    Column(_("Share of target"), lambda s: Percent(s.share)),
    Column(_("Valid from"), lambda s: s.since),
]
STEPS = [
    Step("Exploration", 1250, Decimal("12.25"), 0.4, date(2026, 3, 2)),
    Step("=HYPERLINK(1)", 3, Decimal(7), 1.0, None),
]


def steps_table() -> reports.Table:
    return reports.table(
        "steps", _("Time per step"), COLUMNS, STEPS, footer=["", 1253, None, None, None]
    )


def test_the_headers_are_read_in_the_language_of_the_moment_they_are_rendered():
    table = steps_table()
    with translation.override("id"):
        indonesian = table.headers
    with translation.override("en"):
        english = table.headers
    assert english[1] == "Completed stays"
    assert indonesian[1] != english[1]


def test_the_html_table_formats_numbers_dates_and_shares_in_the_users_language():
    with translation.override("id"):
        html = render_to_string("_report_table.html", {"table": steps_table()})
    cells = re.findall(r"<td( class=\"num\")?>([^<]*)</td>", html)
    assert cells[:5] == [
        ("", "Exploration"),
        (' class="num"', "1.250"),
        (' class="num"', "12,2"),
        (' class="num"', "40%"),
        ("", "2 Mar 2026"),
    ]
    assert ("", "—") in cells  # no date
    assert "<tfoot>" in html and (' class="num"', "1.253") in cells


def test_an_empty_table_says_so_instead_of_drawing_headers():
    empty = reports.table("steps", "Steps", COLUMNS, [], empty=_("No step has been completed yet."))
    with translation.override("en"):
        html = render_to_string("_report_table.html", {"table": empty})
    assert "<table" not in html
    assert "No step has been completed yet." in html


def test_the_xlsx_keeps_values_typed_with_the_columns_widths_and_the_total_last():
    with translation.override("en"):
        book = load_workbook(io.BytesIO(reports.to_xlsx([steps_table()])))
    sheet = book["Time per step"]
    assert [c.value for c in sheet[1]] == [
        "Step",
        "Completed stays",
        "Median days",
        "Share of target",
        "Valid from",
    ]
    assert sheet["B2"].value == 1250 and sheet["D2"].number_format == "0%"
    assert sheet["E2"].is_date
    assert sheet["A3"].data_type == "s"  # formula-like text stays text
    assert sheet.column_dimensions["A"].width == 30
    assert [c.value for c in sheet[4]][:2] == [None, 1253]


def test_the_csv_holds_the_same_rows_as_the_sheet():
    with translation.override("en"):
        text = reports.to_csv(steps_table())
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0][0] == "Step"
    assert rows[1] == ["Exploration", "1250", "12.25", "0.4", "2026-03-02"]
    assert rows[2][0] == "'=HYPERLINK(1)"
    assert len(rows) == 4


# Writing a workbook, a CSV file or a PDF of a report by hand, outside the report pattern.
BY_HAND = re.compile(r"sheets\.(to_xlsx|to_csv|add_sheet)\(|html_to_pdf\(|write_pdf\(")


def test_every_report_is_rendered_through_mitra_lib_reports():
    by_hand = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "mitra").rglob("*.py")
        if "tests" not in path.parts
        and path.parent.name != "lib"
        and BY_HAND.search(path.read_text(encoding="utf-8"))
    )
    assert by_hand == []


def test_the_scan_would_see_a_report_written_by_hand():
    assert BY_HAND.search("return sheets.to_xlsx(tables)")
    assert BY_HAND.search("pdf = html_to_pdf(html, CSS)")
