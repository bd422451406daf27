"""The new-cooperation page: a form that starts from what Mitra knows and follows the partners
(the kind they imply, that kind's sub-forms and scope, redrawn in place by htmx), and a partner
missing from the list recorded in place, without leaving the form or losing what is typed."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mitra.cooperations import services
from mitra.cooperations.forms import CooperationForm
from mitra.cooperations.models import Cooperation
from mitra.lib.htmx import wants_fragment
from mitra.lib.refusal import Refused, show_on_form
from mitra.partners import services as partner_services
from mitra.partners.forms import QuickPartnerForm
from mitra.partners.models import Partner
from mitra.tenancy.access import acting_user, require_tenant
from mitra.tenancy.models import Tenant

# The fields a new cooperation's form is redrawn from when its kind or partners change (htmx
# sends the form's values; the kind-dependent parts are swapped in place).
REDRAWN = ("kind", "sub_form", "route", "partners", "affairs", "objects_of_cooperation")
# The id of the partner's own <form>: its fields sit inside the cooperation's form (HTML's
# `form` attribute ties them to it), so a partner is posted without the cooperation.
NEW_PARTNER_FORM = "new-partner-form"
# Fired after a partner recorded in place is swapped in: the partners redraw the kind.
PARTNER_RECORDED = "partner-recorded"


def _typed_so_far(request: HttpRequest) -> dict[str, Any]:
    """The starting values a link or the redrawing form gives: `?partner=` (a partner page, a
    partner just recorded) and the kind-dependent fields."""
    many = {"partners", "affairs", "objects_of_cooperation"}
    given: dict[str, Any] = {
        name: request.GET.getlist(name) if name in many else request.GET[name]
        for name in REDRAWN
        if name in request.GET
    }
    partners = [*request.GET.getlist("partner"), *given.get("partners", [])]
    given["partners"] = [pk for pk in partners if pk.isdigit()]
    return given


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    tenant = require_tenant(request, write=True)
    initial = {"owner": request.user, "budget": Cooperation.Budget.NOT_BUDGETED}
    form = CooperationForm(tenant, request.POST or None, initial=initial | _typed_so_far(request))
    if request.method == "POST" and form.is_valid():
        try:
            coop = services.create_cooperation(tenant, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The cooperation was recorded."))
            return redirect(coop)
    context = {"form": form, "partner_form": QuickPartnerForm(form_id=NEW_PARTNER_FORM)}
    return render(request, "cooperations/form.html", context)


@login_required
@require_POST
def new_partner(request: HttpRequest) -> HttpResponse:
    """Record a partner from the new cooperation's form. htmx swaps the answer in place: the
    errors beside the partner's fields, or the partners' list with the new one chosen."""
    tenant = require_tenant(request, write=True)
    form = QuickPartnerForm(request.POST, form_id=NEW_PARTNER_FORM)
    if form.is_valid():
        try:
            partner = partner_services.create_partner(
                tenant, by=acting_user(request), **form.cleaned_data
            )
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            return _partner_recorded(request, tenant, partner)
    if wants_fragment(request):
        return render(request, "cooperations/_new_partner.html", {"partner_form": form})
    return render(request, "cooperations/new_partner.html", {"partner_form": form})


def _partner_recorded(request: HttpRequest, tenant: Tenant, partner: Partner) -> HttpResponse:
    """The partner's section emptied for another one, and the partners' list (out of band) with
    the partners already ticked and the new one chosen; without htmx, the form opened anew
    with the partner chosen."""
    if not wants_fragment(request):
        messages.success(request, _("The partner was recorded."))
        return redirect(f"{reverse('cooperations:create')}?{urlencode({'partner': partner.pk})}")
    ticked = [pk for pk in request.POST.getlist("partners") if pk.isdigit()]
    context = {
        "partner_form": QuickPartnerForm(form_id=NEW_PARTNER_FORM),
        "recorded": partner,
        "form": CooperationForm(tenant, initial={"partners": [*ticked, str(partner.pk)]}),
        "oob": True,
    }
    response = render(request, "cooperations/_new_partner.html", context)
    response["HX-Trigger-After-Settle"] = PARTNER_RECORDED
    return response
