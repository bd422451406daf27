from datetime import date

import pytest

from mitra.cooperations.models import Cooperation
from mitra.partners.models import Country, Partner
from mitra.regions.models import Region
from mitra.reports.tests.helpers import activity, agreement, created_on, moved
from mitra.tenancy.models import Membership
from tests.factories import make_cooperation, make_partner, make_tenant, make_user

S = Cooperation.State
YEAR_2024 = {"start": date(2024, 1, 1), "end": date(2024, 12, 31)}
TODAY = date(2025, 3, 12)


@pytest.fixture
def incheon(tenant):
    """Makassar's sister city: signed in 2024, dormant since 2025, met twice in 2024."""
    tenant.cooperation_unit = "Bagian Kerja Sama Setda Kota Makassar"
    tenant.save(update_fields=["cooperation_unit"])
    partner = make_partner(tenant, name="Incheon Metropolitan City")
    coop = created_on(
        date(2023, 5, 2),
        tenant,
        title="Sister city Makassar Incheon",
        partners=[partner],
        sectors=["smart_city", "e_government"],
    )
    moved(coop, S.EXPLORATION, date(2023, 8, 1))
    moved(coop, S.IMPLEMENTATION, date(2024, 2, 1))
    moved(coop, S.DORMANT, date(2025, 6, 1))
    agreement(
        coop,
        "MoU Makassar Incheon",
        ("070/123/KS/2024", "IC-2024-55"),
        date(2024, 1, 20),
        valid_from=date(2024, 1, 20),
        valid_until=date(2029, 1, 19),
    )
    for day in (date(2023, 11, 1), date(2024, 6, 10), date(2024, 9, 3), date(2025, 1, 15)):
        activity(coop, day)
    return coop


@pytest.fixture
def tual(tenant):
    """A KSDD recorded in March 2024, still drafting its KB."""
    partner = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        name="Pemerintah Kota Tual",
        country=None,
        region=Region.objects.get(code="8172"),
    )
    coop = created_on(
        date(2024, 3, 1),
        tenant,
        title="Smart city Makassar Tual",
        kind=Cooperation.Kind.DOMESTIC_REGION,
        sub_form=Cooperation.SubForm.VOLUNTARY,
        partners=[partner],
        sectors=["smart_city"],
    )
    moved(coop, S.FRAMEWORK_DRAFTING, date(2024, 4, 2))
    return coop


@pytest.fixture
def hamamatsu(other_tenant):
    """Bandung's cooperation: never in Makassar's report."""
    partner = make_partner(
        other_tenant, name="Hamamatsu City", country=Country.objects.get(code="JP")
    )
    return created_on(date(2023, 1, 5), other_tenant, title="Bandung Hamamatsu", partners=[partner])


def many_cooperations(tenant, count):
    """`count` cooperations of 2024, each with a numbered MoU and an activity."""
    for index in range(count):
        coop = make_cooperation(tenant, title=f"Kerja sama {index}", sectors=["tourism"])
        agreement(coop, f"MoU {index}", (f"A/{index}", f"B/{index}"), date(2024, 5, 1))
        activity(coop, date(2024, 6, 1))


@pytest.fixture
def province(db):
    """Provinsi Sulawesi Selatan, above Makassar and Parepare."""
    return make_tenant("73")


@pytest.fixture
def province_officer(province):
    return make_user(province, Membership.Role.COOPERATION_OFFICER)
