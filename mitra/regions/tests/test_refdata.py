import pytest
from django.apps import apps

from mitra.regions.models import Region, RegionAlias
from mitra.regions.refdata import load_regions

pytestmark = pytest.mark.django_db


def test_there_are_38_provinces():
    assert Region.objects.provinces().count() == 38


def test_there_are_514_regencies_and_cities():
    assert Region.objects.regencies_and_cities().count() == 514


def test_there_are_416_regencies_and_98_cities():
    assert Region.objects.filter(type=Region.Type.REGENCY).count() == 416
    assert Region.objects.filter(type=Region.Type.CITY).count() == 98


def test_tual_is_a_city_in_maluku_with_its_coordinates():
    tual = Region.objects.get(code="8172")
    assert (tual.dotted_code, tual.name, tual.type) == ("81.72", "Tual", Region.Type.CITY)
    assert tual.official_name == "Kota Tual"
    assert tual.province_id == "81"
    assert tual.latitude == pytest.approx(-5.6347, abs=1e-3)
    assert tual.longitude == pytest.approx(132.7517, abs=1e-3)


@pytest.mark.parametrize(
    ("code", "official_name"),
    [
        ("3372", "Kota Surakarta"),
        ("3471", "Kota Yogyakarta"),
        ("7371", "Kota Makassar"),
        ("1671", "Kota Palembang"),
        ("3273", "Kota Bandung"),
        ("3204", "Kabupaten Bandung"),
        ("32", "Provinsi Jawa Barat"),
        ("96", "Provinsi Papua Barat Daya"),
    ],
)
def test_known_codes_carry_their_names(code, official_name):
    assert Region.objects.get(code=code).official_name == official_name


def test_names_carry_no_type_prefix():
    prefixed = Region.objects.filter(name__regex=r"^(Kabupaten|Kota|Provinsi|Administrasi) ")
    assert list(prefixed) == []


def test_every_regency_and_city_belongs_to_a_province():
    children = Region.objects.regencies_and_cities().select_related("province")
    assert all(r.province.type == Region.Type.PROVINCE for r in children)
    assert all(r.code.startswith(r.province_id) for r in children)


def test_every_region_has_coordinates_inside_indonesia():
    for region in Region.objects.all():
        assert region.latitude is not None and region.longitude is not None, region
        assert -11.5 < region.latitude < 6.5, region
        assert 94.5 < region.longitude < 141.5, region


def test_upstream_typo_in_papua_tengah_capital_is_fixed():
    assert Region.objects.get(code="94").capital == "Nabire"


@pytest.mark.parametrize(
    ("alias", "code"),
    [("Solo", "3372"), ("Jogja", "3471"), ("DIY", "34"), ("Ujung Pandang", "7371"), ("DKI", "31")],
)
def test_curated_aliases_are_loaded(alias, code):
    assert RegionAlias.objects.filter(alias=alias, region_id=code).exists()


def test_batavia_is_not_an_alias_of_jakarta():
    assert not RegionAlias.objects.filter(key="batavia").exists()


def test_every_region_is_found_under_its_own_name():
    assert RegionAlias.objects.values("region").distinct().count() == 552


def test_loading_again_restores_the_data_without_duplicates():
    Region.objects.filter(code="8172").update(name="Tual Lama", latitude=0)
    aliases = RegionAlias.objects.count()

    counts = load_regions(apps)

    assert counts == {"regions": 552, "region aliases": aliases}
    assert Region.objects.count() == 552
    assert RegionAlias.objects.count() == aliases
    tual = Region.objects.get(code="8172")
    assert (tual.name, round(tual.latitude, 2)) == ("Tual", -5.63)
