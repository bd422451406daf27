"""Login throttling with django-axes: two limits, Mitra's own refusal page, and an audit row.

Axes counts failed attempts in the database (so every gunicorn worker sees the same numbers)
per account and address and per address alone. Its settings are in config/settings.py.
"""

import ipaddress
from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.signals import user_login_failed
from django.db.models import QuerySet, Sum
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from mitra.audit.services import record_lockout

# The name wrong API tokens are counted under: no username can contain brackets or spaces.
API_TOKEN_ATTEMPT = "[API token]"  # noqa: S105  # a name, not a secret


def _total(attempts: QuerySet[Any]) -> int:
    return int(attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0)


def attempted_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The username tried, cut to what a username can be, so any typed text can be counted.

    Django's login forms pass a username of any length to authenticate(); the count's column
    holds 255 characters, and PostgreSQL refuses longer text (and NUL characters).
    """
    tried = (credentials or {}).get("username", request.POST.get("username"))
    if tried is None:
        return None
    return str(tried).replace("\x00", "")[: User._meta.get_field("username").max_length]


def failure_limit(request: HttpRequest, credentials: dict[str, Any] | None) -> int:
    """Wrong passwords for one account at one address, or wrong API tokens from one address.

    Tokens are long random strings that cannot be guessed; their limit is only against
    hammering, and is as high as the address's so a misconfigured client is not cut off at once.
    """
    if (credentials or {}).get("username") == API_TOKEN_ATTEMPT:
        return int(settings.MITRA_API_TOKEN_FAILURE_LIMIT)
    return int(settings.MITRA_LOGIN_FAILURE_LIMIT)


class LoginAttempts(AxesDatabaseHandler):  # type: ignore[misc]  # axes has no type hints
    """Axes' database handler with a higher limit for an address than for one account there.

    An office shares one address: one person's typing errors must not lock out colleagues, but
    many failures from one address (guessing across accounts) lock it for every account.
    """

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        by_account, by_address = (
            _total(attempts) for attempts in self.get_user_attempts(request, credentials)
        )
        if by_address >= settings.MITRA_LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(by_account, int(get_failure_limit(request, credentials)))
        return by_account

    def reset_user_attempts(
        self, request: HttpRequest, credentials: dict[str, Any] | None = None
    ) -> int:
        """A successful login clears the failures of that account at that address only.

        Axes would also clear the address's failures for every account, which would let someone
        with one valid account reset the count while guessing another's password.
        """
        by_account = self.filter_user_attempts(request, credentials)[0]
        count, _deleted = by_account.delete()
        return int(count)


def client_address(request: HttpRequest) -> str | None:
    """The visitor's address: behind the proxy, the one it appended to X-Forwarded-For.

    Only the last entry is the proxy's own; earlier ones are whatever the client sent.
    """
    address = request.META.get("REMOTE_ADDR")
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        address = forwarded or address
    try:
        return str(ipaddress.ip_address(address or ""))
    except ValueError:
        return None


def lockout_minutes() -> int:
    cool_off = get_cool_off()
    return max(1, round(cool_off.total_seconds() / 60)) if cool_off else 0


def lockout_message() -> str:
    return _(
        "Too many failed login attempts for this account or from this address. Logging in is "
        "blocked for %(minutes)s minutes: try again later, or ask your Mitra administrator."
    ) % {"minutes": lockout_minutes()}


def locked_out(
    request: HttpRequest, response: HttpResponse | None, credentials: dict[str, Any] | None
) -> HttpResponse:
    """Axes' answer to a locked-out attempt: 429 with Mitra's page, or JSON for the API."""
    retry_after = str(lockout_minutes() * 60)
    if (credentials or {}).get("username") == API_TOKEN_ATTEMPT:
        answer: HttpResponse = JsonResponse({"detail": lockout_message()}, status=429)
    else:
        context = {"message": lockout_message()}
        answer = render(request, "accounts/locked_out.html", context, status=429)
    answer["Retry-After"] = retry_after
    return answer


def token_attempts_allowed(request: HttpRequest) -> bool:
    """False while this address is locked out for wrong API tokens (or wrong passwords)."""
    from axes.handlers.proxy import AxesProxyHandler

    return bool(AxesProxyHandler.is_allowed(request, {"username": API_TOKEN_ATTEMPT}))


def count_wrong_token(request: HttpRequest) -> None:
    """Count a wrong API token like a wrong password, under API_TOKEN_ATTEMPT."""
    user_login_failed.send(
        sender=__name__, credentials={"username": API_TOKEN_ATTEMPT}, request=request
    )


def audit_lockout(
    sender: object, request: HttpRequest, username: str, ip_address: str, **kwargs: object
) -> None:
    """Axes' user_locked_out signal: one audit row when a lockout starts (not one per refusal)."""
    user = User.objects.filter(username=username).first() if username else None
    record_lockout(
        username=username or "",
        address=ip_address or "",
        user=user,
        path=request.path_info,
        within=get_cool_off(request),
    )
