"""Reads of cooperations and documents, always within the request's tenant."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.transitions import roles_in
from mitra.partners.models import Partner
from mitra.tenancy.access import memberships_of, require_tenant
from mitra.tenancy.models import Membership


def cooperations_for_user(request: HttpRequest) -> QuerySet[Cooperation]:
    return Cooperation.objects.for_tenant(require_tenant(request))


def roles_in_tenant(request: HttpRequest) -> frozenset[str]:
    """The roles the signed-in user holds for the request's tenant's cooperations (Kemendagri's
    included), from the memberships the request read: `transitions.roles_of`, no query."""
    return roles_in(memberships_of(request), require_tenant(request).pk)


def get_cooperation_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Cooperation:
    """The tenant's cooperation `pk`; another tenant's answers 404, a read-only role 403 on write."""
    tenant = require_tenant(request, write=write)
    queryset = Cooperation.objects.for_tenant(tenant).select_related(
        "tenant", "owner", "initiating_agency"
    )
    return get_object_or_404(queryset, pk=pk)


def get_cooperation_detail_for_user(request: HttpRequest, pk: int) -> Cooperation:
    """The tenant's cooperation `pk` with everything its page shows and its guards read (the
    documents with their parties, the partners with their country), in a fixed few queries."""
    tenant = require_tenant(request)
    queryset = (
        Cooperation.objects.for_tenant(tenant)
        .select_related("tenant", "owner", "initiating_agency")
        .prefetch_related(
            Prefetch("partners", queryset=Partner.objects.select_related("country")),
            "sectors",
            "affairs",
            "implementing_agencies",
            Prefetch(
                "documents",
                queryset=Document.objects.select_related("parent").prefetch_related("parties"),
            ),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def get_document_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Document:
    tenant = require_tenant(request, write=write)
    queryset = Document.objects.filter(cooperation__tenant=tenant).select_related("cooperation")
    return get_object_or_404(queryset, pk=pk)


def can_consider(request: HttpRequest) -> bool:
    """Whether the user records the coordination team's (TKKSD) considerations."""
    membership: Membership | None = getattr(request, "membership", None)
    return (
        membership is not None
        and membership.tenant is not None
        and membership.role in workflow.TEAM
    )


def get_cooperation_to_consider(request: HttpRequest, pk: int) -> Cooperation:
    """The tenant's cooperation `pk` for the team to consider: another tenant's answers 404,
    a role outside the team 403."""
    tenant = require_tenant(request)
    if not can_consider(request):
        raise PermissionDenied(
            _("Only the coordination team (TKKSD) records its consideration of a cooperation.")
        )
    return get_object_or_404(Cooperation.objects.for_tenant(tenant), pk=pk)
