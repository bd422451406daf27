"""The report pattern: a query gives tables of typed rows; one renderer per output.

A report is a query in the app that owns its data (`staff.queries.capacity_report`) and the
`Table`s made of its rows (`staff.exports.report_tables`). A table is built from columns, each a
header (a lazy gettext string, so a column list declared once reads in the language of each
request) and how to read its value from one record, and from the records themselves:

    COLUMNS = [Column(_("Step"), lambda s: s.label), Column(_("Median days"), lambda s: s.median)]
    steps = table("steps", _("Time per step"), COLUMNS, step_rows(tenant))

Values stay typed (text, numbers, `Percent`, dates, times, None). The same table then becomes:

- a page's HTML table: `{% include "_report_table.html" with table=steps %}`, its cells
  formatted through `mitra.lib.formatting` (`Table.html_rows`);
- an XLSX workbook (`to_xlsx`, one sheet per table) or a CSV file (`to_csv`), through
  `mitra.lib.sheets` (typed cells, formula-like text kept plain);
- a PDF: `to_pdf` lays a print template out with WeasyPrint (`mitra.lib.pdf`).
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.functional import Promise

from mitra.lib import formatting, sheets
from mitra.lib.pdf import html_to_pdf
from mitra.lib.sheets import Percent, Value

Text = str | Promise
RENDERED, LAID_OUT = 40, 90  # how far a PDF has got once its HTML is written, and laid out
EMPTY = "—"


@dataclass(frozen=True)
class Column[Record]:
    """One column: its header, and how to read its value from a record."""

    header: Text
    value: Callable[[Record], Value]
    width: float | None = None  # in the XLSX; None: fitted to the content
    digits: int = 0  # the most fraction digits a page shows


@dataclass(frozen=True)
class Cell:
    """A value as a page shows it: formatted text, and whether it is a number (right-aligned)."""

    text: str
    numeric: bool


def _is_number(value: Value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def cell_text(value: Value, digits: int = 0) -> str:
    """A value in the user's language: dates and numbers through `mitra.lib.formatting`."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, Percent):
        return formatting.percent(value)
    if isinstance(value, datetime):
        return formatting.moment(value)
    if isinstance(value, date):
        return formatting.medium_date(value)
    if _is_number(value):
        return formatting.number(value, digits)
    return str(value)


@dataclass(frozen=True)
class Table:
    """One table of a report: a page's table, a sheet of a workbook, or a CSV file."""

    slug: str
    caption: Text
    columns: Sequence[Column[Any]]
    body: list[list[Value]]
    footer: list[Value] | None = None  # a total row, last in a sheet
    empty: Text = ""  # what a page says when there are no rows
    css_class: str = "table table--compact"

    @property
    def title(self) -> str:
        return str(self.caption)

    @property
    def headers(self) -> list[str]:
        return [str(column.header) for column in self.columns]

    @property
    def widths(self) -> list[float | None]:
        return [column.width for column in self.columns]

    @property
    def rows(self) -> list[list[Value]]:
        """The rows a sheet holds: the body, then the total row if any."""
        return [*self.body, *([self.footer] if self.footer is not None else [])]

    @property
    def numeric(self) -> list[bool]:
        """Per column: whether it holds numbers (its header and cells are right-aligned)."""
        return [any(_is_number(row[i]) for row in self.rows) for i in range(len(self.columns))]

    def _cells(self, row: Sequence[Value]) -> list[Cell]:
        return [
            Cell(cell_text(value, column.digits), numeric)
            for value, column, numeric in zip(row, self.columns, self.numeric, strict=True)
        ]

    @property
    def html_headers(self) -> list[Cell]:
        return [
            Cell(header, numeric)
            for header, numeric in zip(self.headers, self.numeric, strict=True)
        ]

    @property
    def html_rows(self) -> list[list[Cell]]:
        return [self._cells(row) for row in self.body]

    @property
    def html_footer(self) -> list[Cell]:
        return self._cells(self.footer) if self.footer is not None else []


def table[Record](
    slug: str,
    caption: Text,
    columns: Sequence[Column[Record]],
    records: Iterable[Record],
    **options: Any,
) -> Table:
    """The records as a table: one row each, a value per column."""
    body = [[column.value(record) for column in columns] for record in records]
    return Table(slug, caption, list(columns), body, **options)


def to_xlsx(tables: Iterable[Table], *, wrap_headers: bool = False) -> bytes:
    """One sheet per table: a bold header row frozen in place, typed cells, the columns' widths."""
    workbook = sheets.new_workbook()
    for each in tables:
        sheets.add_sheet(workbook, each, widths=each.widths, wrap_headers=wrap_headers)
    return sheets.save(workbook)


def to_csv(one: Table) -> str:
    """One table as CSV (`mitra.lib.sheets`: UTF-8 with a byte-order mark)."""
    return sheets.to_csv(one.headers, one.rows)


def to_pdf(
    template: str,
    context: dict[str, Any],
    stylesheet: Path,
    *,
    progress: Callable[[int], object] | None = None,
) -> bytes:
    """A print template laid out by WeasyPrint with the shared and the report's stylesheet;
    `progress` hears of each stage (a percentage) when given."""
    html = render_to_string(template, context)
    if progress is None:
        return html_to_pdf(html, stylesheet)
    progress(RENDERED)
    return html_to_pdf(html, stylesheet, laid_out=lambda: progress(LAID_OUT))
