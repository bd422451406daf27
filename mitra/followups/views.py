"""Pages for follow-up: logging activities, a person's tasks, the office's tasks, and the gaps."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitra.audit.presenter import audit_rows
from mitra.audit.services import trail_for
from mitra.cooperations.access import cooperations_for_user
from mitra.followups import rules, services
from mitra.followups.access import (
    get_activity_for_user,
    get_task_for_user,
    tasks_for_user,
)
from mitra.followups.forms import (
    OVERDUE,
    ActivityForm,
    CloseTaskForm,
    CommitmentFormSet,
    ReassignForm,
    TaskFilterForm,
    TaskForm,
    activity_initial,
)
from mitra.followups.models import Task
from mitra.followups.queries import group_by_due
from mitra.lib.edits import tell_saved
from mitra.lib.files import download
from mitra.lib.forms import ReasonForm
from mitra.lib.htmx import tell_the_page, vary_on_htmx, wants_fragment
from mitra.lib.refusal import Refused, show_on_form
from mitra.lib.shortlist import page_of
from mitra.tenancy.access import acting_user, require_tenant

TASK_PAGE_SIZE = 50


def _initial_links(request: HttpRequest) -> dict[str, str]:
    names = ("cooperation", "partner")
    return {name: request.GET[name] for name in names if request.GET.get(name, "").isdigit()}


def _starting_values(request: HttpRequest) -> dict[str, Any]:
    """What a new activity or task starts from: the cooperation (or partner) it was opened from,
    that cooperation's partner and its owner as the staff present and assignee, and today. A
    cooperation the user may not read is left out, as if not given."""
    initial: dict[str, Any] = {"date": timezone.localdate(), **_initial_links(request)}
    if "cooperation" not in initial:
        return initial
    coop = (
        cooperations_for_user(request)
        .filter(pk=initial["cooperation"])
        .prefetch_related("partners")
        .first()
    )
    if coop is None:
        return initial
    partners = list(coop.partners.all())
    if partners and "partner" not in initial:
        initial["partner"] = partners[0].pk
    if coop.owner_id is not None:
        initial["staff"] = [coop.owner_id]
        initial["assignee"] = coop.owner_id
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def log_activity(request: HttpRequest) -> HttpResponse:
    tenant = require_tenant(request, write=True)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    initial = _starting_values(request)
    form = ActivityForm(tenant, data, files, initial=initial)
    # A commitment goes to the cooperation's owner, else to whoever logs the meeting.
    assignee = initial.get("assignee") or acting_user(request).pk
    rows = CommitmentFormSet(
        data, prefix="tasks", form_kwargs={"tenant": tenant, "assignee": assignee}
    )
    if data is not None and all([form.is_valid(), rows.is_valid()]):
        try:
            activity = services.log_activity(
                tenant, by=acting_user(request), commitments=rows.commitments(), **form.cleaned_data
            )
        except Refused as refusal:
            show_on_form(form, refusal, rows={"commitments": rows.filled()})
        else:
            messages.success(request, _("The activity was logged."))
            return redirect("followups:activity", pk=activity.pk)
    return render(request, "followups/activity_form.html", {"form": form, "rows": rows})


@login_required
@require_GET
def contact_choices(request: HttpRequest) -> HttpResponse:
    """The activity form's contacts for the partner just chosen (htmx swaps them in), those
    still ticked kept ticked."""
    tenant = require_tenant(request, write=True)
    initial = {
        "partner": request.GET.get("partner"),
        "partner_contacts": [pk for pk in request.GET.getlist("partner_contacts") if pk.isdigit()],
    }
    form = ActivityForm(tenant, initial=initial)
    return render(request, "followups/_contacts_field.html", {"form": form})


@login_required
@require_GET
def activity(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_activity_for_user(request, pk, voided=True)
    trail = audit_rows(trail_for(found))
    return render(request, "followups/activity.html", {"activity": found, "trail": trail})


@login_required
@require_http_methods(["GET", "POST"])
def edit_activity(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a recorded activity through the audited service."""
    found = get_activity_for_user(request, pk, write=True)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    recorded = [contact.pk for contact in found.partner_contacts.all()]
    form = ActivityForm(
        found.tenant, data, files, initial=activity_initial(found), recorded_contacts=recorded
    )
    if data is not None and form.is_valid():
        try:
            changed = services.update_activity(found, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            tell_saved(request, changed, _("The activity was corrected."))
            return redirect("followups:activity", pk=found.pk)
    return render(request, "followups/activity_form.html", {"form": form, "activity": found})


@login_required
@require_http_methods(["GET", "POST"])
def void_activity(request: HttpRequest, pk: int) -> HttpResponse:
    """Void an activity recorded by mistake, with a reason the history keeps."""
    found = get_activity_for_user(request, pk, write=True)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.void_activity(found, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The activity was voided; the history keeps it."))
            return redirect("followups:activity", pk=found.pk)
    back = reverse("followups:activity", args=[found.pk])
    # Voiding the activity leaves its commitments as they are: the page says so, by name.
    still_open = list(found.tasks.open().order_by("due_date", "pk"))
    context = {"record": found, "form": form, "back": back, "still_open": still_open}
    return render(request, "void_record.html", context)


@login_required
@require_GET
def download_attachment(request: HttpRequest, pk: int) -> FileResponse:
    found = get_activity_for_user(request, pk)
    none = _("This activity has no attachment.")
    return download(found.attachment, none=none, fallback_name="attachment")


@login_required
@require_GET
@vary_on_htmx
def my_tasks(request: HttpRequest) -> HttpResponse:
    """The user's open tasks by due period, the first of each; the rest on the office list."""
    user = acting_user(request)
    mine = tasks_for_user(request).filter(status=Task.Status.OPEN, assignee=user)
    groups = group_by_due(mine, timezone.localdate())
    everything = f"{reverse('followups:tasks')}?{urlencode({'person': user.pk, 'status': 'open'})}"
    context = {"groups": groups, "today": timezone.localdate(), "all_mine": everything}
    template = "_my_task_groups.html" if wants_fragment(request) else "my_tasks.html"
    return render(request, f"followups/{template}", context)


@login_required
@require_GET
@vary_on_htmx
def task_list(request: HttpRequest) -> HttpResponse:
    form = TaskFilterForm(require_tenant(request), request.GET)
    tasks = tasks_for_user(request)
    if form.is_valid():
        if form.cleaned_data["person"]:
            tasks = tasks.filter(assignee=form.cleaned_data["person"])
        if form.cleaned_data["status"] == OVERDUE:
            tasks = tasks.overdue(timezone.localdate())
        elif form.cleaned_data["status"]:
            tasks = tasks.filter(status=form.cleaned_data["status"])
    page = page_of(request, tasks, TASK_PAGE_SIZE)
    context = {"form": form, "page": page, "tasks": page.object_list, "today": timezone.localdate()}
    template = "_task_table.html" if wants_fragment(request) else "task_list.html"
    return render(request, f"followups/{template}", context)


@login_required
@require_http_methods(["GET", "POST"])
def create_task(request: HttpRequest) -> HttpResponse:
    tenant = require_tenant(request, write=True)
    data = request.POST if request.method == "POST" else None
    form = TaskForm(tenant, data, initial=_starting_values(request))
    if data is not None and form.is_valid():
        try:
            task = services.create_task(tenant, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The task was added."))
            return redirect(task.get_office_url())
    return render(request, "followups/task_form.html", {"form": form})


# Told to the page when a task row changed: "My tasks" then reads its groups again, so a task
# closed there leaves its group and the group's count follows.
TASK_CHANGED = "task-changed"


def _task_row(request: HttpRequest, task: Task, problems: list[str] | None = None) -> HttpResponse:
    """The row in place for htmx, else back to the list the user came from."""
    if wants_fragment(request):
        context = {"task": task, "problems": problems or [], "today": timezone.localdate()}
        response = render(request, "followups/_task_row.html", context)
        return response if problems else tell_the_page(response, TASK_CHANGED)
    for problem in problems or []:
        messages.error(request, problem)
    return redirect(_back(request))


def _back(request: HttpRequest) -> str:
    """The page the user came from (`next`, when it is on this site), else their tasks."""
    back = request.POST.get("next") or request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure())
    return back if back and safe else reverse("followups:my_tasks")


@login_required
@require_POST
def complete_task(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_task_for_user(request, pk, write=True, own=True)
    form = CloseTaskForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.complete_task(task, by=acting_user(request), note=note)
    except Refused as refusal:
        return _task_row(request, task, refusal.problems)
    return _task_row(request, task)


@login_required
@require_http_methods(["GET", "POST"])
def cancel_task(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel a task no longer needed: it cannot be reopened, so a page asks first, with the
    reason the task keeps as its note."""
    task = get_task_for_user(request, pk, write=True)
    form = ReasonForm(request.POST or None)
    back = _back(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel_task(task, by=acting_user(request), note=form.cleaned_data["reason"])
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The task was cancelled; its reason is kept."))
            return redirect(back)
    context = {"task": task, "form": form, "back": back}
    return render(request, "followups/cancel_task.html", context)


@login_required
@require_POST
def reassign_task(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_task_for_user(request, pk, write=True)
    form = ReassignForm(task.tenant, request.POST)
    if not form.is_valid():
        return _task_row(request, task, [_("Choose a member of this regional government.")])
    try:
        services.reassign_task(task, by=acting_user(request), **form.cleaned_data)
    except Refused as refusal:
        return _task_row(request, task, refusal.problems)
    return _task_row(request, task)


@login_required
@require_GET
def needs_follow_up(request: HttpRequest) -> HttpResponse:
    """The live cooperations needing follow-up, by title, a page at a time (filtered in SQL)."""
    tenant, today = require_tenant(request), timezone.localdate()
    live = rules.live_cooperations(tenant).order_by("title", "pk")
    page = page_of(request, rules.needing_follow_up(live, tenant, today))
    gaps = rules.gaps_of(page.object_list, tenant, today)
    return render(request, "followups/needs_follow_up.html", {"gaps": gaps, "page": page})
