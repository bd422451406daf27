"""/api/v1/partners: the tenant's partners, read and written like on the partner pages."""

from collections.abc import Mapping
from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from mitra.api.binding import as_form_data, check, without_country
from mitra.api.bodies import Patch
from mitra.api.errors import READ_ERRORS, WRITE_ERRORS
from mitra.api.paging import Pagination
from mitra.api.schemas import CountryCode, PartnerIn, PartnerOut, PartnerSaved, blank_or
from mitra.api.updates import Updated
from mitra.partners import services
from mitra.partners.access import filter_partners, get_partner_for_user, partners_for_user
from mitra.partners.forms import PartnerFilterForm, PartnerForm, partner_initial
from mitra.partners.models import Partner
from mitra.tenancy.access import acting_user, require_tenant

router = Router(tags=["partners"])


class PartnerFilters(Schema):
    q: Annotated[str, Field(max_length=100)] = ""
    kind: Annotated[str, blank_or(Partner.Kind.values)] = ""
    country: CountryCode = ""


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
    form = PartnerFilterForm(require_tenant(request), without_country(filters.dict()))
    data = check(form, ("query",)) | {"country": filters.country}
    partners = filter_partners(partners_for_user(request), data).order_by("name", "pk")
    return partners.prefetch_related("aliases")


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


@router.patch("/partners/{pk}", response={200: PartnerSaved, **WRITE_ERRORS})
def update_partner(request: HttpRequest, pk: int, payload: Patch[PartnerIn]) -> Updated[Partner]:
    """Change the given fields of a partner; `aliases`, when given, replaces all of them."""
    partner = get_partner_for_user(request, pk, write=True)
    current = as_form_data(partner_initial(partner))
    data = check(PartnerForm(current | _form_values(payload)))
    saved = services.update_partner(partner, by=acting_user(request), **data)
    return Updated(_partner(request, partner.pk), saved)
