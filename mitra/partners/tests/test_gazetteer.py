import pytest
from django.apps import apps

from mitra.partners.lookup import find_places
from mitra.partners.models import Place, PlaceName
from mitra.partners.refdata import load_places

pytestmark = pytest.mark.django_db

GOTHENBURG = 2711537
INCHEON = 1843564
ICHEON = 1843702
CAPE_TOWN = 3369157
KAOHSIUNG = 1673820


def geonameids(places):
    return [p.geonameid for p in places]


def test_gazetteer_holds_the_worlds_cities_of_15000_people():
    assert Place.objects.count() > 30000
    assert Place.objects.filter(population__gte=15000).count() > 30000


def test_gazetteer_has_no_indonesian_places():
    assert not Place.objects.filter(country_id="ID").exists()
    assert find_places("Surakarta") == []
    assert find_places("Bandung") == []


@pytest.mark.parametrize("name", ["Gothenburg", "Göteborg", "Goteborg", "GÖTEBORG"])
def test_gothenburg_is_found_under_its_names(name):
    assert geonameids(find_places(name)) == [GOTHENBURG]
    assert find_places(name)[0].country_id == "SE"


def test_incheon_and_icheon_are_different_places():
    incheon = find_places("Incheon")
    icheon = find_places("Icheon")
    assert geonameids(incheon) == [INCHEON]
    assert geonameids(icheon) == [ICHEON]
    assert {p.country_id for p in incheon + icheon} == {"KR"}


@pytest.mark.parametrize("name", ["Cape Town", "Kaapstad"])
def test_cape_town_is_found_in_south_africa(name):
    assert geonameids(find_places(name, "ZA")) == [CAPE_TOWN]


def test_kaohsiung_is_in_taiwan():
    (kaohsiung,) = find_places("Kaohsiung")
    assert (kaohsiung.geonameid, kaohsiung.country_id) == (KAOHSIUNG, "TW")


def test_places_are_ordered_by_population():
    places = find_places("San Jose")
    assert len(places) > 1
    populations = [p.population for p in places]
    assert populations == sorted(populations, reverse=True)


def test_country_code_narrows_the_places():
    assert {p.country_id for p in find_places("San Jose", "cr")} == {"CR"}
    assert find_places("Gothenburg", "NO") == []


def test_airport_codes_are_not_names():
    assert find_places("GOT") == []
    assert find_places("CPT") == []


@pytest.mark.parametrize("word", ["selatan", "utara", "baru", "pulau", "kabupaten"])
def test_indonesian_common_words_are_not_alternate_names(word):
    assert find_places(word) == []


def test_a_primary_name_that_is_an_indonesian_word_is_kept():
    assert "IN" in {p.country_id for p in find_places("Kota")}


def test_every_place_is_found_under_its_own_name():
    assert PlaceName.objects.values("place").distinct().count() == Place.objects.count()


def test_loading_again_restores_removed_names_and_drops_unknown_ones_only():
    PlaceName.objects.filter(place_id=GOTHENBURG, key="goteborg").delete()
    PlaceName.objects.create(place_id=GOTHENBURG, key="gotham")
    Place.objects.filter(pk=CAPE_TOWN).update(population=1)

    counts = load_places(apps)

    assert counts["place names changed"] == 2
    assert counts["places"] == Place.objects.count()
    assert counts["place names"] == PlaceName.objects.count()
    assert geonameids(find_places("Göteborg")) == [GOTHENBURG]
    assert find_places("Gotham") == []
    assert Place.objects.get(pk=CAPE_TOWN).population > 4_000_000
