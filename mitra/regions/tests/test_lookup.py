import pytest

from mitra.regions.lookup import find_region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Kota Surakarta", "3372"),
        ("Surakarta", "3372"),
        ("Pemerintah Kota Surakarta", "3372"),
        ("Kab. Bandung", "3204"),
        ("Kabupaten Bandung", "3204"),
        ("Pemkab Bandung", "3204"),
        ("Kota Bandung", "3273"),
        ("Bandung Barat", "3217"),
        ("Jogja", "3471"),
        ("Yogyakarta", "3471"),
        ("Provinsi Jawa Barat", "32"),
        ("Jawa Barat", "32"),
        ("Pemprov Jabar", "32"),
        ("Kota Administrasi Jakarta Pusat", "3171"),
        ("Jakarta Pusat", "3171"),
        ("kota  tual", "8172"),
        ("Kabupaten Toli-Toli", "7204"),
        ("Tolitoli", "7204"),
        ("Ujung Pandang", "7371"),
    ],
)
def test_name_resolves_to_its_region(name, code):
    region = find_region(name)
    assert region is not None, name
    assert region.code == code


def test_solo_resolves_to_surakarta():
    assert find_region("Solo").code == "3372"


def test_pemkot_solo_resolves_to_surakarta():
    assert find_region("Pemkot Solo").code == "3372"


def test_solo_never_becomes_solok():
    assert find_region("Solok").code == "1372"
    assert find_region("Solo").code != find_region("Solok").code


def test_bare_name_of_a_city_and_a_regency_resolves_to_the_city():
    assert find_region("Bandung").code == "3273"
    assert find_region("Semarang").code == "3374"


def test_bare_name_of_a_city_and_a_province_resolves_to_the_city():
    assert find_region("Jambi").code == "1571"
    assert find_region("Provinsi Jambi").code == "15"


def test_yogyakarta_province_is_found_by_its_abbreviation_and_prefix():
    assert find_region("DIY").code == "34"
    assert find_region("Daerah Istimewa Yogyakarta").code == "34"
    assert find_region("Provinsi Yogyakarta").code == "34"


def test_jakarta_is_the_province():
    for name in ("Jakarta", "DKI", "DKI Jakarta", "Pemprov DKI Jakarta"):
        assert find_region(name).code == "31", name


@pytest.mark.parametrize(
    "name",
    ["", "Kota", "Pemkot", "Batavia", "Sol", "Bandungg", "Provinsi Solo", "Kabupaten Surakarta"],
)
def test_unknown_or_mismatched_names_find_nothing(name):
    assert find_region(name) is None
