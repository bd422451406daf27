"""The report as a PDF: `reports/print.html` laid out by WeasyPrint with `print.css`.

WeasyPrint is not a browser: it runs no script and fetches nothing here (the template links no
file), so the page's Content-Security-Policy has no part in it. Page numbers and the running
footer come from the print stylesheet's `@page` rules.
"""

from pathlib import Path

from django.template.loader import render_to_string

from mitra.lib.pdf import html_to_pdf
from mitra.reports.charts import summaries
from mitra.reports.queries import Report

PRINT_CSS = Path(__file__).with_name("print.css")


def render_pdf(report: Report) -> bytes:
    """The whole report, A4 landscape, in the active language."""
    html = render_to_string(
        "reports/print.html", {"report": report, "summaries": summaries(report)}
    )
    return html_to_pdf(html, PRINT_CSS)
