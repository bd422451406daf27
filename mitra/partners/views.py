"""Pages for partners and their contacts."""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mitra.audit.presenter import audit_rows
from mitra.audit.services import trail_for
from mitra.lib.edits import tell_saved
from mitra.lib.htmx import vary_on_htmx, wants_fragment
from mitra.lib.refusal import Refused, show_on_form
from mitra.partners import services
from mitra.partners.access import (
    filter_partners,
    get_contact_for_user,
    get_partner_for_user,
    partners_for_user,
)
from mitra.partners.forms import (
    ContactForm,
    PartnerFilterForm,
    PartnerForm,
    partner_initial,
    places_in,
)
from mitra.partners.models import Partner
from mitra.tenancy.access import acting_user, require_tenant

PAGE_SIZE = 25


def _filtered_by(cleaned: dict[str, object]) -> bool:
    """Whether the list is narrowed (sorting alone does not narrow it)."""
    return any(value for name, value in cleaned.items() if name != "sort")


def _filtered(queryset: QuerySet[Partner], data: Mapping[str, Any]) -> QuerySet[Partner]:
    partners = filter_partners(queryset, data)
    return partners.annotate(cooperation_count=Count("cooperations")).order_by("name")


@login_required
@require_GET
@vary_on_htmx
def index(request: HttpRequest) -> HttpResponse:
    form = PartnerFilterForm(require_tenant(request), request.GET)
    if not form.is_valid():
        messages.warning(request, _("Some filters were not understood and were left out."))
    partners = _filtered(partners_for_user(request), form.cleaned_data)
    partners = partners.select_related("country").prefetch_related("aliases")
    page = Paginator(partners, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "filtered": _filtered_by(form.cleaned_data)}
    if wants_fragment(request):
        context["oob_messages"] = True
        return render(request, "partners/_list_results.html", context)
    return render(request, "partners/list.html", context)


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    partner = get_partner_for_user(request, pk)
    # Through the relation, not cooperations' access helpers: partners sits below cooperations.
    cooperations = partner.cooperations.filter(tenant=partner.tenant).order_by("title")
    context = {
        "partner": partner,
        "aliases": partner.aliases.order_by("alias"),
        "contacts": partner.contacts.all(),
        "cooperations": cooperations,
        "trail": audit_rows(trail_for(partner)),
        "map_data": map_data(partner),
    }
    return render(request, "partners/detail.html", context)


def map_data(partner: Partner) -> dict[str, object] | None:
    """Where the partner is, for the page's map: its country and its city or region, if known."""
    label, lat, lon = "", None, None
    if partner.place:
        label, lat, lon = partner.place.name, partner.place.latitude, partner.place.longitude
    elif partner.region:
        label, lat, lon = (
            partner.region.official_name,
            partner.region.latitude,
            partner.region.longitude,
        )
    numeric = partner.country.numeric if partner.country else ""
    if not numeric and lat is None:
        return None
    return {
        "numeric": numeric,
        "lat": float(lat) if lat is not None else None,
        "lon": float(lon) if lon is not None else None,
        "label": label,
    }


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    tenant = require_tenant(request, write=True)
    form = PartnerForm(request.POST or None)
    back = return_address(request)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.create_partner(tenant, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The partner was recorded."))
            return redirect(f"{back}?{urlencode({'partner': partner.pk})}" if back else partner)
    return render(request, "partners/form.html", {"form": form, "next": back})


def return_address(request: HttpRequest) -> str:
    """Where to go back after recording a partner from another form (`next`), if it is ours."""
    back = request.POST.get("next") or request.GET.get("next") or ""
    ours = url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return back.split("?")[0] if back and ours else ""


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    partner = get_partner_for_user(request, pk, write=True)
    form = PartnerForm(request.POST or None, initial=partner_initial(partner))
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.update_partner(partner, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            tell_saved(request, changed, _("The changes were saved."))
            return redirect(partner)
    return render(request, "partners/form.html", {"form": form, "partner": partner})


@login_required
@require_GET
def place_options(request: HttpRequest) -> HttpResponse:
    """The gazetteer's cities of one country, as <option>s for the partner form's city select
    (`prefix` names the form's prefix when its country field is posted as `<prefix>-country`)."""
    require_tenant(request)
    prefix = request.GET.get("prefix", "")
    places = places_in(request.GET.get(f"{prefix}-country" if prefix else "country"))
    return render(request, "partners/_place_options.html", {"places": places})


@login_required
@require_http_methods(["GET", "POST"])
def add_contact(request: HttpRequest, pk: int) -> HttpResponse:
    partner = get_partner_for_user(request, pk, write=True)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_contact(partner, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The contact was added."))
            return redirect(f"{partner.get_absolute_url()}#contacts")
    return render(request, "partners/contact_form.html", {"form": form, "partner": partner})


@login_required
@require_http_methods(["GET", "POST"])
def edit_contact(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(request, pk, write=True)
    partner = contact.partner
    initial = {name: getattr(contact, name) for name in ContactForm.base_fields}
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.update_contact(contact, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            tell_saved(request, changed, _("The contact was saved."))
            return redirect(f"{partner.get_absolute_url()}#contacts")
    context = {"form": form, "partner": partner, "contact": contact}
    return render(request, "partners/contact_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def remove_contact(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove a contact: it is deleted, and the meetings that listed it no longer name it, so a
    page asks first."""
    contact = get_contact_for_user(request, pk, write=True)
    partner = contact.partner
    if request.method == "POST":
        services.remove_contact(contact, by=acting_user(request))
        messages.success(request, _("The contact was removed."))
        return redirect(f"{partner.get_absolute_url()}#contacts")
    meetings = contact.activities.count()
    context = {"contact": contact, "partner": partner, "meetings": meetings}
    return render(request, "partners/remove_contact.html", context)
