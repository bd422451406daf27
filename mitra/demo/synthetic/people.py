"""The synthetic tenants and their people: one tenant per free region, six accounts each."""

import random
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.utils.text import slugify

from mitra.cooperations.models import Agency
from mitra.demo.synthetic import SYNTHETIC_PREFIX
from mitra.regions.models import Region
from mitra.tenancy.models import Membership, ProcedureOrder, Tenant

BIG_CITY = "7371"  # Kota Makassar: the big city
PASSWORD = "mitra-sintetis"  # noqa: S105 (synthetic accounts on a benchmark database)
Role = Membership.Role
ROLES = (
    ("admin", Role.TENANT_ADMIN),
    ("officer", Role.COOPERATION_OFFICER),
    ("officer2", Role.COOPERATION_OFFICER),
    ("opd", Role.AGENCY_OFFICER),
    ("tkksd", Role.TEAM_REVIEWER),
    ("leader", Role.LEADERSHIP),
)
CENTRAL_REVIEWER = f"{SYNTHETIC_PREFIX}kemendagri.reviewer"
AGENCIES = (
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("Dinas Pendidikan", "Disdik"),
    ("Dinas Kesehatan", "Dinkes"),
    ("Dinas Pariwisata", "Dispar"),
    ("Dinas Penanaman Modal dan PTSP", "DPMPTSP"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo"),
    ("Dinas Pekerjaan Umum", "DPU"),
    ("Dinas Lingkungan Hidup", "DLH"),
    ("Dinas Koperasi dan UKM", "Diskop"),
    ("Dinas Perhubungan", "Dishub"),
)


@dataclass
class Staff:
    """A synthetic tenant's accounts by their short role name ("officer", "leader" ...)."""

    tenant: Tenant
    users: dict[str, User]
    agencies: list[Agency]

    @property
    def officers(self) -> list[User]:
        return [self.users["officer"], self.users["officer2"]]


def other_tenants() -> list[str]:
    """The names of the tenants `mitra synthesize` did not make."""
    return list(
        Tenant.objects.exclude(slug__startswith=SYNTHETIC_PREFIX).values_list("name", flat=True)
    )


def choose_regions(rng: random.Random, count: int) -> list[Region]:
    """`count` regions without a tenant, the big city first when it is free, then provinces and
    regencies in a seeded order (all 552 when `count` is 552)."""
    free = list(Region.objects.filter(tenant__isnull=True).order_by("code"))
    big = [r for r in free if r.code == BIG_CITY]
    rest = [r for r in free if r.code != BIG_CITY]
    rng.shuffle(rest)
    return (big + rest)[:count]


def create_tenants(rng: random.Random, regions: list[Region]) -> list[Tenant]:
    tenants = [
        Tenant(
            region=region,
            name=f"Pemerintah {region.official_name}",
            slug=f"{SYNTHETIC_PREFIX}{slugify(region.official_name)}"[:60],
            cooperation_unit=f"Bagian Kerja Sama Setda {region.official_name}",
            procedure_order=(
                ProcedureOrder.CENTRAL_FIRST if rng.random() < 0.2 else ProcedureOrder.COUNCIL_FIRST
            ),
        )
        for region in regions
    ]
    return Tenant.objects.bulk_create(tenants, batch_size=1000)


def create_staff(tenants: list[Tenant]) -> list[Staff]:
    """Six accounts and ten agencies per tenant, and one central reviewer; one password hash."""
    password = make_password(PASSWORD)
    accounts = [
        User(
            username=f"{tenant.slug}.{short}",
            first_name=short.capitalize(),
            last_name=tenant.region.name,
            email=f"{short}@{tenant.slug}.invalid",
            password=password,
        )
        for tenant in tenants
        for short, _role in ROLES
    ]
    created = User.objects.bulk_create(accounts, batch_size=2000)
    memberships = []
    if not User.objects.filter(username=CENTRAL_REVIEWER).exists():  # a second run adds tenants
        reviewer = User.objects.create(username=CENTRAL_REVIEWER, password=password)
        memberships.append(Membership(user=reviewer, tenant=None, role=Role.CENTRAL_REVIEWER))
    agencies = [
        Agency(tenant=tenant, name=name, acronym=acronym)
        for tenant in tenants
        for name, acronym in AGENCIES
    ]
    Agency.objects.bulk_create(agencies, batch_size=2000)
    staff = []
    for index, tenant in enumerate(tenants):
        mine = created[index * len(ROLES) : (index + 1) * len(ROLES)]
        users = {short: user for (short, _role), user in zip(ROLES, mine, strict=True)}
        memberships += [
            Membership(user=user, tenant=tenant, role=role)
            for (_short, role), user in zip(ROLES, mine, strict=True)
        ]
        own = agencies[index * len(AGENCIES) : (index + 1) * len(AGENCIES)]
        staff.append(Staff(tenant, users, own))
    Membership.objects.bulk_create(memberships, batch_size=2000)
    return staff
