"""The tenant's dashboard: where the cooperations stand, what needs doing, where the partners are.

The page carries its figures as HTML (the charts' numbers are in their legend tables); the
charts and the map fetch their data from two JSON addresses, which a browser keeps and asks
again with the ETag it got: unchanged data answers 304 without a body.
"""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import conditional_page, require_GET

from mitra.cooperations.queries import expiring_documents
from mitra.cooperations.rules import expiry_lead_days
from mitra.dashboard import attention, mine, queries
from mitra.lib.shortlist import page_of
from mitra.lib.tenant_changes import remembered
from mitra.tenancy.access import acting_user, require_tenant

View = Callable[..., HttpResponse]


def revalidated(view: View) -> View:
    """A tenant's data that the browser keeps (never a shared cache) and always asks again
    about with its ETag (`If-None-Match`): the same answer comes back as 304, without a body."""
    return conditional_page(cache_control(private=True, no_cache=True)(view))


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Every role of a tenant sees it, read-only ones included; no tenant answers 403."""
    tenant = require_tenant(request)
    role = request.membership.role  # type: ignore[attr-defined]  # set with the tenant
    today = timezone.localdate()
    board = queries.dashboard(tenant, today, user=acting_user(request), role=role)
    context = {"board": board, "window": board.expiry_days}
    # The sections every member sees, rendered once until the tenant's data changes: with the
    # figures kept (`queries.dashboard`), their templates were most of the page's time.
    key = ("dashboard sections", today, get_language())
    sections = remembered(
        tenant, key, lambda: render_to_string("dashboard/_sections.html", context)
    )
    return render(request, "dashboard/index.html", {**context, "sections": sections})


@login_required
@require_GET
@revalidated
def charts(request: HttpRequest) -> HttpResponse:
    """The charts' data: live cooperations by state and by kind, for the dashboard's roles."""
    return JsonResponse(queries.charts(require_tenant(request)))


@login_required
@require_GET
@revalidated
def partner_map(request: HttpRequest) -> HttpResponse:
    """The partner map's data: countries, partner places and Indonesian partner regions."""
    return JsonResponse(queries.partner_map(require_tenant(request)))


@login_required
@require_GET
def expiring(request: HttpRequest) -> HttpResponse:
    """Every document expiring within the tenant's notice, soonest first, a page at a time."""
    tenant = require_tenant(request)
    lead_days = expiry_lead_days(tenant)
    documents = expiring_documents(tenant, timezone.localdate(), lead_days)
    context = {"page": page_of(request, documents), "window": lead_days}
    return render(request, "dashboard/expiring.html", context)


@login_required
@require_GET
def waiting(request: HttpRequest) -> HttpResponse:
    """Every request of the tenant waiting at Kemendagri, the longest waiting first."""
    page = page_of(request, attention.waiting_reviews(require_tenant(request)))
    rows = attention.with_days_waited(page.object_list, timezone.localdate())
    return render(request, "dashboard/waiting.html", {"page": page, "rows": rows})


@login_required
@require_GET
def awaiting(request: HttpRequest) -> HttpResponse:
    """Every cooperation awaiting the team's consideration, the longest waiting first."""
    page = page_of(request, mine.awaiting_consideration_all(require_tenant(request)))
    return render(request, "dashboard/awaiting.html", {"page": page})
