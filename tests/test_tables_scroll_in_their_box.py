"""Every table of every page scrolls inside its own box, never the page (issue 14).

A wide table on a phone (a task list with its "Selesai" button, a plan of action with its
"Berisiko" column) made the whole page wider than the screen. The stylesheet gives
`.table-wrap` a horizontal scroll bar of its own; this test reads every template and fails for a
`<table>` whose parent element is not a `.table-wrap`, so a new page cannot bring the page-wide
scroll back. The browser walk (tests/browser/test_every_role_at_both_widths.py) checks the
rendered pages at 390 and 1280 px.

A cell of typed text (a note shown with its line breaks) is a `.cell--text`: a readable column
whose long words break inside it, not a table thousands of pixels wide for one pasted address.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("mitra/*/templates/**/*.html")])
# Tables that are not pages' tables: printed documents (PDF) have no screen to overflow.
PRINTED = ("print.html", "_print.html")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _TableParents(HTMLParser):
    """The line of every <table> and the classes of the element it sits in."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, list[str]]] = []
        self.tables: list[tuple[int, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table":
            parent = self.open[-1][1] if self.open else []
            self.tables.append((self.getpos()[0], parent))
        if tag not in VOID:
            self.open.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return


def tables_outside_a_scroll_box(html: str) -> list[int]:
    """The lines of the tables whose parent element is not a `.table-wrap`."""
    parser = _TableParents()
    parser.feed(html)
    return [line for line, parent in parser.tables if "table-wrap" not in parent]


def test_the_templates_are_found():
    assert len(TEMPLATES) > 100


def test_every_table_sits_in_a_box_that_scrolls_on_its_own():
    screens = [path for path in TEMPLATES if not path.name.endswith(PRINTED)]
    outside = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in screens
        for line in tables_outside_a_scroll_box(path.read_text())
    ]
    assert outside == []


def test_a_table_outside_a_box_is_found():
    html = '<section>\n<div class="table-wrap">{% if x %}<table></table>{% endif %}</div>\n<table>'
    assert tables_outside_a_scroll_box(html) == [3]


# A cell's opening tag and what it shows up to its end, when that is text shown with its breaks.
TEXT_CELL = re.compile(r"<td(?P<attrs>[^>]*)>(?:(?!</td>).)*?\|linebreaks", re.DOTALL)


def text_cells_without_their_class(html: str) -> list[int]:
    """The lines of the cells showing typed text (`linebreaks`, `linebreaksbr`) that are not a
    `.cell--text`."""
    return [
        html.count("\n", 0, found.start()) + 1
        for found in TEXT_CELL.finditer(html)
        if "cell--text" not in found["attrs"]
    ]


def test_every_cell_of_typed_text_breaks_its_long_words():
    screens = [path for path in TEMPLATES if not path.name.endswith(PRINTED)]
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in screens
        for line in text_cells_without_their_class(path.read_text())
    ]
    assert found == []


def test_a_cell_of_typed_text_without_its_class_is_found():
    html = (
        '<td class="cell--text">{{ a.note|linebreaksbr }}</td>\n'
        "<td>{{ a.when }}</td><td>{{ a.note|linebreaks }}</td>\n"
        '<td class="num">{{ n }}</td>'
    )
    assert text_cells_without_their_class(html) == [2]


def _tables_of_inputs(html: str) -> list[str]:
    """The class lists of the tables holding inputs (`table--form`)."""
    return [c for c in re.findall(r'<table class="([^"]*)"', html) if "table--form" in c.split()]


def test_a_table_of_inputs_stacks_its_rows_on_a_phone():
    """A row of inputs (a document's signing parties, a meeting's commitments) squeezed into a
    390 px table showed "Pe" of "Pemerintah Kota Makassar": such a table stacks (`table--stack`),
    each input under its own label (`_party_cell.html`, whose label shows on a phone)."""
    unstacked = [
        f"{path.relative_to(ROOT)}: {classes}"
        for path in TEMPLATES
        for classes in _tables_of_inputs(path.read_text())
        if "table--stack" not in classes.split()
    ]
    assert unstacked == []
    users = [path for path in TEMPLATES if _tables_of_inputs(path.read_text())]
    assert len(users) >= 2
    for path in users:
        cells = re.findall(r"<td[ >]|_party_cell\.html", path.read_text())
        assert all(cell == "_party_cell.html" for cell in cells), path
    cell = ROOT / "mitra/cooperations/templates/cooperations/_party_cell.html"
    assert 'class="visually-hidden cell-label"' in cell.read_text()
