"""The report's PDF and XLSX as files the background worker builds (`mitra.downloads`).

A big city's yearly report takes seconds to lay out, more than a web request may hold a worker:
the report's download links ask for the file, the worker builds it with these functions.
"""

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitra.downloads.kinds import Built, CannotBuild, Kind, Order, register
from mitra.lib import sheets
from mitra.lib.reports import to_xlsx
from mitra.reports import pdf
from mitra.reports.forms import PeriodForm
from mitra.reports.queries import Report, build_report
from mitra.reports.tables import report_tables

PDF, XLSX = "reports.pdf", "reports.xlsx"
QUERIED = 20  # the progress once the report's figures are read


def _report(order: Order) -> Report:
    form = PeriodForm(order.query())
    if not form.is_valid():
        raise CannotBuild(_("The report's period is not valid; choose it again on the report."))
    start, end = form.dates()
    report = build_report(order.tenant, start=start, end=end)
    order.progress(QUERIED)
    return report


def file_name(report: Report, extension: str) -> str:
    name = slugify(f"{_('cooperation report')} {report.region_name} {report.start} {report.end}")
    return f"{name}.{extension}"


def build_pdf(order: Order) -> Built:
    report = _report(order)
    content = pdf.render_pdf(report, progress=order.progress)
    return Built(content, file_name(report, "pdf"), "application/pdf")


def build_xlsx(order: Order) -> Built:
    report = _report(order)
    content = to_xlsx(report_tables(report), wrap_headers=True)
    return Built(content, file_name(report, "xlsx"), sheets.XLSX_TYPE)


def register_kinds() -> None:
    register(Kind(PDF, gettext_lazy("Cooperation report (PDF)"), build_pdf))
    register(Kind(XLSX, gettext_lazy("Cooperation report (XLSX)"), build_xlsx))
