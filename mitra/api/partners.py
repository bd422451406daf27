"""/api/v1/partners: the tenant's partners, read and written like on the partner pages."""

from collections.abc import Mapping
from typing import Annotated, Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from ninja import Field, PatchDict, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from mitra.api.binding import as_form_data, check
from mitra.api.errors import READ_ERRORS, WRITE_ERRORS
from mitra.api.paging import Pagination
from mitra.api.schemas import PartnerIn, PartnerOut
from mitra.partners import services
from mitra.partners.access import get_partner_for_user, partners_for_user
from mitra.partners.forms import PartnerFilterForm, PartnerForm, partner_initial
from mitra.partners.models import Partner
from mitra.tenancy.access import acting_user, require_tenant

router = Router(tags=["partners"])


class PartnerFilters(Schema):
    q: Annotated[str, Field(max_length=100)] = ""
    kind: str = Field("", description="A partner kind")
    country: str = Field("", description="ISO code of the partner's country")


def _filtered(queryset: QuerySet[Partner], data: Mapping[str, Any]) -> QuerySet[Partner]:
    """The partner list's filters (kind, country, name or alias), as on the partner page."""
    if data.get("kind"):
        queryset = queryset.filter(kind=data["kind"])
    if data.get("country"):
        queryset = queryset.filter(country_id=data["country"])
    text = (data.get("q") or "").strip()
    if text:
        by_alias = Partner.objects.filter(aliases__alias__icontains=text).values("pk")
        queryset = queryset.filter(Q(name__icontains=text) | Q(pk__in=by_alias))
    return queryset.order_by("name", "pk")


def _form_values(payload: Mapping[str, Any]) -> dict[str, Any]:
    values = as_form_data(payload)
    if "aliases" in values:
        values["aliases"] = "\n".join(values["aliases"] or [])
    return values


def _partner(request: HttpRequest, pk: int) -> Partner:
    return partners_for_user(request).prefetch_related("aliases").get(pk=pk)


@router.get("/partners", response={200: list[PartnerOut], **READ_ERRORS})
@paginate(Pagination)
def list_partners(request: HttpRequest, filters: Query[PartnerFilters]) -> QuerySet[Partner]:
    """The tenant's partners, by name; filtered by kind, country and name or alias."""
    data = check(PartnerFilterForm(require_tenant(request), filters.dict()), ("query",))
    return _filtered(partners_for_user(request), data).prefetch_related("aliases")


@router.get("/partners/{pk}", response={200: PartnerOut, **READ_ERRORS})
def get_partner(request: HttpRequest, pk: int) -> Partner:
    return _partner(request, get_partner_for_user(request, pk).pk)


@router.post("/partners", response={201: PartnerOut, **WRITE_ERRORS})
def create_partner(request: HttpRequest, payload: PartnerIn) -> Status[Partner]:
    """Record a partner; a foreign one needs a country, an Indonesian region its region code."""
    tenant = require_tenant(request, write=True)
    data = check(PartnerForm(_form_values(payload.dict())))
    partner = services.create_partner(tenant, by=acting_user(request), **data)
    return Status(201, _partner(request, partner.pk))


@router.patch("/partners/{pk}", response={200: PartnerOut, **WRITE_ERRORS})
def update_partner(request: HttpRequest, pk: int, payload: PatchDict[PartnerIn]) -> Partner:
    """Change the given fields of a partner; `aliases`, when given, replaces all of them."""
    partner = get_partner_for_user(request, pk, write=True)
    current = as_form_data(partner_initial(partner))
    data = check(PartnerForm(current | _form_values(payload)))
    services.update_partner(partner, by=acting_user(request), **data)
    return _partner(request, partner.pk)
