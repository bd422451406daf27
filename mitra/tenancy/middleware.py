"""Sets request.tenant and request.membership from the signed-in user's membership."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from mitra.tenancy.access import current_membership


class TenantMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        membership = current_membership(request)
        request.membership = membership  # type: ignore[attr-defined]
        request.tenant = membership.tenant if membership else None  # type: ignore[attr-defined]
        return self.get_response(request)
