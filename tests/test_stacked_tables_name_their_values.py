"""A table that stacks into cards on a phone names every value in it (issue 14).

On a phone a `.table--stack` drops its column headings and shows each row as a card; a value
is read by the name its cell carries (`data-label`, shown before it: "Tahap: pelaksanaan").
This test reads every template and fails for a stacked table with a cell that names nothing,
other than the row's title (its first cell, or a `.cell-title`: the card's heading). A table of inputs
(`.table--form`) names its inputs with their labels instead.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("mitra/*/templates/**/*.html")])


class _StackedCells(HTMLParser):
    """The line of every cell of a stacked table's body row that has no data-label, the row's
    title left out."""

    def __init__(self) -> None:
        super().__init__()
        self.stacked = 0  # depth of open stacked tables
        self.in_body = False
        self.cell_in_row = 0
        self.unnamed: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "table" and "table--stack" in classes and "table--form" not in classes:
            self.stacked += 1
        elif self.stacked and tag == "tbody":
            self.in_body = True
        elif self.stacked and tag == "tr":
            self.cell_in_row = 0
        elif self.stacked and self.in_body and tag == "td":
            self.cell_in_row += 1
            title = self.cell_in_row == 1 or "cell-title" in classes
            if not title and "data-label" not in found:
                self.unnamed.append(self.getpos()[0])

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.stacked:
            self.stacked -= 1
        elif tag == "tbody":
            self.in_body = False


def unnamed_cells(html: str) -> list[int]:
    parser = _StackedCells()
    parser.feed(re.sub(r"\{%.*?%\}|\{#.*?#\}", "", html, flags=re.S))
    return parser.unnamed


def test_the_templates_are_found():
    assert len(TEMPLATES) > 100


def test_a_cell_without_a_name_is_found():
    html = (
        '<table class="table table--stack"><tbody><tr><td>Judul</td>'
        '<td class="cell-title">Judul lain</td><td data-label="Jenis">KSDD</td><td>pelaksanaan</td>'
        "</tr></tbody></table>"
    )
    assert unnamed_cells(html) == [1]


def test_every_value_of_a_stacked_table_is_named():
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in TEMPLATES
        for line in unnamed_cells(path.read_text())
    ]
    assert found == [], "a stacked cell without data-label: " + ", ".join(found)
