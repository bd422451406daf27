"""Pages for cooperations: the register, a cooperation's file, its record and its documents."""

import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitra.audit.presenter import audit_rows
from mitra.audit.services import trail_for
from mitra.cooperations import files, filters, remedies, services, timing, workflow
from mitra.cooperations.access import (
    can_consider,
    cooperations_for_user,
    get_cooperation_detail_for_user,
    get_cooperation_for_user,
    get_cooperation_to_consider,
    get_document_for_user,
    roles_in_tenant,
)
from mitra.cooperations.forms import (
    PARTY_FIELDS,
    PARTY_INITIAL,
    ConsiderationForm,
    CooperationFilterForm,
    CooperationForm,
    DocumentForm,
    PartyFormSet,
    TransitionForm,
    cooperation_initial,
    document_initial,
)
from mitra.cooperations.models import Cooperation, Document, DocumentParty
from mitra.cooperations.queries import awaits_consideration
from mitra.cooperations.templatetags.mitra_format import last_step_reached, procedure_progress
from mitra.cooperations.transitions import (
    Missing,
    NextStep,
    prior_state,
    problems_for,
    steps_of_others,
    steps_open,
)
from mitra.downloads.asking import ask_for_file, made_by_the_worker
from mitra.lib.edits import tell_saved
from mitra.lib.files import download
from mitra.lib.forms import ReasonForm
from mitra.lib.htmx import vary_on_htmx, wants_fragment
from mitra.lib.refusal import Refused, show_on_form
from mitra.lib.shortlist import page_of
from mitra.lib.tenant_changes import remembered
from mitra.tenancy.access import acting_user, can_write, require_tenant
from mitra.tenancy.models import WRITE_ROLES

PAGE_SIZE = 25
AUDIT_PAGE_SIZE = 25


def _filtered_by(cleaned: dict[str, object]) -> bool:
    """Whether the list is narrowed (sorting alone does not narrow it)."""
    return any(value for name, value in cleaned.items() if name != "sort")


@login_required
@require_GET
@vary_on_htmx
def index(request: HttpRequest) -> HttpResponse:
    form = CooperationFilterForm(require_tenant(request), request.GET)
    if not form.is_valid():
        messages.warning(request, _("Some filters were not understood and were left out."))
    key = ("cooperation list", request.GET.urlencode(), get_language())
    table = remembered(require_tenant(request), key, lambda: _list_table(request, form))
    context = {"form": form, "table": table}
    if wants_fragment(request):
        context["oob_messages"] = True
        return render(request, "cooperations/_list_results.html", context)
    return render(request, "cooperations/list.html", context)


def _list_table(request: HttpRequest, form: CooperationFilterForm) -> str:
    """The page of the list the address asks for, rendered: kept until the tenant's data
    changes (`lib.tenant_changes`), for whoever of the tenant asks for the same address. The
    table shows nothing of the person's own (its template reads only the address)."""
    matching = filters.filter_cooperations(cooperations_for_user(request), form.cleaned_data)
    page = Paginator(filters.with_list_columns(matching), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "filtered": _filtered_by(form.cleaned_data)}
    return render_to_string("cooperations/_list_table.html", context, request)


def _ask(request: HttpRequest, kind: str) -> HttpResponse:
    """The register under the list's filters, as a file the worker makes."""
    form = CooperationFilterForm(require_tenant(request), request.GET)
    return ask_for_file(request, kind=kind, params=files.filter_params(form))


@made_by_the_worker
@login_required
@require_http_methods(["GET", "POST"])
def export_xlsx(request: HttpRequest) -> HttpResponse:
    return _ask(request, files.XLSX)


@made_by_the_worker
@login_required
@require_http_methods(["GET", "POST"])
def export_csv(request: HttpRequest) -> HttpResponse:
    return _ask(request, files.CSV)


@dataclass(frozen=True)
class Failure:
    """A refused move: what the user tried, the note they typed (kept), and every reason."""

    action: str
    note: str
    problems: list[str]

    @property
    def label(self) -> str:
        return str(workflow.ACTION_LABELS.get(self.action, self.action))

    def linked(self, steps: list[NextStep]) -> list[Missing]:
        """Every reason, linked to the page where it is put right when the step tried names
        it among what it still lacks (`url` empty otherwise, and for read-only roles)."""
        urls = {m.text: m.url for step in steps if step.action == self.action for m in step.missing}
        return [Missing(problem, urls.get(problem, "")) for problem in self.problems]


def _steps(request: HttpRequest, coop: Cooperation) -> list[NextStep]:
    """The moves open to the user, from the cooperation as its page loaded it; read-only roles
    see what the office still has to do."""
    if can_write(request):
        return steps_open(coop, roles_in_tenant(request))
    return [
        NextStep(t, problems_for(coop, t))
        for t in workflow.transitions_from(coop)
        if t.roles & WRITE_ROLES
    ]


def _held_at(coop: Cooperation) -> str:
    try:
        return prior_state(coop)
    except Refused:
        return ""


def _procedure(request: HttpRequest, coop: Cooperation, events: list[Any]) -> dict[str, Any]:
    """Progress along the cooperation's own procedure and the next steps, for the panel."""
    main_line = workflow.steps_for(coop)
    on_hold = coop.state == Cooperation.State.ON_HOLD_CENTRAL_REVIEW
    held_at = _held_at(coop) if on_hold else ""
    steps = _steps(request, coop)
    from_here = workflow.transitions_from(coop)
    return {
        "progress": procedure_progress(
            main_line, coop.state, held_at or last_step_reached(main_line, events)
        ),
        "off_line": coop.state not in main_line,
        "on_hold": on_hold,
        "held_at": held_at,
        "next_steps": [s for s in steps if not s.transition.side],
        "other_steps": [s for s in steps if s.transition.side and not s.transition.asks_first],
        "grave_steps": [s for s in steps if s.transition.asks_first],
        "others_steps": (
            steps_of_others(coop, acting_user(request), roles_in_tenant(request))
            if can_write(request)
            else []
        ),
        "awaiting_centre": list(
            dict.fromkeys(
                str(t.label)
                for t in from_here
                if t.roles & workflow.CENTRE and not t.roles & WRITE_ROLES
            )
        ),
    }


def _parts(coop: Cooperation) -> dict[str, list[Any]]:
    """The cooperation's history, considerations and voided documents, for its page."""
    return {
        "events": list(coop.events.select_related("by")),
        "considerations": list(coop.considerations.select_related("by")),
        "voided_documents": list(
            Document.with_voided.filter(cooperation=coop, voided_at__isnull=False)
        ),
    }


def _detail_context(
    request: HttpRequest, coop: Cooperation, failure: Failure | None = None
) -> dict[str, Any]:
    partners = list(coop.partners.all())
    parts = remembered(coop.tenant, ("cooperation page parts", coop.pk), lambda: _parts(coop))
    events, considerations = parts["events"], parts["considerations"]
    procedure = _procedure(request, coop, events)
    shown = [s.action for s in procedure["next_steps"] + procedure["other_steps"]]
    return {
        "coop": coop,
        "partners": partners,
        "flagged_partners": [
            p for p in partners if p.country is not None and p.country.needs_central_guidance
        ],
        "events": events,
        "voided_documents": parts["voided_documents"],
        "procedure": procedure,
        "step_time": timing.current_step_time(coop, latest=timing.latest_move(events)),
        "failure": failure,
        "failure_in_step": failure is not None and failure.action in shown,
        "failure_problems": (
            failure.linked(procedure["next_steps"] + procedure["other_steps"]) if failure else []
        ),
        "considerations": considerations,
        "can_consider": can_consider(request),
        "awaits_consideration": can_consider(request)
        and awaits_consideration(coop, considerations),
    }


# Stands for the request's CSRF token in the content of a cooperation's page as it is kept
# (`detail`): each request puts its own token in its place. Random for each process, and as long
# as a token, so that no text of the tenant's can be taken for it.
_TOKEN_HOLDER = secrets.token_hex(32)


def _content(request: HttpRequest, coop: Cooperation, failure: Failure | None = None) -> str:
    """The page's content (everything below the navigation), with `_TOKEN_HOLDER` for the token."""
    context = {**_detail_context(request, coop, failure), "csrf_token": _TOKEN_HOLDER}
    return render_to_string("cooperations/_detail_content.html", context, request)


def _page(request: HttpRequest, coop: Cooperation, content: str) -> HttpResponse:
    """The cooperation's page around its `content`, with one token for every form of the page."""
    token = get_token(request)
    filled = mark_safe(content.replace(_TOKEN_HOLDER, token))  # noqa: S308  # our own rendering
    context = {"coop": coop, "content": filled, "csrf_token": token}
    return render(request, "cooperations/detail.html", context)


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    # The cooperation with its parts, and the page's content as rendered from them, kept until
    # the tenant's data changes (`lib.tenant_changes`): its page is opened again and again, and
    # rendering the content was most of the time of a kept page. The content shows nothing of
    # the person but what their roles allow (the steps open to them, the forms of a role that
    # writes), the day and the language: the key names these; the CSRF token is the request's.
    tenant = require_tenant(request)
    coop = remembered(
        tenant, ("cooperation page", pk), lambda: get_cooperation_detail_for_user(request, pk)
    )
    role = request.membership.role  # type: ignore[attr-defined]  # set with the tenant
    key = (
        "cooperation page content",
        pk,
        get_language(),
        timezone.localdate(),
        timezone.get_current_timezone_name(),
        role,
        roles_in_tenant(request),
    )
    content = remembered(tenant, key, lambda: _content(request, coop))
    return _page(request, coop, content)


@login_required
@require_GET
@vary_on_htmx
def audit(request: HttpRequest, pk: int) -> HttpResponse:
    """The cooperation's audit trail (its own changes and its parts'), newest first, a page at
    a time: the panel its page loads once shown (htmx), or a page of its own."""
    coop = get_cooperation_for_user(request, pk)
    page = page_of(request, trail_for(coop), AUDIT_PAGE_SIZE)
    context = {"coop": coop, "page": page, "trail": audit_rows(page.object_list)}
    template = "_audit_panel.html" if wants_fragment(request) else "audit.html"
    return render(request, f"cooperations/{template}", context)


def _procedure_response(
    request: HttpRequest, pk: int, failure: Failure | None = None
) -> HttpResponse:
    """The panel in place for htmx, else the whole page, with the refusal if there is one."""
    coop = get_cooperation_detail_for_user(request, pk)
    context = _detail_context(request, coop, failure)
    if wants_fragment(request):
        context["oob"] = True
        return render(request, "cooperations/_procedure_panel.html", context)
    return _page(request, coop, _content(request, coop, failure))


@login_required
@require_POST
def transition(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_for_user(request, pk, write=True)
    form = TransitionForm(request.POST, cooperation=coop)
    if not form.is_valid():
        problems = [str(error) for error in form.errors.get("note", [])] or [
            _("The request was incomplete; reload the page and try again.")
        ]
        typed = (request.POST.get("action", ""), request.POST.get("note", ""))
        return _procedure_response(request, pk, Failure(*typed, problems))
    move = form.cleaned_data
    try:
        event = services.apply_transition(
            coop,
            move["action"],
            by=acting_user(request),
            note=move["note"],
            expected_state=move["expected_state"],
        )
    except Refused as refusal:
        return _procedure_response(
            request, pk, Failure(move["action"], move["note"], refusal.problems)
        )
    messages.success(
        request,
        _("Recorded: %(action)s. The cooperation is now at “%(state)s”.")
        % {"action": workflow.ACTION_LABELS[event.action], "state": event.get_target_display()},
    )
    if wants_fragment(request):
        return _procedure_response(request, pk)
    return redirect(coop)


def _step_asking_first(request: HttpRequest, coop: Cooperation, action: str) -> NextStep:
    """The move `action` open to the user that asks first, or 404 (the page offers no other)."""
    for step in services.next_steps(coop, acting_user(request)):
        if step.action == action and step.transition.asks_first:
            return step
    raise Http404(_("This move is not open from the cooperation's current step."))


@login_required
@require_http_methods(["GET", "POST"])
def confirm_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """A move that cannot be undone (or stops the work): what will happen, and the reason."""
    coop = get_cooperation_for_user(request, pk, write=True)
    step = _step_asking_first(request, coop, action)
    form = TransitionForm(request.POST or None, cooperation=coop)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        move = form.cleaned_data
        try:
            event = services.apply_transition(
                coop,
                action,
                by=acting_user(request),
                note=move["note"],
                expected_state=move["expected_state"],
            )
        except Refused as refusal:
            problems = refusal.problems
        else:
            messages.success(
                request,
                _("Recorded: %(action)s. The cooperation is now at “%(state)s”.")
                % {"action": step.transition.label, "state": event.get_target_display()},
            )
            return redirect(coop)
    context = {
        "coop": coop,
        "step": step,
        "form": form,
        "problems": problems,
        "afterwards": [t.label for t in workflow.undoing(step.transition) if not t.asks_first],
    }
    return render(request, "cooperations/confirm_transition.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_for_user(request, pk, write=True)
    form = CooperationForm(
        coop.tenant, request.POST or None, initial=cooperation_initial(coop), editing=True
    )
    if request.method == "POST" and form.is_valid():
        changes = {name: value for name, value in form.cleaned_data.items() if name != "kind"}
        try:
            changed = services.update_cooperation(coop, by=acting_user(request), **changes)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            tell_saved(request, changed, _("The changes were saved."))
            return redirect(coop)
    return render(request, "cooperations/form.html", {"form": form, "coop": coop})


@login_required
@require_http_methods(["GET", "POST"])
def add_document(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_for_user(request, pk, write=True)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    kind = _starting_kind(request, coop)
    form = DocumentForm(coop, data, files, initial={"kind": kind})
    rows = remedies.signing_parties(coop) if kind in remedies.SIGNED_DOCUMENTS else PARTY_INITIAL
    parties = PartyFormSet(data, prefix="parties", initial=rows)
    if data is not None and all([form.is_valid(), parties.is_valid()]):
        try:
            services.attach_document(
                coop, by=acting_user(request), parties=parties.parties(), **form.cleaned_data
            )
        except Refused as refusal:
            show_on_form(form, refusal, parties)
        else:
            messages.success(request, _("The document was added."))
            return redirect(f"{coop.get_absolute_url()}#documents")
    context = {"coop": coop, "form": form, "parties": parties}
    return render(request, "cooperations/document_form.html", context)


def _starting_kind(request: HttpRequest, coop: Cooperation) -> str:
    """The kind a link asked for (a "what is missing" item), else the one the step needs."""
    asked = request.GET.get("kind", "")
    if asked in Document.Kind.values:
        return asked
    return remedies.document_kind_for_step(coop)


def _party_rows(document: Document) -> list[dict[str, str]]:
    """The parties' rows for the edit form: the recorded ones, then a blank row per free role."""
    rows = [
        {name: getattr(party, name) for name in PARTY_FIELDS} for party in document.parties.all()
    ]
    taken = {row["role"] for row in rows}
    return rows + [{"role": role} for role in DocumentParty.Role.values if role not in taken]


@login_required
@require_http_methods(["GET", "POST"])
def edit_document(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a document: date, place, numbers, validity, languages, custody; attach its file."""
    document = get_document_for_user(request, pk, write=True)
    coop = document.cooperation
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = DocumentForm(coop, data, files, initial=document_initial(document), editing=document)
    parties = PartyFormSet(data, prefix="parties", initial=_party_rows(document))
    if data is not None and all([form.is_valid(), parties.is_valid()]):
        try:
            changed = services.update_document(
                document, by=acting_user(request), parties=parties.parties(), **form.cleaned_data
            )
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            tell_saved(request, changed, _("The document was corrected."))
            return redirect(f"{coop.get_absolute_url()}#documents")
    context = {
        "coop": coop,
        "document": document,
        "form": form,
        "parties": parties,
        "trail": audit_rows(trail_for(document)),
    }
    return render(request, "cooperations/document_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def void_document(request: HttpRequest, pk: int) -> HttpResponse:
    """Void a wrong document with a reason; it stays in the trail and stops counting."""
    document = get_document_for_user(request, pk, write=True)
    coop = document.cooperation
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.void_document(document, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The document was voided; the history keeps it."))
            return redirect(f"{coop.get_absolute_url()}#documents")
    context = {"record": document, "form": form, "back": f"{coop.get_absolute_url()}#documents"}
    return render(request, "void_record.html", context)


@login_required
@require_GET
def download_document(request: HttpRequest, pk: int) -> FileResponse:
    document = get_document_for_user(request, pk)
    return download(document.file, none=_("This document has no file."), fallback_name="document")


@login_required
@require_http_methods(["GET", "POST"])
def consider(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_to_consider(request, pk)
    form = ConsiderationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_consideration(coop, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The team's consideration was recorded."))
            return redirect(f"{coop.get_absolute_url()}#considerations")
    return render(request, "cooperations/consideration_form.html", {"coop": coop, "form": form})
