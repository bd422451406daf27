"""One date format per context, through `mitra.lib.formatting` (issue 14).

The pages wrote the same day as "4 Des 2026", "4 Desember 2026", "4 Des. 2026" and, in the
options of a select, "2026-12-04". The contexts and their formats are decided once, in
`mitra/lib/formatting.py`; these tests read every template and every module and fail on a date
formatted anywhere else. The demo crawl (mitra/demo/tests/test_every_page_renders.py) checks the
rendered options.
"""

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.formats import date_format

from mitra.lib.formatting import iso_date, iso_month, long_date, long_moment, medium_date, moment

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("mitra/*/templates/**/*.html")])
MODULES = sorted(
    path
    for path in ROOT.glob("mitra/**/*.py")
    if "tests" not in path.parts and "migrations" not in path.parts
)
# Django's own date and time filters, with or without a format.
DATE_FILTER = re.compile(r"\|\s*(date|time)\b")
# Formatting a date in Python: strftime, Django's or Babel's formatters, an f-string format.
PYTHON_DATE_FORMAT = re.compile(
    r"\bstrftime\(|\bdate_format\(|\btime_format\(|\bformat_date\(|\bformat_datetime\("
    r"|:%[YmdbBHM]|[\"']%[YmdbBHM]"
)
# The helper itself, and the one place that writes a date for a browser's date input.
HELPERS = {"mitra/lib/formatting.py", "mitra/lib/dates.py"}
# Machine formats that are no label: folders of uploaded files, cells of CSV files.
MACHINE = {
    "upload_to=": "the folder an uploaded file is stored in",
    "mitra/lib/sheets.py": "spreadsheet and CSV cells: plain values for machines",
}


def test_the_templates_and_modules_are_found():
    assert len(TEMPLATES) > 100 and len(MODULES) > 100


def test_no_template_formats_a_date_with_djangos_filter():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in TEMPLATES
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if DATE_FILTER.search(line)
    ]
    assert found == []


def _machine(where: str, line: str) -> bool:
    return any(mark in where or mark in line for mark in MACHINE)


def test_no_module_formats_a_date_but_the_helper():
    found = []
    for path in MODULES:
        where = str(path.relative_to(ROOT))
        if where in HELPERS:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if PYTHON_DATE_FORMAT.search(line) and not _machine(where, line):
                found.append(f"{where}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.parametrize(
    "line",
    [
        'name = f"report-{day:%Y-%m}.pdf"',
        "return value.strftime('%d %B %Y')",
        'return formats.date_format(value, "DATE_FORMAT")',
        'widget=forms.DateInput(format="%Y-%m-%d")',
    ],
)
def test_a_date_formatted_by_hand_is_found(line):
    assert PYTHON_DATE_FORMAT.search(line)
    assert DATE_FILTER.search("{{ day|date:'j M Y' }}") and DATE_FILTER.search("{{ at|time }}")


@pytest.mark.usefixtures("production_time_zone")
def test_each_context_has_its_format():
    day = date(2026, 12, 4)
    at = datetime(2026, 12, 4, 14, 5, tzinfo=timezone.get_current_timezone())
    with translation.override("id"):
        shown = [
            medium_date(day),
            moment(at),
            long_date(day),
            long_moment(at),
            iso_date(day),
            iso_month(day),
        ]
    assert shown == [
        "4 Des 2026",
        "4 Des 2026, 14.05 WIB",
        "4 Desember 2026",
        "4 Desember 2026, 14.05 WIB",
        "2026-12-04",
        "2026-12",
    ]


@pytest.mark.parametrize(("language", "shown"), [("id", "4 Des 2026"), ("en", "Dec 4, 2026")])
def test_djangos_own_date_format_matches_the_tables(language, shown):
    """The admin and any date a template leaves unformatted read like a table's dates."""
    day = date(2026, 12, 4)
    with translation.override(language):
        assert date_format(day) == medium_date(day) == shown
        assert Template("{{ day }}").render(Context({"day": day})) == shown


@pytest.mark.usefixtures("production_time_zone")
def test_djangos_own_moments_match_the_tables():
    at = datetime(2026, 12, 4, 14, 5, tzinfo=timezone.get_current_timezone())
    with translation.override("id"):
        assert date_format(at, "DATETIME_FORMAT") == moment(at) == "4 Des 2026, 14.05 WIB"
