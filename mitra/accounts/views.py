"""Logging in, and error pages in the user's language without tracebacks."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from mitra.tenancy.models import Membership


class LoginForm(AuthenticationForm):
    """Django's login form with plainer words for a failed attempt."""

    error_messages = {
        "invalid_login": _(
            "The username or password is wrong. Check both (capital letters count) and try again."
        ),
        "inactive": _("This account has been switched off. Ask your Mitra administrator."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password"}
        )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Each user's starting page: the review queue for Kemendagri, the dashboard for a region."""
    membership = getattr(request, "membership", None)
    if membership is not None and membership.role == Membership.Role.CENTRAL_REVIEWER:
        return redirect("reviews:queue")
    return redirect("dashboard:index")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Only BadRequest carries words meant for the user; other 400s (a forged host, a broken
    # upload) say why in English for the logs.
    message = str(exception) if isinstance(exception, BadRequest) else ""
    return render(request, "400.html", {"message": message}, status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception is not None and str(exception) else ""
    user = getattr(request, "user", None)
    # A signed-in user with no regional government (a central reviewer) gets an explanation
    # of what their account is, not a bare refusal.
    no_tenant = bool(user and user.is_authenticated and getattr(request, "tenant", None) is None)
    context = {"message": message, "no_tenant": no_tenant}
    return render(request, "403.html", context, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that touch the database: the error may be the database itself.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render({}), status=500)
