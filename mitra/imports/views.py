"""Pages of the spreadsheet import: upload, the dry run of one file, its commit, the template."""

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitra.imports import services
from mitra.imports.access import get_import_run_for_user, import_runs_for_user
from mitra.imports.columns import COLUMNS, IGNORED
from mitra.imports.forms import UploadForm
from mitra.imports.models import ImportRun
from mitra.imports.template import build_template
from mitra.lib import sheets
from mitra.lib.refusal import Refused
from mitra.tenancy.access import acting_user, require_tenant

HISTORY_SIZE = 50
OUTCOMES = {  # outcome -> (label before the commit, label after it, badge tone)
    "create": (gettext_lazy("will be created"), gettext_lazy("created"), "active"),
    "document": (
        gettext_lazy("adds a document to an earlier row"),
        gettext_lazy("document added"),
        "progress",
    ),
    "skip": (gettext_lazy("already recorded: skipped"), gettext_lazy("skipped"), "hold"),
    "error": (gettext_lazy("error"), gettext_lazy("error"), "stopped"),
}


@login_required
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    runs = import_runs_for_user(request)  # writers only: 403 for the other roles
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid() and form.sheet is not None:
        run = services.check_upload(
            require_tenant(request, write=True),
            by=acting_user(request),
            file_name=form.cleaned_data["file"].name,
            content=form.content,
            sheet=form.sheet,
        )
        return redirect(run)
    columns = [
        (c.header, c.label, ", ".join(c.synonyms), c.required)
        for c in COLUMNS
        if c.field != IGNORED
    ]
    context = {"form": form, "runs": runs[:HISTORY_SIZE], "columns": columns}
    return render(request, "imports/index.html", context)


@login_required
@require_GET
def template(request: HttpRequest) -> HttpResponse:
    content = build_template(require_tenant(request, write=True))
    return sheets.xlsx_response(content, "mitra-register-template.xlsx")


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _shown_row(row: dict[str, Any], committed: bool) -> dict[str, Any]:
    before, after, tone = OUTCOMES[row["outcome"]]
    document = row["document"]
    if document:
        document = document | {
            "date_signed": _day(document["date_signed"]),
            "valid_until": _day(document["valid_until"]),
        }
    return row | {"label": after if committed else before, "tone": tone, "document": document}


def _context(run: ImportRun) -> dict[str, Any]:
    report = run.report or {}
    counts = report.get("counts", {})
    return {
        "run": run,
        "report": report,
        "counts": counts,
        "rows": [_shown_row(row, run.is_committed) for row in report.get("rows", [])],
        "ready": not run.is_committed and not run.error_count and counts.get("create", 0) > 0,
        "earlier": services.earlier_imports(run),
        "created": run.cooperations.order_by("title") if run.is_committed else [],
    }


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_import_run_for_user(request, pk)
    return render(request, "imports/detail.html", _context(run))


@login_required
@require_POST
def commit(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_import_run_for_user(request, pk)
    try:
        run = services.commit_import(run, by=acting_user(request))
    except Refused as refusal:
        for problem in refusal.problems:
            messages.error(request, problem)
    else:
        count = run.created_count
        messages.success(
            request,
            ngettext(
                "%(count)s cooperation was imported.",
                "%(count)s cooperations were imported.",
                count,
            )
            % {"count": count},
        )
    return redirect(run)
