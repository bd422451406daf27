"""The API tokens page: a user makes tokens for their programs, sees them, and revokes them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from mitra.api import services
from mitra.api.access import get_token_for_user, tokens_for_user
from mitra.api.forms import TokenForm
from mitra.lib.refusal import Refused, show_on_form
from mitra.tenancy.access import acting_user
from mitra.tenancy.models import Membership


def _page(
    request: HttpRequest, form: TokenForm, *, raw: str = "", status: int = 200
) -> HttpResponse:
    context = {"tokens": list(tokens_for_user(request)), "form": form, "raw": raw}
    return render(request, "api_tokens/tokens.html", context, status=status)


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return _page(request, TokenForm())


@never_cache
@login_required
@require_POST
def create(request: HttpRequest) -> HttpResponse:
    """Make a token and show it, this once; only its hash is kept."""
    membership: Membership | None = getattr(request, "membership", None)
    if membership is None:
        raise PermissionDenied(_("Your account does not belong to a regional government."))
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            _token, raw = services.create_token(
                acting_user(request),
                name=form.cleaned_data["name"],
                membership=membership,
                by=acting_user(request),
            )
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            return _page(request, TokenForm(), raw=raw)
    return _page(request, form, status=422)


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_token_for_user(request, pk)
    try:
        services.revoke_token(token, by=acting_user(request))
    except Refused as refusal:
        for problem in refusal.problems:
            messages.error(request, problem)
    else:
        messages.success(request, _("The token was revoked; programs using it are refused."))
    return redirect("api_tokens:list")
