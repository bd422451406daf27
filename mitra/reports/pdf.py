"""The report as a PDF: `reports/print.html` laid out by WeasyPrint with `print.css`.

WeasyPrint is not a browser: it runs no script and fetches nothing here (the template links no
file), so the page's Content-Security-Policy has no part in it. Page numbers and the running
footer come from the print stylesheet's `@page` rules.
"""

from collections.abc import Callable
from pathlib import Path

from mitra.lib.reports import to_pdf
from mitra.reports.charts import summaries
from mitra.reports.queries import Report
from mitra.reports.tables import steps_table

PRINT_CSS = Path(__file__).with_name("print.css")


def render_pdf(report: Report, progress: Callable[[int], object] | None = None) -> bytes:
    """The whole report, A4 landscape, in the active language."""
    context = {"report": report, "summaries": summaries(report), "steps": steps_table(report)}
    return to_pdf("reports/print.html", context, PRINT_CSS, progress=progress)
