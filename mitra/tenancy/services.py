"""Creating tenants and giving users their roles, with an audit row for each."""

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mitra.audit.services import record_created
from mitra.lib.refusal import refuse_if
from mitra.regions.models import Region
from mitra.tenancy.models import Membership, Tenant


@transaction.atomic
def create_tenant(region: Region, *, by: User | None, **fields: Any) -> Tenant:
    """Register a regional government; its default name is the official one ("Pemerintah Kota X")."""
    refuse_if(
        [_("%(region)s already uses Mitra.") % {"region": region}]
        if Tenant.objects.filter(region=region).exists()
        else []
    )
    fields.setdefault("name", f"Pemerintah {region.official_name}")
    fields.setdefault("slug", slugify(region.official_name))
    tenant = Tenant.objects.create(region=region, **fields)
    record_created(tenant, by=by, parent=None)
    return tenant


@transaction.atomic
def add_member(user: User, role: str, *, tenant: Tenant | None, by: User | None) -> Membership:
    """Give `user` a role in `tenant` (central reviewers: no tenant)."""
    central = role == Membership.Role.CENTRAL_REVIEWER
    problems = []
    if central and tenant is not None:
        problems.append(_("A central reviewer belongs to no regional government."))
    if not central and tenant is None:
        problems.append(_("This role needs a regional government."))
    refuse_if(problems)
    membership = Membership.objects.create(user=user, tenant=tenant, role=role)
    record_created(membership, by=by)
    return membership
