"""Sets request.tenant and request.membership from the signed-in user's membership, and
request.memberships to all of them."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from mitra.tenancy.access import current_membership, memberships_of


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
        return self.get_response(request)
