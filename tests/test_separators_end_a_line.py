"""A "·" between the parts of a line ends a line on a phone; it never starts one (issue 14).

Meta lines ("30 Jul 2026 · terlambat 130 hari · Pelatihan pejabat …") wrapped on a phone
with the "·" at the start of the next line, where it reads as a bullet. A line may break at a
space, so the space before a "·" is a no-break space (`&nbsp;`) bound to the text before it:
the break falls after the "·". This test reads every template of a screen and fails for a "·"
whose text just before it (the markup and the template's if/for tags between left out) is not
a no-break space after some text, so a new page cannot bring the stray bullets back. A "·"
inside a template tag is the catalogue's own text; e-mails are not screens, and a page's
<title> does not wrap.

A printed report wraps its lines too (WeasyPrint breaks a line at a space as a browser does):
the report's "Penjajakan 3 · Pelaksanaan 4" started a line with "·" in the PDF. The templates
of the PDFs are held to the same rule, and so are the entries the report's filters join in
Python (`reports_format.SEPARATOR`).
"""

import re
from pathlib import Path

from mitra.reports.templatetags import reports_format

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("mitra/*/templates/**/*.html")])
SEPARATOR = "·"
NO_BREAK = "&nbsp;"
# What prints nothing, at the end of a stretch of template: markup, a comment, and the tags that
# only choose what prints (an {% include %} or {% translate %} prints text, so it is text).
SILENT = re.compile(
    r"(<[^<>]*>|\{#(?:(?!#\}).)*#\}"
    r"|\{%-?\s*(?:if|elif|else|endif|for|endfor|empty|with|endwith)\b(?:(?!%\}).)*%\})$",
    re.S,
)
INSIDE_A_TAG = re.compile(r"\{%(?:(?!%\}).)*$", re.S)
REACH = 400  # characters looked back for one tag


def text_end(source: str, end: int) -> int:
    """Where the printed text before `end` ends: the silent tags just before it left out."""
    while found := SILENT.search(source, max(0, end - REACH), end):
        end = found.start()
    return end


def separators_that_may_start_a_line(source: str) -> list[int]:
    """The lines of the "·"s that a line may start with: no no-break space bound to text
    before them."""
    lines = source.splitlines()
    found = []
    for separator in re.finditer(SEPARATOR, source):
        line = source.count("\n", 0, separator.start()) + 1
        if "<title>" in lines[line - 1] or "block title" in lines[line - 1]:
            continue
        if INSIDE_A_TAG.search(source, max(0, separator.start() - REACH), separator.start()):
            continue
        end = text_end(source, separator.start())
        bound = source[:end].endswith(NO_BREAK)
        before = text_end(source, end - len(NO_BREAK)) if bound else 0
        if not bound or source[before - 1 : before].isspace():
            found.append(line)
    return found


def printed(path: Path) -> bool:
    """A printed document's template (a PDF has no screen to wrap on)."""
    return path.name.endswith("print.html") or path.name.startswith("_print")


def test_the_templates_are_found():
    assert len(TEMPLATES) > 100


def test_a_separator_is_bound_to_the_text_before_it():
    source = '{{ task.due }}{% if task.cooperation %}&nbsp;<span class="muted">· {{ c }}</span>'
    assert separators_that_may_start_a_line(source) == []


def test_a_separator_after_a_plain_space_may_start_a_line():
    assert separators_that_may_start_a_line("{{ day }} · {{ place }}") == [1]
    assert separators_that_may_start_a_line('{{ day }} <span class="muted">· x</span>') == [1]


def test_a_no_break_space_after_a_line_break_binds_nothing():
    assert separators_that_may_start_a_line("<span>{{ kind }}</span>\n    &nbsp;· x") == [2]


def test_a_separator_inside_a_message_belongs_to_the_catalogue():
    assert separators_that_may_start_a_line('{% translate "Mitra · information" %}') == []


def test_the_printed_templates_are_among_those_read():
    assert len([path for path in TEMPLATES if printed(path)]) >= 4


def test_no_separator_of_a_screen_or_a_printed_report_can_start_a_line():
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in TEMPLATES
        if "emails" not in path.parts
        for line in separators_that_may_start_a_line(path.read_text())
    ]
    assert found == [], "a '·' after a plain space starts a line when it wraps: " + ", ".join(found)


def test_the_report_joins_the_parts_of_an_entry_with_a_bound_separator():
    assert reports_format.SEPARATOR == "\u00a0· "
    source = (ROOT / "mitra" / "reports" / "templatetags" / "reports_format.py").read_text()
    assert '" · "' not in source
