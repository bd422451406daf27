from collections.abc import Iterator
from datetime import date

import pytest
from pytest_django import DjangoDbBlocker

from mitra.demo.load import load_demo
from mitra.staff.models import StaffProfile
from mitra.staff.queries import capacity_report
from mitra.tenancy.models import Tenant
from tests.shared import built_once

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def tenants(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[dict[str, Tenant]]:
    """The demo, loaded once for the module's read-only tests."""
    with built_once(django_db_blocker):
        yield {tenant.region.code: tenant for tenant in load_demo(today=TODAY)}  # staff included


def test_makassars_report_shows_its_partners_languages_and_who_speaks_them(tenants):
    rows = {row.code: row for row in capacity_report(tenants["7371"], TODAY).languages}
    assert {"ko", "sv", "zh"} <= {code for code, row in rows.items() if not row.covered}
    assert rows["en"].covered
    assert not rows["ko"].speakers
    assert [s.level for s in rows["fr"].speakers] == ["basic"]


def test_bandung_has_the_two_outside_professionals(tenants):
    kinds = StaffProfile.objects.filter(tenant=tenants["3273"]).values_list(
        "employment_type", flat=True
    )
    assert sorted(kinds).count("pns") == 3
    assert {"pppk", "non_asn_expert"} <= set(kinds)
