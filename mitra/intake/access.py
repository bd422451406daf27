"""Reads of news items, always within the request's tenant (another tenant's: 404).

Everyone of the tenant may read news items; submitting and confirming them is the cooperation
unit's work (tenant admins and cooperation officers), as it records partners and cooperations.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from mitra.intake.models import NewsItem
from mitra.tenancy.access import require_tenant
from mitra.tenancy.models import Membership, Tenant

OFFICE_ROLES = frozenset({Membership.Role.TENANT_ADMIN, Membership.Role.COOPERATION_OFFICER})


def can_review(request: HttpRequest) -> bool:
    membership: Membership | None = getattr(request, "membership", None)
    return (
        membership is not None
        and membership.tenant is not None
        and (membership.role in OFFICE_ROLES)
    )


def require_office(request: HttpRequest) -> Tenant:
    """The request's tenant, or 403 unless the user works in its cooperation unit."""
    tenant = require_tenant(request, write=True)
    if not can_review(request):
        raise PermissionDenied(_("News is submitted and confirmed by the cooperation unit."))
    return tenant


def news_items_for_user(request: HttpRequest) -> QuerySet[NewsItem]:
    """The tenant's news items, awaiting review first, then the newest."""
    return (
        NewsItem.objects.for_tenant(require_tenant(request))
        .select_related("submitted_by", "reviewed_by")
        .pending_first()
    )


def get_news_item_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> NewsItem:
    """The tenant's news item `pk`: another tenant's answers 404; `write` needs the cooperation
    unit (403), checked after the 404 so nothing is told about other tenants' items."""
    tenant = require_tenant(request)
    queryset = NewsItem.objects.for_tenant(tenant).select_related(
        "tenant__region", "submitted_by", "reviewed_by", "similar_to__submitted_by"
    )
    item = get_object_or_404(queryset, pk=pk)
    if write:
        require_office(request)
    return item
