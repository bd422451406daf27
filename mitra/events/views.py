"""Pages for events: the month calendar, an event's agenda of signings, and calendar feeds."""

from copy import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitra.cooperations.models import Document
from mitra.events import access, services
from mitra.events.calendar import month_bounds, month_grid
from mitra.events.feeds import feed_calendar
from mitra.events.forms import EventForm, RecordSigningForm, SigningEditForm, SigningPlanForm
from mitra.events.models import Event, PlannedSigning, feed_url
from mitra.events.readiness import Readiness, readiness
from mitra.lib.dates import month_from_query
from mitra.lib.edits import tell_saved
from mitra.lib.forms import ReasonForm
from mitra.lib.htmx import wants_fragment
from mitra.lib.refusal import Refused, show_on_form
from mitra.tenancy.access import acting_user, can_write, require_tenant


def _month(request: HttpRequest) -> date:
    asked = month_from_query(request.GET.get("month"))
    return asked or timezone.localdate().replace(day=1)


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    first = _month(request)
    start, end = month_bounds(first)
    overlapping = Q(ends_on__gte=start) | Q(ends_on=None, starts_on__gte=start)
    events = list(access.events_for_user(request).filter(overlapping, starts_on__lte=end))
    signings = list(
        PlannedSigning.objects.filter(event__in=events)
        .exclude(status=PlannedSigning.Status.CANCELLED)
        .select_related("event", "cooperation")
    )
    month = month_grid(first, events, signings, timezone.localdate())
    upcoming = access.events_for_user(request).filter(starts_on__gte=timezone.localdate())[:10]
    return render(request, "events/index.html", {"month": month, "upcoming": upcoming})


@dataclass
class AgendaRow:
    """One signing on the agenda: its readiness, its parties and the form to record it."""

    signing: PlannedSigning
    readiness: Readiness
    form: RecordSigningForm
    refused: list[str] = field(default_factory=list)

    @property
    def partners(self) -> list[Any]:
        return list(self.signing.cooperation.partners.all())


def _parties(signing: PlannedSigning) -> list[tuple[str, str]]:
    names = [signing.event.tenant.name] + [p.name for p in signing.cooperation.partners.all()]
    return list(zip(["first", "second", "third"], names, strict=False))


def _row(signing: PlannedSigning, data: Any = None, files: Any = None) -> AgendaRow:
    # The event's day is the likely day of signing once it has come; before it, that day would
    # only be refused (no document is signed in the future), so the day is left to be entered.
    day = signing.event.starts_on
    form = RecordSigningForm(
        _parties(signing),
        data,
        files,
        prefix=f"signing-{signing.pk}",
        initial={
            "date_signed": day if day <= timezone.localdate() else None,
            "place": signing.event.place,
        },
    )
    check = readiness(signing.cooperation, signing.document_kind)
    return AgendaRow(signing, check, form)


def _agenda(event: Event) -> list[AgendaRow]:
    signings = list(access.agenda_signings(event))
    for signing in signings:
        signing.event = event  # the agenda shares the event already loaded
    return [_row(s) for s in signings]


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.get_event_for_user(request, pk)
    context = {
        "event": event,
        "rows": _agenda(event),
        "can_write": can_write(request),
        "voided": access.voided_signings(event),
    }
    return render(request, "events/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    tenant = require_tenant(request, write=True)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.create_event(tenant, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The event was recorded."))
            return redirect(event)
    return render(request, "events/form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.get_event_for_user(request, pk, write=True)
    # Validating a ModelForm writes into its instance: give it a copy, so `event` stays as stored
    # and the audit row of update_event records what changed.
    form = EventForm(request.POST or None, instance=copy(event))
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.update_event(event, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            tell_saved(request, changed, _("The changes were saved."))
            return redirect(event)
    return render(request, "events/form.html", {"form": form, "event": event})


@login_required
@require_http_methods(["GET", "POST"])
def add_signing(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.get_event_for_user(request, pk, write=True)
    form = SigningPlanForm(event, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.plan_signing(
                event,
                data["cooperation"],
                data["document_kind"],
                by=acting_user(request),
                note=data["note"],
            )
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The signing was added to the agenda."))
            return redirect(event)
    return render(request, "events/signing_form.html", {"form": form, "event": event})


def _row_response(request: HttpRequest, row: AgendaRow) -> HttpResponse:
    """The signing's row in place for htmx, else the whole agenda, the refusal at its row."""
    event = row.signing.event
    if wants_fragment(request):
        context = {"row": row, "event": event, "can_write": True}
        return render(request, "events/_signing.html", context)
    rows = [row if r.signing.pk == row.signing.pk else r for r in _agenda(event)]
    context = {"event": event, "rows": rows, "can_write": True}
    return render(request, "events/detail.html", context)


@login_required
@require_POST
def record(request: HttpRequest, pk: int) -> HttpResponse:
    signing = access.get_signing_for_user(request, pk, write=True)
    row = _row(signing, request.POST, request.FILES)
    if not row.form.is_valid():
        return _row_response(request, row)
    data = row.form.cleaned_data
    try:
        services.record_signing(
            signing,
            by=acting_user(request),
            date_signed=data["date_signed"],
            place=data["place"],
            parties=row.form.party_inputs(),
            file=data["file"],
        )
    except Refused as refusal:
        row.refused = refusal.problems
        return _row_response(request, row)
    label = Document.Kind(signing.document_kind).label
    messages.success(request, _("Recorded: the signed %(document)s.") % {"document": label})
    if wants_fragment(request):
        return HttpResponse(headers={"HX-Redirect": signing.event.get_absolute_url()})
    return redirect(signing.event)


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    signing = access.get_signing_for_user(request, pk, write=True)
    try:
        services.cancel_signing(signing, by=acting_user(request))
    except Refused as refusal:
        for problem in refusal.problems:
            messages.error(request, problem)
    else:
        messages.success(request, _("The signing was taken off the agenda."))
    return redirect(signing.event)


@login_required
@require_http_methods(["GET", "POST"])
def edit_signing(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a signing on the agenda through the audited service."""
    signing = access.get_signing_for_user(request, pk, write=True)
    initial = {name: getattr(signing, name) for name in SigningEditForm.base_fields}
    form = SigningEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.update_signing(signing, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            tell_saved(request, changed, _("The signing was corrected."))
            return redirect(signing.event)
    context = {"form": form, "event": signing.event, "signing": signing}
    return render(request, "events/signing_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def void_signing(request: HttpRequest, pk: int) -> HttpResponse:
    """Void a signing planned by mistake, with a reason the event's history keeps."""
    signing = access.get_signing_for_user(request, pk, write=True)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.void_signing(signing, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The signing was voided; the history keeps it."))
            return redirect(signing.event)
    context = {"record": signing, "form": form, "back": signing.event.get_absolute_url()}
    return render(request, "void_record.html", context)


def _feeds_page(request: HttpRequest, *, new_address: str = "") -> HttpResponse:
    context = {
        "feeds": list(access.feeds_for_user(request).select_related("user")),
        "is_tenant_admin": access.is_tenant_admin(request),
        "new_address": new_address,
    }
    return render(request, "events/feeds.html", context)


@login_required
@require_GET
def feeds(request: HttpRequest) -> HttpResponse:
    return _feeds_page(request)


@never_cache
@login_required
@require_POST
def create_feed(request: HttpRequest) -> HttpResponse:
    """Make a feed and show its address, this once; only the token's hash is kept."""
    tenant = require_tenant(request)
    whole_tenant = request.POST.get("scope") == "tenant"
    if whole_tenant and not access.is_tenant_admin(request):
        raise PermissionDenied(_("Only the tenant administrator manages the tenant's feed."))
    user = None if whole_tenant else acting_user(request)
    _feed, raw = services.create_feed(tenant, user=user, by=acting_user(request))
    messages.success(
        request, _("A new calendar address was made; the previous one stopped working.")
    )
    return _feeds_page(request, new_address=request.build_absolute_uri(feed_url(raw)))


@login_required
@require_POST
def revoke_feed(request: HttpRequest, pk: int) -> HttpResponse:
    feed = get_object_or_404(access.feeds_for_user(request), pk=pk)
    services.revoke_feed(feed, by=acting_user(request))
    messages.success(request, _("The calendar address no longer works."))
    return redirect("events:feeds")


@never_cache
@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The public feed: no session, the secret token is the key; no cache may keep a copy."""
    calendar = feed_calendar(access.get_live_feed(token))
    return HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
