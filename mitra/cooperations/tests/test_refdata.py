import pytest
from django.apps import apps

from mitra.cooperations.models import Affair, Sector
from mitra.cooperations.refdata import load_affairs, load_sectors

pytestmark = pytest.mark.django_db


def test_there_is_one_sector_per_slug():
    assert Sector.objects.count() == 22
    assert set(Sector.objects.values_list("slug", flat=True)) == set(Sector.Slug.values)


def test_there_are_32_government_affairs():
    assert Affair.objects.count() == 32


@pytest.mark.parametrize(
    ("group", "count"),
    [(Affair.Group.BASIC, 6), (Affair.Group.MANDATORY, 18), (Affair.Group.OPTIONAL, 8)],
)
def test_affairs_are_grouped_as_in_the_law(group, count):
    assert Affair.objects.filter(group=group).count() == count


def test_affairs_carry_their_legal_indonesian_names():
    assert Affair.objects.get(slug="education").name == "Pendidikan"
    assert Affair.objects.get(slug="tourism").group == Affair.Group.OPTIONAL


def test_loading_again_changes_nothing():
    Affair.objects.filter(slug="education").update(name="x")

    assert load_sectors(apps) == {"sectors": 22}
    assert load_affairs(apps) == {"affairs": 32}
    assert Sector.objects.count() == 22
    assert Affair.objects.get(slug="education").name == "Pendidikan"
