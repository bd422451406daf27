"""The one way into a tenant's data: which tenant a request acts for, and with which role.

Every view reads tenant data through helpers built on `require_tenant`; an object of another
tenant is answered exactly like one that does not exist (404).
"""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _

from mitra.tenancy.models import WRITE_ROLES, Membership, Tenant

SESSION_KEY = "mitra_membership"


def current_membership(request: HttpRequest) -> Membership | None:
    """The membership the user acts under: the one chosen in the session, else the first."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    memberships = list(Membership.objects.filter(user=user).select_related("tenant__region"))
    if not memberships:
        return None
    chosen = request.session.get(SESSION_KEY)
    for membership in memberships:
        if membership.pk == chosen:
            return membership
    return min(memberships, key=lambda m: m.pk)


def require_tenant(request: HttpRequest, *, write: bool = False) -> Tenant:
    """The request's tenant, or 403 when the user has none or may not write there."""
    membership: Membership | None = getattr(request, "membership", None)
    if membership is None or membership.tenant is None:
        raise PermissionDenied(_("Your account does not belong to a regional government."))
    if write and membership.role not in WRITE_ROLES:
        raise PermissionDenied(_("Your role may read these records but not change them."))
    return membership.tenant


def can_write(request: HttpRequest) -> bool:
    membership: Membership | None = getattr(request, "membership", None)
    return (
        membership is not None
        and membership.tenant is not None
        and (membership.role in WRITE_ROLES)
    )


def acting_user(request: HttpRequest) -> User:
    """The signed-in user acting on this request (views sit behind login_required)."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user
