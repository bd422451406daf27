"""Who is calling the API: a machine client with a personal token, or a signed-in browser.

Both end the same way as the web's middleware: `request.user`, `request.membership` and
`request.tenant` are set, so the access helpers and services work unchanged.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.security.apikey import APIKeyCookie
from ninja.utils import check_csrf

from mitra.accounts.throttling import count_wrong_token, lockout_message, token_attempts_allowed
from mitra.api.models import ApiToken
from mitra.api.services import live_token
from mitra.regions.zones import activate_tenant_zone
from mitra.tenancy.models import Membership


def _membership(token: ApiToken) -> Membership | None:
    """The membership the token acts under; gone when the user left that tenant."""
    return (
        Membership.objects.filter(user=token.user, tenant=token.tenant)
        .select_related("tenant__region")
        .first()
    )


def _language(request: HttpRequest) -> str:
    """A machine client names its language with Accept-Language (a browser cookie wins)."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    supported = {code for code, _name in settings.LANGUAGES}
    if chosen in supported:
        return chosen
    accepted = translation.get_language_from_request(request)
    return accepted if accepted in supported else settings.LANGUAGE_CODE


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` with a live personal token."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        # Wrong tokens count like wrong passwords: an address that keeps guessing gets 429
        # (django-axes) for a while, even with a right token.
        if not token_attempts_allowed(request):
            raise HttpError(429, lockout_message())
        found = live_token(token.strip()) if token.strip() else None
        if found is None:
            count_wrong_token(request)
            return None
        membership = _membership(found)
        if membership is None:
            return None
        request.user = found.user
        request.membership = membership  # type: ignore[attr-defined]
        request.tenant = membership.tenant  # type: ignore[attr-defined]
        # TenantZoneMiddleware deactivates it after the response.
        activate_tenant_zone(membership.tenant)
        language = _language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return found.user


class SessionAuth(APIKeyCookie):
    """The browser's session, as on the web pages; unsafe methods need the CSRF token.

    Unlike ninja's `django_auth`, a request without a signed-in session is simply not
    authenticated (401), rather than refused for a missing CSRF token (403).
    """

    def __init__(self) -> None:
        self.param_name = settings.SESSION_COOKIE_NAME
        super().__init__(csrf=True)

    def __call__(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise HttpError(403, _("The CSRF token is missing or wrong; reload the page."))
        return request.user

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request.user if request.user.is_authenticated else None
