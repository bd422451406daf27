"""Reads of staff within the request's tenant; another tenant's people answer 404."""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from mitra.staff.models import StaffProfile
from mitra.tenancy.access import acting_user, require_tenant
from mitra.tenancy.models import Membership, Tenant


def staff_members(tenant: Tenant) -> QuerySet[User]:
    """The people of a tenant (central reviewers belong to none, so never appear)."""
    return User.objects.filter(memberships__tenant=tenant).order_by("first_name", "username")


@dataclass(frozen=True)
class StaffMember:
    user: User
    profile: StaffProfile | None
    may_edit_all: bool  # employment, position and capacity are the administrator's to set


def _profile(tenant: Tenant, user: User) -> StaffProfile | None:
    queryset = StaffProfile.objects.filter(tenant=tenant, user=user).select_related("user")
    return queryset.prefetch_related("languages", "sectors").first()


def get_staff_member_for_user(
    request: HttpRequest, user_id: int, *, write: bool = False
) -> StaffMember:
    """A member of the request's tenant with their profile, if any.

    Anyone in the tenant may read; to write, a tenant administrator may edit anyone's profile and
    every member their own languages and competencies (read-only roles included: it is their
    own record). Someone of another tenant answers 404 as if they did not exist.
    """
    tenant = require_tenant(request)
    user = staff_members(tenant).filter(pk=user_id).first()
    if user is None:
        raise Http404
    membership: Membership | None = getattr(request, "membership", None)
    is_admin = membership is not None and membership.role == Membership.Role.TENANT_ADMIN
    if write and not is_admin and user != acting_user(request):
        raise PermissionDenied(_("Only an administrator can edit another person's profile."))
    return StaffMember(user, _profile(tenant, user), is_admin)
