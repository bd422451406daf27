"""The report page and its PDF and XLSX downloads (made by the worker); every member of the
tenant may read them. The page shows the report's figures and one page of its register
(`overview`); the files hold the whole register (`queries.build_report`)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from mitra.downloads.asking import ask_for_file, made_by_the_worker
from mitra.downloads.kinds import params_of
from mitra.lib.shortlist import page_of
from mitra.reports import files
from mitra.reports.charts import summaries
from mitra.reports.forms import PeriodForm
from mitra.reports.overview import report_overview, with_register_rows
from mitra.reports.tables import steps_table
from mitra.tenancy.access import require_tenant

SHOWN = 10  # cooperations needing follow-up the page lists; the PDF and XLSX list them all


def _period_form(request: HttpRequest) -> PeriodForm:
    """The period asked for, or the current year on a first visit."""
    return PeriodForm(request.GET or PeriodForm.defaults(timezone.localdate()))


def _invalid(request: HttpRequest, form: PeriodForm) -> HttpResponse:
    return render(request, "reports/index.html", {"form": form, "report": None})


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    tenant = require_tenant(request)
    form = _period_form(request)
    if not form.is_valid():
        return _invalid(request, form)
    start, end = form.dates()
    report = report_overview(tenant, start=start, end=end, shown=SHOWN)
    context = {
        "form": form,
        "report": report,
        "register": with_register_rows(page_of(request, report.order), tenant, report),
        "needing": report.follow_up.needing,
        "summaries": summaries(report),
        "steps": steps_table(report),
        "query": form.query(),
    }
    return render(request, "reports/index.html", context)


def _ask(request: HttpRequest, kind: str) -> HttpResponse:
    """The file of the period asked for, made by the worker; a bad period is the form's error."""
    require_tenant(request)
    form = _period_form(request)
    if not form.is_valid():
        return _invalid(request, form)
    return ask_for_file(request, kind=kind, params=params_of(form.data, list(form.fields)))


@made_by_the_worker
@login_required
@require_http_methods(["GET", "POST"])
def report_pdf(request: HttpRequest) -> HttpResponse:
    return _ask(request, files.PDF)


@made_by_the_worker
@login_required
@require_http_methods(["GET", "POST"])
def report_xlsx(request: HttpRequest) -> HttpResponse:
    return _ask(request, files.XLSX)
