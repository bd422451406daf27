"""Shows a request's times, and judges its "today", in the zone of its tenant's region.

Apart from `TenantMiddleware` because tenancy lies below regions (tests/test_layers.py); it
runs right after it, once `request.tenant` is known.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from mitra.regions.zones import activate_tenant_zone


class TenantZoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        activate_tenant_zone(getattr(request, "tenant", None))
        try:
            return self.get_response(request)
        finally:
            # The zone is the thread's: the next request on it may be another tenant's, or an
            # API token's whose zone is activated only later, by its authentication.
            timezone.deactivate()
