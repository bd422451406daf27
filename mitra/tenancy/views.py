"""The tenant's own settings page, for its administrator."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mitra.lib.edits import tell_saved
from mitra.lib.refusal import Refused
from mitra.tenancy.access import require_tenant
from mitra.tenancy.forms import TenantSettingsForm, settings_initial
from mitra.tenancy.models import Membership, Tenant
from mitra.tenancy.services import update_settings


def _tenant_for_admin(request: HttpRequest) -> Tenant:
    """The request's tenant when the user administers it; 403 with a reason otherwise."""
    tenant = require_tenant(request, write=True)
    membership: Membership | None = getattr(request, "membership", None)
    if membership is None or membership.role != Membership.Role.TENANT_ADMIN:
        raise PermissionDenied(_("Only the tenant administrator may change the settings."))
    return tenant


@login_required
@require_http_methods(["GET", "POST"])
def edit_settings(request: HttpRequest) -> HttpResponse:
    tenant = _tenant_for_admin(request)
    form = TenantSettingsForm(request.POST or None, initial=settings_initial(tenant))
    if request.method == "POST" and form.is_valid():
        user = request.user if isinstance(request.user, User) else None
        try:
            changed = update_settings(tenant, by=user, **form.cleaned_data)
        except Refused as refusal:
            for problem in refusal.problems:
                form.add_error(None, problem)
        else:
            tell_saved(request, changed, _("The settings were saved."))
            return redirect("tenancy:settings")
    return render(request, "tenancy/settings.html", {"form": form})
