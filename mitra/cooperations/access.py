"""Reads of cooperations and documents, always within the request's tenant."""

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from mitra.cooperations.models import Cooperation, Document
from mitra.tenancy.access import require_tenant


def cooperations_for_user(request: HttpRequest) -> QuerySet[Cooperation]:
    return Cooperation.objects.for_tenant(require_tenant(request))


def get_cooperation_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Cooperation:
    """The tenant's cooperation `pk`; another tenant's answers 404, a read-only role 403 on write."""
    tenant = require_tenant(request, write=write)
    queryset = Cooperation.objects.for_tenant(tenant).select_related(
        "tenant", "owner", "initiating_agency"
    )
    return get_object_or_404(queryset, pk=pk)


def get_cooperation_detail_for_user(request: HttpRequest, pk: int) -> Cooperation:
    tenant = require_tenant(request)
    queryset = (
        Cooperation.objects.for_tenant(tenant)
        .select_related("tenant", "owner", "initiating_agency")
        .prefetch_related(
            "partners__country",
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
