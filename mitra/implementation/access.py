"""Reads of plans, progress reports and evaluations, always within the request's tenant.

Another tenant's record answers 404, as one that does not exist; writing needs a writing role
(`require_tenant(request, write=True)`, else 403).
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from mitra.cooperations.models import Cooperation
from mitra.implementation.models import Evaluation, PlanItem, ProgressUpdate
from mitra.tenancy.access import require_tenant


def get_cooperation_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Cooperation:
    """The tenant's cooperation `pk`, with what the implementation pages show of it."""
    tenant = require_tenant(request, write=write)
    queryset = (
        Cooperation.objects.for_tenant(tenant)
        .select_related("tenant", "owner")
        .prefetch_related("partners__country")
    )
    return get_object_or_404(queryset, pk=pk)


def plan_items_for_user(request: HttpRequest, *, write: bool = False) -> QuerySet[PlanItem]:
    return PlanItem.objects.filter(tenant=require_tenant(request, write=write)).select_related(
        "cooperation__tenant", "document", "agency", "assignee", "counterpart_contact__partner"
    )


def get_item_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> PlanItem:
    return get_object_or_404(plan_items_for_user(request, write=write), pk=pk)


def get_update_for_user(request: HttpRequest, pk: int) -> ProgressUpdate:
    tenant = require_tenant(request)
    queryset = ProgressUpdate.objects.filter(item__tenant=tenant).select_related("item")
    return get_object_or_404(queryset, pk=pk)


def get_evaluation_for_user(request: HttpRequest, pk: int) -> Evaluation:
    tenant = require_tenant(request)
    queryset = Evaluation.objects.filter(tenant=tenant).select_related(
        "cooperation__tenant", "agreement", "report", "decision_task__assignee", "evaluated_by"
    )
    return get_object_or_404(queryset, pk=pk)
