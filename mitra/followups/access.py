"""Reads of activities and tasks, always within the request's tenant (another tenant's: 404)."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from mitra.followups.models import Activity, Task, TaskQuerySet
from mitra.tenancy.access import acting_user, require_tenant


def tasks_for_user(request: HttpRequest) -> TaskQuerySet:
    return Task.objects.filter(tenant=require_tenant(request)).select_related(
        "assignee", "cooperation"
    )


def get_task_for_user(
    request: HttpRequest, pk: int, *, write: bool = False, own: bool = False
) -> Task:
    """The tenant's task `pk`. With `own`, its assignee may act on it whatever their role
    (leadership completes their own tasks); anybody else needs a writing role (else 403)."""
    tenant = require_tenant(request)
    task = get_object_or_404(
        Task.objects.filter(tenant=tenant).select_related("tenant", "assignee", "cooperation"),
        pk=pk,
    )
    if write and not (own and task.assignee_id == acting_user(request).pk):
        require_tenant(request, write=True)
    return task


def activities_for_user(request: HttpRequest) -> QuerySet[Activity]:
    return Activity.objects.filter(tenant=require_tenant(request)).select_related(
        "cooperation", "partner", "recorded_by"
    )


def get_activity_for_user(
    request: HttpRequest, pk: int, *, write: bool = False, voided: bool = False
) -> Activity:
    """The tenant's activity `pk`, with who took part; another tenant's answers 404, and so
    does a voided one unless `voided` (its own page, which keeps it for the history)."""
    tenant = require_tenant(request, write=write)
    rows = Activity.with_voided if voided else Activity.objects
    queryset = (
        rows.filter(tenant=tenant)
        .select_related("cooperation", "partner", "recorded_by", "voided_by")
        .prefetch_related("staff", "partner_contacts", "tasks")
    )
    return get_object_or_404(queryset, pk=pk)
