import csv

import pytest
from django.apps import apps

from mitra.lib.text import fold
from mitra.partners.lookup import find_country
from mitra.partners.models import Country, CountryAlias
from mitra.partners.refdata import DATA_DIR, load_countries

pytestmark = pytest.mark.django_db


def test_every_iso_3166_country_is_loaded():
    assert Country.objects.count() == 249
    assert Country.objects.get(code="SE").alpha3 == "SWE"
    assert Country.objects.get(code="KR").numeric == "410"


def test_israel_is_blocked_and_has_no_diplomatic_relations():
    israel = Country.objects.get(code="IL")
    assert israel.cooperation_blocked
    assert not israel.diplomatic_relations
    assert not israel.needs_central_guidance


def test_taiwan_has_no_diplomatic_relations_but_is_not_blocked():
    taiwan = Country.objects.get(code="TW")
    assert not taiwan.diplomatic_relations
    assert not taiwan.cooperation_blocked
    assert taiwan.needs_central_guidance


def test_only_israel_and_taiwan_lack_diplomatic_relations():
    lacking = Country.objects.filter(diplomatic_relations=False)
    assert sorted(lacking.values_list("code", flat=True)) == ["IL", "TW"]
    assert list(Country.objects.filter(cooperation_blocked=True)) == [
        Country.objects.get(code="IL")
    ]


@pytest.mark.parametrize(
    ("code", "name_id", "name_en"),
    [
        ("FR", "Prancis", "France"),
        ("CN", "Tiongkok", "China"),
        ("GB", "Inggris Raya", "United Kingdom"),
        ("KR", "Korea Selatan", "South Korea"),
        ("TW", "Taiwan", "Taiwan"),
        ("NZ", "Selandia Baru", "New Zealand"),
        ("HK", "Hong Kong", "Hong Kong"),
    ],
)
def test_countries_carry_cldr_names_in_indonesian_and_english(code, name_id, name_en):
    country = Country.objects.get(code=code)
    assert (country.name_id, country.name_en) == (name_id, name_en)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Perancis", "FR"),
        ("Prancis", "FR"),
        ("France", "FR"),
        ("Korsel", "KR"),
        ("Korea Selatan", "KR"),
        ("Republik Korea", "KR"),
        ("South Korea", "KR"),
        ("Inggris", "GB"),
        ("Britania Raya", "GB"),
        ("Tiongkok", "CN"),
        ("Cina", "CN"),
        ("China", "CN"),
        ("RRT", "CN"),
        ("Amerika Serikat", "US"),
        ("AS", "US"),
        ("Selandia Baru", "NZ"),
        ("Swedia", "SE"),
        ("Belanda", "NL"),
        ("Jerman", "DE"),
        ("Jepang", "JP"),
        ("Singapura", "SG"),
        ("Afrika Selatan", "ZA"),
        ("Taiwan", "TW"),
        ("Pantai Gading", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("  korea   SELATAN ", "KR"),
    ],
)
def test_country_is_found_by_its_variants(name, code):
    country = find_country(name)
    assert country is not None, name
    assert country.code == code


def test_north_korea_is_not_south_korea():
    assert find_country("Korea Utara").code == "KP"
    assert find_country("Korut").code == "KP"


@pytest.mark.parametrize("name", ["", "Atlantis", "Korea Selatann", "Perancisan", "Batavia"])
def test_unknown_country_names_find_nothing(name):
    assert find_country(name) is None


def test_no_alias_key_maps_to_two_countries():
    with (DATA_DIR / "country_aliases.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    owners: dict[str, set[str]] = {}
    for row in rows:
        owners.setdefault(fold(row["alias"]), set()).add(row["country"])
    assert all(len(codes) == 1 for codes in owners.values())
    assert len(owners) == len(rows)


def test_loading_again_restores_the_data_without_duplicates():
    Country.objects.filter(code="IL").update(cooperation_blocked=False, name_id="x")
    aliases = CountryAlias.objects.count()

    counts = load_countries(apps)

    assert counts == {"countries": 249, "country aliases": aliases}
    assert CountryAlias.objects.count() == aliases
    israel = Country.objects.get(code="IL")
    assert israel.cooperation_blocked
    assert israel.name_id == "Israel"
