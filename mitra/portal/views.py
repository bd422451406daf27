"""The public portal (no login) and the officers' page that chooses what it shows."""

from collections.abc import Callable
from copy import copy
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitra.cooperations.access import get_cooperation_for_user
from mitra.cooperations.models import Cooperation, Document
from mitra.lib.edits import tell_saved
from mitra.lib.refusal import Refused, show_on_form
from mitra.lib.shortlist import page_of
from mitra.portal import access, services
from mitra.portal.forms import PortalIntroForm, PublicationForm, PublicFilterForm
from mitra.portal.models import PortalPage, Publication
from mitra.portal.public import (
    PublicCooperation,
    country_choices,
    country_choices_of,
    filtered,
    map_data,
    public_record,
    public_view,
    sector_choices,
    sector_choices_of,
    stage_counts_of,
)
from mitra.portal.stages import STAGE_TONES, Stage, public_stage
from mitra.regions.zones import activate_tenant_zone
from mitra.tenancy.access import acting_user, require_tenant
from mitra.tenancy.models import Tenant

PUBLIC_MAX_AGE = 300
PUBLIC_PAGE_SIZE = 50
MANAGE_PAGE_SIZE = 50

View = Callable[..., HttpResponse]


def public_page(view: View) -> View:
    """Anonymous answers may be cached for five minutes by anyone; a signed-in user's page
    carries their name in the top bar, so only their own browser may keep it."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, max_age=0)
        else:
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response

    return wrapper


def _records(tenant: Tenant) -> list[PublicCooperation]:
    return [public_record(p, tenant) for p in access.published_for(tenant)]


@require_GET
@public_page
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/index.html", {"tenants": access.publishing_tenants()})


@require_GET
@public_page
def tenant_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The figures, the filters' choices and the page of records shown, from the database: a
    big city publishes hundreds (the map's data comes apart, from `map_json`)."""
    tenant = access.get_publishing_tenant(slug)
    activate_tenant_zone(tenant)  # a region's public page tells its days in its own zone
    states = access.published_states(tenant)
    countries = country_choices_of(access.published_countries(tenant))
    sectors = sector_choices_of(access.published_sectors(tenant))
    form = PublicFilterForm(request.GET, countries=countries, sectors=sectors)
    shown = access.published_for(tenant, form.filters().narrowing())
    page = page_of(request, shown, PUBLIC_PAGE_SIZE)
    narrowed = request.GET.copy()
    narrowed.pop("page", None)  # the map shows every cooperation the filters leave
    context = {
        "public_tenant": tenant,
        "intro": access.portal_intro(tenant),
        "records": [public_record(publication, tenant) for publication in page.object_list],
        "page": page,
        "matching": page.paginator.count,
        "total": sum(states.values()),
        "stage_counts": stage_counts_of(states),
        "form": form,
        "map_url": f"{reverse('portal:map_data', args=[slug])}?{narrowed.urlencode()}",
    }
    return render(request, "portal/tenant.html", context)


@require_GET
@public_page
def map_json(request: HttpRequest, slug: str) -> HttpResponse:
    """The map's data as JSON, narrowed by the same filters as the list."""
    tenant = access.get_publishing_tenant(slug)
    records = _records(tenant)
    form = PublicFilterForm(
        request.GET, countries=country_choices(records), sectors=sector_choices(records)
    )
    shown = filtered(records, form.filters())
    list_url = reverse("portal:tenant", args=[slug])
    return JsonResponse(map_data(shown, list_url))


@require_GET
@public_page
def detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    tenant = access.get_publishing_tenant(slug)
    activate_tenant_zone(tenant)
    record = public_record(access.get_published(tenant, pk), tenant)
    list_url = reverse("portal:tenant", args=[slug])
    context = {"public_tenant": tenant, "record": record, "map": map_data([record], list_url)}
    return render(request, "portal/detail.html", context)


# The officers' side


@dataclass(frozen=True)
class ManageRow:
    cooperation: Cooperation
    publication: Publication | None
    stage_label: str
    stage_tone: str
    exploring: bool


def _row(coop: Cooperation) -> ManageRow:
    signed = [Document.Kind.LETTER_OF_INTENT] if getattr(coop, "loi_signed", False) else []
    stage = public_stage(coop.state, signed)
    return ManageRow(
        cooperation=coop,
        publication=access.publication_of(coop),
        stage_label=str(stage.label),
        stage_tone=f"badge--{STAGE_TONES[stage]}",
        exploring=stage == Stage.EXPLORATION,
    )


@login_required
@require_GET
def manage(request: HttpRequest) -> HttpResponse:
    """Writers of a tenant choose which cooperations the public sees; readers get 403."""
    tenant = require_tenant(request, write=True)
    page = Paginator(access.cooperations_to_publish(request), MANAGE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    intro = PortalPage.objects.filter(tenant=tenant).first()
    context = {
        "page": page,
        "rows": [_row(coop) for coop in page.object_list],
        "intro_form": PortalIntroForm(instance=intro),
        "publishes": access.publishes(tenant),
    }
    return render(request, "portal/manage.html", context)


def _preview(coop: Cooperation, publication: Publication | None) -> PublicCooperation:
    """What the portal shows of this cooperation, read fresh (text from the form or stored)."""
    tenant = coop.tenant
    documents = coop.documents.filter(
        kind__in=access.PUBLIC_DOCUMENT_KINDS, date_signed__isnull=False
    ).order_by("date_signed", "pk")
    partners = coop.partners.select_related("country", "place", "region").order_by("name")
    shown = publication or Publication(cooperation=coop, tenant=tenant, public_title=coop.title)
    return public_view(
        shown, tenant, partners=partners, sectors=coop.sectors.all(), documents=documents
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the public text of a cooperation and publish it, or change the text once public."""
    coop = get_cooperation_for_user(request, pk, write=True)
    publication = access.publication_of(coop)
    initial = {"public_title": coop.title} if publication is None else None
    # The form validates into a copy, so `publication` stays as stored for the audit's "before".
    form = PublicationForm(request.POST or None, instance=copy(publication), initial=initial)
    if request.method == "POST" and form.is_valid():
        text = {name: form.cleaned_data[name] for name in ("public_title", "public_summary")}
        try:
            if publication is not None and publication.is_published:
                changed = services.update_public_text(publication, by=acting_user(request), **text)
                tell_saved(request, changed, _("The public text was saved."))
            else:
                services.publish_cooperation(coop, by=acting_user(request), **text)
                messages.success(request, _("The cooperation is now on the public portal."))
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            return redirect("portal:manage")
    record = _preview(coop, publication)
    context = {
        "cooperation": coop,
        "publication": publication,
        "form": form,
        "record": record,
        "exploring": record.stage == Stage.EXPLORATION,
    }
    return render(request, "portal/edit.html", context)


@login_required
@require_POST
def unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    publication = access.get_publication_for_user(request, pk)
    services.unpublish_cooperation(publication, by=acting_user(request))
    messages.success(request, _("The cooperation was taken off the public portal."))
    return redirect("portal:manage")


@login_required
@require_POST
def save_intro(request: HttpRequest) -> HttpResponse:
    tenant = require_tenant(request, write=True)
    form = PortalIntroForm(request.POST)
    if form.is_valid():
        changed = services.save_portal_intro(
            tenant, by=acting_user(request), intro=form.cleaned_data["intro"]
        )
        tell_saved(request, changed, _("The introduction was saved."))
    else:
        messages.error(request, _("The introduction could not be saved."))
    return redirect("portal:manage")
