"""Reads of partners, always within the request's tenant."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from mitra.partners.models import Contact, Partner
from mitra.tenancy.access import require_tenant


def partners_for_user(request: HttpRequest) -> QuerySet[Partner]:
    return Partner.objects.for_tenant(require_tenant(request))


def get_partner_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Partner:
    """The tenant's partner `pk`; another tenant's answers 404."""
    tenant = require_tenant(request, write=write)
    queryset = Partner.objects.for_tenant(tenant).select_related("country", "place", "region")
    return get_object_or_404(queryset, pk=pk)


def get_contact_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Contact:
    """The contact `pk` of one of the tenant's partners; another tenant's answers 404."""
    tenant = require_tenant(request, write=write)
    queryset = Contact.objects.filter(partner__tenant=tenant).select_related("partner")
    return get_object_or_404(queryset, pk=pk)
