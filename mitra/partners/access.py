"""Reads of partners, always within the request's tenant."""

from collections.abc import Mapping
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from mitra.partners.models import Contact, Partner
from mitra.tenancy.access import require_tenant


def partners_for_user(request: HttpRequest) -> QuerySet[Partner]:
    return Partner.objects.for_tenant(require_tenant(request))


def filter_partners(queryset: QuerySet[Partner], data: Mapping[str, Any]) -> QuerySet[Partner]:
    """The partner list's filters (kind, country, a text in the name or an alias), shared by the
    partner page and the API."""
    if data.get("kind"):
        queryset = queryset.filter(kind=data["kind"])
    if data.get("country"):
        queryset = queryset.filter(country_id=data["country"])
    text = (data.get("q") or "").strip()
    if text:
        by_alias = queryset.filter(aliases__alias__icontains=text).values("pk")
        queryset = queryset.filter(Q(name__icontains=text) | Q(pk__in=by_alias))
    return queryset


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
