"""Dates and numbers shown to people (pages, PDFs, e-mails) go through `mitra.lib.formatting`:
no module or print or e-mail template formats them by hand."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# Django's own formatting and strftime: a second definition of how a date or number reads.
BY_HAND_IN_CODE = re.compile(
    r"\bformats\.(date_format|number_format)\(|\bstrftime\(|\bfloatformat\("
)
BY_HAND_IN_TEMPLATES = re.compile(r"\|\s*(date|time|floatformat|intcomma|naturalday)\b")


def _modules() -> list[Path]:
    return [
        p
        for p in (ROOT / "mitra").rglob("*.py")
        if "tests" not in p.parts and "migrations" not in p.parts and "lib" not in p.parts
    ]


def _printed_and_mailed() -> list[Path]:
    """Every template of a PDF or an e-mail."""
    names = re.compile(r"(print|pdf|email)", re.IGNORECASE)
    templates = [*(ROOT / "mitra").rglob("templates/**/*"), *(ROOT / "templates").rglob("*")]
    return [p for p in templates if p.is_file() and names.search(str(p.relative_to(ROOT)))]


def test_no_module_formats_a_date_or_a_number_by_hand():
    found = [
        str(p.relative_to(ROOT))
        for p in _modules()
        if BY_HAND_IN_CODE.search(p.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_no_pdf_or_email_template_formats_a_date_or_a_number_by_hand():
    templates = _printed_and_mailed()
    assert {p.name for p in templates} >= {
        "print.html",
        "evaluation_print.html",
        "reminder_digest.txt",
    }
    found = [
        str(p.relative_to(ROOT))
        for p in templates
        if BY_HAND_IN_TEMPLATES.search(p.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_scans_see_formatting_by_hand():
    assert BY_HAND_IN_CODE.search('formats.date_format(day, "DATE_FORMAT")')
    assert BY_HAND_IN_TEMPLATES.search("{{ evaluation.date|date:'j F Y' }}")
