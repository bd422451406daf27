"""Sets request.tenant and request.membership from the signed-in user's membership, and
request.memberships to all of them; shows the request's times in the tenant's time zone."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from mitra.regions.zones import region_zone
from mitra.tenancy.access import current_membership, memberships_of
from mitra.tenancy.models import Tenant


def activate_tenant_zone(tenant: Tenant | None) -> None:
    """A tenant's members read and judge times in their region's zone ("today" included);
    everyone else, and background commands, in the installation's (settings.TIME_ZONE)."""
    if tenant is not None:
        timezone.activate(region_zone(tenant.region_id))


class TenantMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        memberships = memberships_of(request)
        if memberships:
            # Kept for the rest of the request; a visitor's empty list is not, since an API
            # token signs the request in only later.
            request.memberships = memberships  # type: ignore[attr-defined]
        membership = current_membership(request)
        request.membership = membership  # type: ignore[attr-defined]
        request.tenant = membership.tenant if membership else None  # type: ignore[attr-defined]
        activate_tenant_zone(request.tenant)  # type: ignore[attr-defined]
        try:
            return self.get_response(request)
        finally:
            # The zone is the thread's: the next request on it may be another tenant's.
            timezone.deactivate()
