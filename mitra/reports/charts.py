"""Horizontal bar charts as inline SVG geometry, for the report page and the PDF alike.

No JavaScript: the page's Content-Security-Policy forbids inline scripts and WeasyPrint runs
none. Python lays the bars out; `reports/_bar_chart.html` writes the SVG. Every coordinate is
a string so the template does not localise it ("12,5" is not an SVG number).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from mitra.cooperations.queries import Tally
from mitra.reports.overview import Overview
from mitra.reports.queries import Report
from mitra.reports.templatetags.reports_format import number

WIDTH = 520
LABEL_WIDTH = 190  # labels are right-aligned against the bars
VALUE_WIDTH = 44
ROW = 20
BAR = 13
LABEL_CHARS = 30


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    y: str
    text_y: str
    width: str
    value_x: str


@dataclass(frozen=True)
class BarChart:
    slug: str
    title: str
    bars: list[Bar]
    width: str
    height: str
    label_x: str
    bar_x: str
    bar_height: str


def _shorten(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(slug: str, title: str, tallies: Sequence[Tally]) -> BarChart:
    """One bar per tally, scaled to the largest count."""
    top = max((t.count for t in tallies), default=0) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 8
    bars = []
    for index, tally in enumerate(tallies):
        length = room * tally.count / top
        bars.append(
            Bar(
                label=_shorten(tally.label),
                value=number(tally.count),
                y=str(index * ROW + 3),
                text_y=str(index * ROW + 14),
                width=f"{length:.1f}",
                value_x=f"{LABEL_WIDTH + length + 4:.1f}",
            )
        )
    return BarChart(
        slug=slug,
        title=title,
        bars=bars,
        width=str(WIDTH),
        height=str(max(len(bars), 1) * ROW + 4),
        label_x=str(LABEL_WIDTH - 6),
        bar_x=str(LABEL_WIDTH),
        bar_height=str(BAR),
    )


@dataclass(frozen=True)
class Summary:
    """One summary table of the report with its chart: `column` heads the labels' column."""

    slug: str
    title: str
    column: str
    tallies: list[Tally]
    chart: BarChart


def _summary(slug: str, title: str, column: str, tallies: list[Tally]) -> Summary:
    return Summary(slug, title, column, tallies, bar_chart(slug, title, tallies))


def summaries(report: Report | Overview) -> list[Summary]:
    """The register counted by state (at the period's end), kind, sector and partner country."""
    return [
        _summary("state", _("By state at the end of the period"), _("State"), report.by_state),
        _summary("kind", _("By kind"), _("Kind"), report.by_kind),
        _summary("sector", _("By sector"), _("Sector"), report.by_sector),
        _summary("country", _("By partner country"), _("Country"), report.by_country),
    ]
