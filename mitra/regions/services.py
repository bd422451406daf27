"""A region joins Mitra: its regional government becomes a tenant.

Here rather than in tenancy because a tenant is a region's government: tenancy sits below the
gazetteer and knows a region only as the tenant's relation.
"""

from typing import Any, Unpack

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mitra.audit.services import record_created
from mitra.lib.refusal import refuse_if
from mitra.regions.models import Region
from mitra.tenancy.models import Tenant
from mitra.tenancy.services import TenantSettings


class NewTenant(TenantSettings, total=False):
    """A new tenant's name, slug and unit, besides the settings it may start with."""

    name: str
    slug: str
    cooperation_unit: str


@transaction.atomic
def create_tenant(region: Region, *, by: User | None, **given: Unpack[NewTenant]) -> Tenant:
    """Register a regional government; its default name is the official one ("Pemerintah Kota X")."""
    refuse_if(
        [_("%(region)s already uses Mitra.") % {"region": region}]
        if Tenant.objects.filter(region=region).exists()
        else []
    )
    fields: dict[str, Any] = dict(given)
    fields.setdefault("name", f"Pemerintah {region.official_name}")
    fields.setdefault("slug", slugify(region.official_name))
    tenant = Tenant.objects.create(region=region, **fields)
    record_created(tenant, by=by, parent=None)
    return tenant
