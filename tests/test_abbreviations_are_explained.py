"""A kind shown by its abbreviation (KSDD, KSDPL, KSDLL) says what it stands for (issue 14).

The abbreviations are the regulation's, and a leader or a central reviewer may not know them:
every template that writes `|kind_abbreviation` writes it as the text of an
`<abbr title="...">`, whose title the browser shows on pointing at it (and a screen reader
reads). A page showing the abbreviations as a legend (the dashboard's, the report's) writes the
meaning beside them instead, from `workflow.kind_description`.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("mitra/*/templates/**/*.html")])
ABBREVIATION = re.compile(r"\{\{\s*[\w.]+\|kind_abbreviation\s*\}\}")
EXPLAINED = re.compile(r'<abbr title="[^"]+">\s*$')


def unexplained(html: str) -> list[int]:
    """The lines of the abbreviations written outside an `<abbr title="...">`."""
    return [
        html.count("\n", 0, found.start()) + 1
        for found in ABBREVIATION.finditer(html)
        if not EXPLAINED.search(html[: found.start()])
    ]


def test_every_kind_abbreviation_says_what_it_stands_for():
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in TEMPLATES
        for line in unexplained(path.read_text())
    ]
    assert found == []


def test_an_abbreviation_without_its_title_is_found():
    html = (
        '<td><abbr title="{{ c.get_kind_display }}">{{ c.kind|kind_abbreviation }}</abbr></td>\n'
        "<td>{{ c.kind|kind_abbreviation }}</td>"
    )
    assert unexplained(html) == [2]
