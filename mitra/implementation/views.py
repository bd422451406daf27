"""Pages for implementation: the leadership view, a cooperation's plan, items, progress, evaluations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, prefetch_related_objects
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitra.downloads.asking import ask_for_file, made_by_the_worker
from mitra.implementation import files, services
from mitra.implementation.access import (
    get_cooperation_for_user,
    get_evaluation_for_user,
    get_item_for_user,
    get_update_for_user,
)
from mitra.implementation.forms import (
    CarryForm,
    EvaluationForm,
    IntendedOutputForm,
    PlanItemForm,
    ProgressForm,
    evaluation_initial,
    item_initial,
    new_item_initial,
)
from mitra.implementation.models import Obligation, ProgressUpdate
from mitra.implementation.overview import overview as build_overview
from mitra.implementation.progress import benefit_rows, item_progress
from mitra.implementation.queries import panel_context, plan_documents
from mitra.lib.edits import tell_saved
from mitra.lib.files import download
from mitra.lib.formatting import iso_month
from mitra.lib.htmx import vary_on_htmx, wants_fragment
from mitra.lib.refusal import Refused, show_on_form
from mitra.lib.shortlist import page_of, shortlist
from mitra.tenancy.access import acting_user, can_write, require_tenant

SHOWN = 10  # dormant cooperations named in the alert; the rest are counted


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """The signed cooperations' figures, their rows a page at a time (the XLSX has them all)."""
    report = build_overview(require_tenant(request), timezone.localdate())
    context = {
        "report": report,
        "rows": page_of(request, report.rows),
        "dormant": shortlist(report.dormant, SHOWN),
    }
    return render(request, "implementation/overview.html", context)


@made_by_the_worker
@login_required
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest) -> HttpResponse:
    return ask_for_file(request, kind=files.XLSX, params={})


@login_required
@require_GET
@vary_on_htmx
def panel(request: HttpRequest, pk: int) -> HttpResponse:
    """The implementation panel of a cooperation's page, loaded once shown (htmx): promised
    against done, items at risk, benefits, evaluations. Without htmx, the plan's own page."""
    if not wants_fragment(request):
        return cooperation(request, pk)
    coop = get_cooperation_for_user(request, pk)
    context = panel_context(coop) | {"can_write": can_write(request)}
    return render(request, "implementation/_cooperation_panel.html", context)


@login_required
@require_GET
def cooperation(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_for_user(request, pk)
    context = panel_context(coop) | {"can_write": can_write(request)}
    context["carry_form"] = CarryForm(coop)
    context["documents"] = [
        (document, [p for p in context["progresses"] if p.item.document_id == document.pk])
        for document in plan_documents(coop)
    ]
    return render(request, "implementation/cooperation.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def add_item(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_for_user(request, pk, write=True)
    asked = request.GET.get("document", "")
    chosen = plan_documents(coop).filter(pk=int(asked)).first() if asked.isdigit() else None
    data = request.POST if request.method == "POST" else None
    form = PlanItemForm(coop, data, initial=new_item_initial(coop, chosen))
    if data is not None and form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            item = services.create_plan_item(
                fields.pop("document"), by=acting_user(request), **fields
            )
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The plan item was added."))
            return redirect(item)
    context = {"form": form, "coop": coop, "has_documents": plan_documents(coop).exists()}
    return render(request, "implementation/item_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def add_intended_output(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_for_user(request, pk, write=True)
    form = IntendedOutputForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_intended_output(coop, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The intended output was recorded."))
            return redirect(f"{coop.get_absolute_url()}#implementation")
    return render(request, "implementation/intended_output_form.html", {"form": form, "coop": coop})


@login_required
@require_POST
def carry_intended_outputs(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_for_user(request, pk, write=True)
    form = CarryForm(coop, request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a signed agreement to carry the intended outputs into."))
        return redirect("implementation:cooperation", pk=coop.pk)
    try:
        items = services.carry_intended_outputs(
            form.cleaned_data["document"], by=acting_user(request)
        )
    except Refused as refusal:
        for problem in refusal.problems:
            messages.error(request, problem)
    else:
        done = ngettext(
            "%(count)d intended output is now an item of the plan of action.",
            "%(count)d intended outputs are now items of the plan of action.",
            len(items),
        )
        messages.success(request, done % {"count": len(items)})
    return redirect("implementation:cooperation", pk=coop.pk)


@login_required
@require_GET
def item(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_item_for_user(request, pk)
    reports = ProgressUpdate.objects.select_related("reported_by").order_by("date", "pk")
    prefetch_related_objects([found], Prefetch("updates", queryset=reports))
    progress = item_progress(found, timezone.localdate(), found.tenant.stale_progress_days)
    context = {
        "item": found,
        "progress": progress,
        "benefits": benefit_rows(progress.benefits),
        "obligations": Obligation.objects.filter(item=found).select_related("task", "event"),
        "can_write": can_write(request),
    }
    return render(request, "implementation/item.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_item(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_item_for_user(request, pk, write=True)
    data = request.POST if request.method == "POST" else None
    form = PlanItemForm(found.cooperation, data, initial=item_initial(found))
    if data is not None and form.is_valid():
        try:
            changed = services.update_plan_item(found, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            tell_saved(request, changed, _("The plan item was saved."))
            return redirect(found)
    context = {"form": form, "coop": found.cooperation, "item": found, "has_documents": True}
    return render(request, "implementation/item_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def add_progress(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_item_for_user(request, pk, write=True)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = ProgressForm(found, data, files, initial={"date": timezone.localdate()})
    if data is not None and form.is_valid():
        try:
            services.record_progress(found, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The progress report was recorded."))
            return redirect(found)
    return render(request, "implementation/progress_form.html", {"form": form, "item": found})


@login_required
@require_GET
def evidence(request: HttpRequest, pk: int) -> FileResponse:
    update = get_update_for_user(request, pk)
    none = _("This report has no evidence file.")
    return download(update.evidence_file, none=none, fallback_name="evidence")


@login_required
@require_http_methods(["GET", "POST"])
def add_evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_for_user(request, pk, write=True)
    data = request.POST if request.method == "POST" else None
    initial = evaluation_initial(coop.tenant, timezone.localdate())
    form = EvaluationForm(coop, data, initial=initial)
    if data is not None and form.is_valid():
        try:
            found = services.record_evaluation(
                coop, by=acting_user(request), **form.evaluation_fields()
            )
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The evaluation was recorded with its report."))
            return redirect(found)
    return render(request, "implementation/evaluation_form.html", {"form": form, "coop": coop})


@login_required
@require_GET
def evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_evaluation_for_user(request, pk)
    return render(request, "implementation/evaluation.html", {"evaluation": found})


@login_required
@require_GET
def evaluation_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from mitra.implementation.pdf import render_evaluation_pdf  # WeasyPrint loads slowly

    found = get_evaluation_for_user(request, pk)
    response = HttpResponse(render_evaluation_pdf(found), content_type="application/pdf")
    name = f"evaluation-{found.cooperation_id}-{iso_month(found.period_start)}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
