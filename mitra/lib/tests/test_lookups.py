"""Values no column can hold find nothing, on both databases, rather than failing the query."""

import pytest

from mitra.lib.lookups import keys_of
from mitra.partners.models import Country, Partner
from tests.factories import make_partner

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["\x00", "I\x00D", "\x00\x00"])
def test_a_text_with_nul_is_found_nowhere(value):
    assert list(Country.objects.filter(code=value)) == []
    assert list(Country.objects.filter(code__iexact=value)) == []
    assert list(Country.objects.filter(code__in=[value, "ID"])) == []
    assert Partner.objects.filter(name=value).count() == 0


def test_a_text_without_nul_is_still_found(tenant):
    partner = make_partner(tenant, name="Kota Kaohsiung")
    assert list(Partner.objects.filter(name="Kota Kaohsiung")) == [partner]
    assert list(Partner.objects.filter(name__in=["Kota Kaohsiung", "x"])) == [partner]
    assert Country.objects.filter(code="ID").exists()


@pytest.mark.parametrize("key", [2**63, 2**70, -(2**70)])
def test_a_key_beyond_any_column_is_found_nowhere(tenant, key):
    partner = make_partner(tenant, name="Kota Kaohsiung")
    assert list(Partner.objects.filter(pk__in=[key])) == []
    assert list(Partner.objects.filter(pk__in=[key, partner.pk])) == [partner]


def test_keys_sent_as_one_array_find_the_rows_a_list_finds(tenant, other_tenant):
    ours = [make_partner(tenant, name=f"Mitra {n}") for n in range(3)]
    make_partner(other_tenant, name="Mitra lain")
    keys = [ours[2].pk, ours[0].pk, ours[0].pk]
    found = Partner.objects.filter(pk__in=keys_of(keys)).order_by("pk")
    assert list(found) == list(Partner.objects.filter(pk__in=keys).order_by("pk"))
    assert list(found) == [ours[0], ours[2]]
