"""Small functions that make test data through the same services the application uses."""

from itertools import count
from typing import Any

from django.contrib.auth.models import User

from mitra.cooperations import services as cooperation_services
from mitra.cooperations.models import Cooperation, Document
from mitra.partners import services as partner_services
from mitra.partners.models import Country, Partner
from mitra.regions import services as region_services
from mitra.regions.models import Region
from mitra.tenancy import services as tenancy_services
from mitra.tenancy.models import Membership, Tenant

_serial = count(1)

DEMO_PASSWORD = "correct-horse-battery"


def make_tenant(region_code: str = "7371", **fields: Any) -> Tenant:
    region = Region.objects.get(code=region_code)
    return region_services.create_tenant(region, by=None, **fields)


def make_user(tenant: Tenant | None, role: str, username: str | None = None) -> User:
    user = User.objects.create_user(
        username=username or f"{role}-{next(_serial)}", password=DEMO_PASSWORD
    )
    tenancy_services.add_member(user, role, tenant=tenant, by=None)
    return user


def make_partner(tenant: Tenant, **overrides: Any) -> Partner:
    fields: dict[str, Any] = {
        "kind": Partner.Kind.FOREIGN_CITY_OR_REGION,
        "name": f"Partner {next(_serial)}",
        "country": Country.objects.get(code="KR"),
    }
    fields.update(overrides)
    return partner_services.create_partner(tenant, by=None, **fields)


def make_cooperation(tenant: Tenant, **overrides: Any) -> Cooperation:
    fields: dict[str, Any] = {
        "kind": Cooperation.Kind.FOREIGN_REGION,
        "sub_form": Cooperation.SubForm.SISTER_CITY,
        "title": f"Cooperation {next(_serial)}",
    }
    fields.update(overrides)
    if "partners" not in fields:
        fields["partners"] = [make_partner(tenant)]
    return cooperation_services.create_cooperation(tenant, by=None, **fields)


def make_document(cooperation: Cooperation, **overrides: Any) -> Document:
    fields: dict[str, Any] = {
        "kind": Document.Kind.LETTER_OF_INTENT,
        "title": f"Letter of intent {next(_serial)}",
    }
    fields.update(overrides)
    return cooperation_services.attach_document(cooperation, by=None, **fields)


ROLES = [role for role in Membership.Role if role != Membership.Role.CENTRAL_REVIEWER]
