"""The tenant's dashboard: where the cooperations stand, what needs doing, where the partners are."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from mitra.dashboard import queries
from mitra.tenancy.access import acting_user, require_tenant


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Every role of a tenant sees it, read-only ones included; no tenant answers 403."""
    tenant = require_tenant(request)
    role = request.membership.role  # type: ignore[attr-defined]  # set with the tenant
    board = queries.dashboard(tenant, timezone.localdate(), user=acting_user(request), role=role)
    context = {"board": board, "data": board.chart_data, "window": board.expiry_days}
    return render(request, "dashboard/index.html", context)
