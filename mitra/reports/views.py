"""The report page and its PDF and XLSX downloads; every member of the tenant may read them."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mitra.lib import sheets
from mitra.lib.reports import to_xlsx
from mitra.lib.shortlist import page_of, shortlist
from mitra.reports import pdf
from mitra.reports.charts import summaries
from mitra.reports.forms import PeriodForm
from mitra.reports.queries import Report, build_report
from mitra.reports.tables import report_tables, steps_table
from mitra.tenancy.access import require_tenant

SHOWN = 10  # cooperations needing follow-up the page lists; the PDF and XLSX list them all


def _period_form(request: HttpRequest) -> PeriodForm:
    """The period asked for, or the current year on a first visit."""
    return PeriodForm(request.GET or PeriodForm.defaults(timezone.localdate()))


def _invalid(request: HttpRequest, form: PeriodForm, status: int = 200) -> HttpResponse:
    return render(request, "reports/index.html", {"form": form, "report": None}, status=status)


def _download(content: bytes, content_type: str, report: Report, extension: str) -> HttpResponse:
    name = slugify(f"{_('cooperation report')} {report.region_name} {report.start} {report.end}")
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    tenant = require_tenant(request)
    form = _period_form(request)
    if not form.is_valid():
        return _invalid(request, form)
    start, end = form.dates()
    report = build_report(tenant, start=start, end=end)
    context = {
        "form": form,
        "report": report,
        "register": page_of(request, report.register),
        "needing": shortlist(report.follow_up.needing, SHOWN),
        "summaries": summaries(report),
        "steps": steps_table(report),
        "query": form.query(),
    }
    return render(request, "reports/index.html", context)


@login_required
@require_GET
def report_pdf(request: HttpRequest) -> HttpResponse:
    tenant = require_tenant(request)
    form = _period_form(request)
    if not form.is_valid():
        return _invalid(request, form, status=400)
    start, end = form.dates()
    report = build_report(tenant, start=start, end=end)
    return _download(pdf.render_pdf(report), "application/pdf", report, "pdf")


@login_required
@require_GET
def report_xlsx(request: HttpRequest) -> HttpResponse:
    tenant = require_tenant(request)
    form = _period_form(request)
    if not form.is_valid():
        return _invalid(request, form, status=400)
    start, end = form.dates()
    report = build_report(tenant, start=start, end=end)
    content = to_xlsx(report_tables(report), wrap_headers=True)
    return _download(content, sheets.XLSX_TYPE, report, "xlsx")
