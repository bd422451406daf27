"""Every province of the reference data keeps one of Indonesia's three zones (Keppres 41/1987)."""

from datetime import UTC, datetime

import pytest

from mitra.regions.refdata import read_rows
from mitra.regions.zones import PROVINCE_ZONES, WIB, WIT, WITA, region_zone, zone_name

PROVINCES = [row["code"] for row in read_rows("regions.csv") if row["type"] == "province"]
REGIONS = [row["code"] for row in read_rows("regions.csv")]


def test_every_province_of_the_reference_data_has_a_zone_and_no_other_does():
    assert len(PROVINCES) == 38
    assert sorted(PROVINCE_ZONES) == sorted(PROVINCES)


def test_every_region_has_its_provinces_zone():
    assert {code: zone_name(code) for code in REGIONS} == {
        code: PROVINCE_ZONES[code[:2]] for code in REGIONS
    }


@pytest.mark.parametrize(
    ("zone", "provinces"),
    [
        (WITA, ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]),
        (WIT, ["81", "82", "91", "92", "93", "94", "95", "96"]),
    ],
)
def test_central_and_eastern_indonesia(zone, provinces):
    assert sorted(code for code, kept in PROVINCE_ZONES.items() if kept == zone) == provinces


def test_the_rest_of_the_provinces_keep_western_time():
    western = [code for code in PROVINCES if PROVINCE_ZONES[code] == WIB]
    assert western == [*[c for c in PROVINCES if "11" <= c <= "36"], "61", "62"]


@pytest.mark.parametrize(
    ("code", "abbreviation", "hours"),
    [("3273", "WIB", 7), ("7371", "WITA", 8), ("9171", "WIT", 9), ("6171", "WIB", 7)],
)
def test_a_citys_zone_is_named_as_people_name_it(code, abbreviation, hours):
    there = datetime(2026, 12, 6, 19, 3, tzinfo=UTC).astimezone(region_zone(code))
    assert there.tzname() == abbreviation
    assert there.hour == (19 + hours) % 24


def test_a_province_code_missing_from_the_table_is_an_error_not_western_time():
    with pytest.raises(KeyError):
        zone_name("97")
