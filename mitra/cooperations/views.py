"""Pages for cooperations: the register, a cooperation's file, its record and its documents."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from mitra.audit.services import trail_for
from mitra.cooperations import filters, services
from mitra.cooperations.access import (
    cooperations_for_user,
    get_cooperation_detail_for_user,
    get_cooperation_for_user,
    get_document_for_user,
)
from mitra.cooperations.forms import (
    PARTY_INITIAL,
    CooperationFilterForm,
    CooperationForm,
    DocumentForm,
    PartyFormSet,
    add_refusal,
    cooperation_initial,
)
from mitra.cooperations.models import Cooperation
from mitra.cooperations.templatetags.mitra_format import audit_rows
from mitra.lib.refusal import Refused
from mitra.tenancy.access import require_tenant

PAGE_SIZE = 25


def _filtered_by(cleaned: dict[str, object]) -> bool:
    """Whether the list is narrowed (sorting alone does not narrow it)."""
    return any(value for name, value in cleaned.items() if name != "sort")


def _user(request: HttpRequest) -> User:
    """The signed-in user acting (the views are all behind login_required)."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def _wants_fragment(request: HttpRequest) -> bool:
    # A history restore asks for the whole page even though htmx sends it.
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]


@login_required
@require_GET
@vary_on_headers("HX-Request")
def index(request: HttpRequest) -> HttpResponse:
    form = CooperationFilterForm(require_tenant(request), request.GET)
    if not form.is_valid():
        messages.warning(request, _("Some filters were not understood and were left out."))
    matching = filters.filter_cooperations(cooperations_for_user(request), form.cleaned_data)
    page = Paginator(filters.with_list_columns(matching), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"form": form, "page": page, "filtered": _filtered_by(form.cleaned_data)}
    if _wants_fragment(request):
        context["oob_messages"] = True
        return render(request, "cooperations/_list_results.html", context)
    return render(request, "cooperations/list.html", context)


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_detail_for_user(request, pk)
    partners = list(coop.partners.all())
    context = {
        "coop": coop,
        "partners": partners,
        "flagged_partners": [
            p for p in partners if p.country is not None and p.country.needs_central_guidance
        ],
        "on_hold": coop.state == Cooperation.State.ON_HOLD_CENTRAL_REVIEW,
        "events": coop.events.select_related("by"),
        "trail": audit_rows(trail_for(coop)),
    }
    return render(request, "cooperations/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    tenant = require_tenant(request, write=True)
    form = CooperationForm(
        tenant,
        request.POST or None,
        initial={"owner": request.user, "budget": Cooperation.Budget.NOT_BUDGETED},
    )
    if request.method == "POST" and form.is_valid():
        try:
            coop = services.create_cooperation(tenant, by=_user(request), **form.cleaned_data)
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, _("The cooperation was recorded."))
            return redirect(coop)
    return render(request, "cooperations/form.html", {"form": form})


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
            services.update_cooperation(coop, by=_user(request), **changes)
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect(coop)
    return render(request, "cooperations/form.html", {"form": form, "coop": coop})


@login_required
@require_http_methods(["GET", "POST"])
def add_document(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_for_user(request, pk, write=True)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = DocumentForm(coop, data, files)
    parties = PartyFormSet(data, prefix="parties", initial=PARTY_INITIAL)
    if data is not None and all([form.is_valid(), parties.is_valid()]):
        try:
            services.attach_document(
                coop, by=_user(request), parties=parties.parties(), **form.cleaned_data
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, _("The document was added."))
            return redirect(f"{coop.get_absolute_url()}#documents")
    context = {"coop": coop, "form": form, "parties": parties}
    return render(request, "cooperations/document_form.html", context)


@login_required
@require_GET
def download_document(request: HttpRequest, pk: int) -> FileResponse:
    document = get_document_for_user(request, pk)
    if not document.file:
        raise Http404(_("This document has no file."))
    try:
        stream = document.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing from storage.")) from None
    return FileResponse(
        stream, as_attachment=True, filename=Path(document.file.name or "document").name
    )
