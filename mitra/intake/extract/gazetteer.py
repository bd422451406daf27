"""The reference data, read straight from the committed files (csv, no Django), once.

- Indonesian regions (mitra/regions/data): own names, curated aliases, and each multi-word name
  written as one word ("Bandar Lampung" -> "Bandarlampung").
- Countries (mitra/partners/data): Indonesian and English names and their aliases.
- Foreign places (mitra/partners/data/places.csv.gz, GeoNames cities of 15,000 people or more):
  the folded name and every alternate name, exact keys only.
- Small foreign places (mitra/partners/data/small_places.sqlite, GeoNames cities of 1,000 people
  or more, under their own names): consulted, not loaded, and only for a strongly cued name the
  tables above do not know ("kota Vanimo", "Yachimata, Jepang"), exactly or by a close spelling
  within the cued country ("Los Angles, Amerika Serikat").
- Well-known foreign bodies (data/institutions.csv here): development agencies and the like that
  regional news names without any cue ("JICA", "Temasek").
"""

import csv
import gc
import gzip
import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from mitra.intake.extract.phrases import PhraseTable
from mitra.intake.extract.tokens import Doc
from mitra.lib.text import fold

HERE = Path(__file__).resolve().parent
REGION_DATA = HERE.parent.parent / "regions" / "data"
PARTNER_DATA = HERE.parent.parent / "partners" / "data"
OWN_DATA = HERE / "data"
PREFIX_WORDS = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}
# Alternate place names this short are mostly transliteration noise ("rim" for Rome).
MIN_ALTERNATE_LENGTH = 4
SPECIAL_REGION = "Daerah Istimewa "
# A name is written with its words glued or split in other ways than the official one
# ("Tulangbawang Barat", "Batang Hari"): every part of a split has at least this many letters.
MIN_SPLIT_PART = 4
# Words that open a region's name with a prefix sense: "Kota Baru" is no split "Kotabaru".
NO_SPLIT_HEADS = frozenset({"kota", "kabupaten", "provinsi", "pulau", "tanah", "kab", "kep"})


def spacing_variants(key: str) -> list[str]:
    """Other spacings of a folded region name: adjacent words glued in every way ("tulangbawang
    barat", "tulangbawangbarat"), and a one-word name split once into two real-looking parts
    ("batang hari" of "batanghari")."""
    words = key.split(" ")
    out: list[str] = []
    if len(words) > 1:
        for mask in range(1, 2 ** (len(words) - 1)):
            parts = [words[0]]
            for k, word in enumerate(words[1:]):
                if mask >> k & 1:
                    parts[-1] += word
                else:
                    parts.append(word)
            out.append(" ".join(parts))
    elif key.isalpha():
        for cut in range(MIN_SPLIT_PART, len(key) - MIN_SPLIT_PART + 1):
            head, tail = key[:cut], key[cut:]
            if head not in NO_SPLIT_HEADS:
                out.append(f"{head} {tail}")
    return out


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # "3372"
    dotted_code: str  # "33.72"
    name: str  # "Surakarta"
    type: str  # province, regency, city
    province: str  # the parent's code, "" for a province

    @property
    def official_name(self) -> str:
        return f"{PREFIX_WORDS[self.type]} {self.name}"


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name_id: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Place:
    id: int
    name: str
    country: str
    population: int
    key: str  # the folded main name


@dataclass(frozen=True, slots=True)
class Institution:
    name: str
    kind: str
    country: str | None


@dataclass(frozen=True, slots=True)
class PlaceName:
    place: Place
    main: bool  # the key is the place's own name, not an alternate


class Gazetteer:
    """All lookup tables; `Gazetteer()` reads the files (about half a second)."""

    def __init__(self) -> None:
        self.regions: dict[str, Region] = {}
        self.region_names = PhraseTable[Region]()
        self.countries: dict[str, Country] = {}
        self.country_names = PhraseTable[Country]()
        self.caps_only: set[str] = set()  # keys to match only in capitals ("AS", "WHO")
        self.caps_head: set[str] = set()  # keys whose first word is in capitals ("DI Yogyakarta")
        self.places = PlaceTable()
        self.common_words: frozenset[str] = frozenset()
        self.institutions = PhraseTable[Institution]()
        # National bodies, campuses and state enterprises by their usual and short names; read
        # apart from the mentions, after the bodies a name run finds ("UGM" in a list).
        self.domestic_bodies = PhraseTable[Institution]()
        self.small_places = SmallPlaces(PARTNER_DATA / "small_places.sqlite")
        self.load_regions()
        self.load_countries()
        self.load_institutions()
        self.load_places()

    def load_regions(self) -> None:
        for row in read_csv(REGION_DATA / "regions.csv"):
            region = Region(
                code=row["code"],
                dotted_code=row["dotted_code"],
                name=row["name"],
                type=row["type"],
                province=row["province"],
            )
            self.regions[region.code] = region
            self.region_names.add(region.name, region)
            for variant in spacing_variants(fold(region.name)):
                if variant not in self.region_names.values:
                    self.region_names.add(variant, region, folded=True)
        for row in read_csv(REGION_DATA / "aliases.csv"):
            self.region_names.add(row["alias"], self.regions[row["region_code"]])
            if row["alias"].startswith(SPECIAL_REGION):
                # "DI Yogyakarta" is the province; "di Yogyakarta" is a venue in the city.
                short = "DI " + row["alias"].removeprefix(SPECIAL_REGION)
                self.region_names.add(short, self.regions[row["region_code"]])
                self.caps_head.add(fold(short))

    def load_countries(self) -> None:
        for row in read_csv(PARTNER_DATA / "countries.csv"):
            country = Country(code=row["code"], name_id=row["name_id"], name_en=row["name_en"])
            self.countries[country.code] = country
            self.country_names.add(country.name_id, country)
            self.country_names.add(country.name_en, country)
        for row in read_csv(PARTNER_DATA / "country_aliases.csv"):
            alias = row["alias"]
            self.country_names.add(alias, self.countries[row["country"]])
            if alias.isupper() and len(alias) <= 4:
                self.caps_only.add(fold(alias))

    def load_institutions(self) -> None:
        for row in read_csv(OWN_DATA / "institutions.csv"):
            body = Institution(name=row["name"], kind=row["kind"], country=row["country"] or None)
            names = [row["name"], *filter(None, row["aliases"].split("|"))]
            if body.kind == "domestic_party":
                for name in names:
                    self.domestic_bodies.add(name, body)
                continue
            for name in names:
                self.institutions.add(name, body)
                if name.replace("-", "").isupper():
                    self.caps_only.add(fold(name))

    def load_places(self) -> None:
        self.places.load(PARTNER_DATA / "places.csv.gz")
        lines = (OWN_DATA / "common_words.txt").read_text(encoding="utf-8").splitlines()
        self.common_words = frozenset(line for line in lines if line and not line.startswith("#"))
        country_keys = {fold(c.name_id) for c in self.countries.values()}
        country_keys |= {fold(c.name_en) for c in self.countries.values()}
        self.places.add_subdivisions(self.common_words, country_keys)

    def country(self, code: str) -> Country | None:
        return self.countries.get(code)

    def cued_place(self, key: str, country: str | None) -> tuple[Place, bool] | None:
        """The place a strongly cued name `key` (folded) names, and whether it was found by a
        close spelling only: the small-places list first, then, in the cued country, the
        closest name of that country (small places, cities and first-level subdivisions)."""
        found = self.small_places.exact(key, country)
        if found is not None:
            return found, False
        if country is None or len(key) < MIN_FUZZY_LENGTH:
            return None
        close = self.small_places.closest(key, country, self.places.subdivisions(country))
        return (close, True) if close is not None else None


MAX_MATCHED = 50_000


class PlaceTable:
    """Folded place name -> places, like `PhraseTable` but packed: the values are ints
    (row * 2 + 1 for a place's own name, row * 2 for an alternate), the places plain tuples
    until a name is matched. Building 120,000 objects would take longer than reading the file.
    """

    __slots__ = ("first", "matched", "provinces", "rows", "values")

    def __init__(self) -> None:
        self.values: dict[str, list[int]] = {}
        self.first: dict[str, int] = {}
        self.rows: list[tuple[int, str, str, int, str]] = []
        # (country, folded name) of every first-level subdivision, those the city list also
        # names included ("Shizuoka", "Osaka"): a name that may say where a city lies.
        self.provinces: frozenset[tuple[str, str]] = frozenset()
        # The places of each name matched so far (they are frozen): the same names come back
        # in article after article.
        self.matched: dict[str, list[PlaceName]] = {}

    def load(self, path: Path) -> None:
        # The collector would walk the growing tables again and again: a third of the time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self.read(path)
        finally:
            if collecting:
                gc.enable()

    def read(self, path: Path) -> None:
        values, first, rows = self.values, self.first, self.rows
        with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            next(reader)
            for geonameid, name, country, _admin, _lat, _lon, population, names in reader:
                key = fold(name)
                row = len(rows)
                rows.append((int(geonameid), name, country, int(population), key))
                keys = [key]
                if names:
                    keys += [k for k in names.split("|") if len(k) >= MIN_ALTERNATE_LENGTH]
                for n, alternate in enumerate(keys):
                    code = row * 2 + (n == 0)
                    bucket = values.get(alternate)
                    if bucket is None:
                        values[alternate] = [code]
                        words = alternate.count(" ") + 1
                        head = alternate.split(" ", 1)[0] if words > 1 else alternate
                        if first.get(head, 0) < words:
                            first[head] = words
                    elif code // 2 != bucket[-1] // 2:
                        bucket.append(code)

    def add_subdivisions(self, common_words: frozenset[str], countries: set[str]) -> None:
        """First-level subdivisions of ISO 3166-2 (pycountry): provinces, states, prefectures
        ("Guangxi", "Ehime", "Queensland", "Negeri Sembilan", "Chungcheongbuk-do") that the
        city list lacks, under the names the city list does not already use. Their id is
        negative: they are no GeoNames place."""
        import pycountry

        values, first, rows = self.values, self.first, self.rows
        provinces: set[tuple[str, str]] = set()
        for subdivision in pycountry.subdivisions:
            country = subdivision.country_code
            if (
                country == "ID"
                or subdivision.parent_code is not None
                or subdivision.type not in SUBDIVISION_TYPES
            ):
                continue
            name = subdivision_name(subdivision.name)
            keys = {fold(name), fold(subdivision.name), *indonesian_forms(name)}
            if name.endswith("-do"):
                keys.add(fold(name[:-3]))
            provinces.update((country, key) for key in keys)
            keys = {
                k
                for k in keys
                if len(k) >= MIN_SUBDIVISION_LENGTH
                # a city of the country by that very name names it already ("Osaka"); a
                # city's alternate name ("Henan" for Hengyang) does not hide the province
                and not any(
                    rows[code // 2][2] == country and code % 2 for code in values.get(k, ())
                )
                and k not in common_words
                and k not in countries
                and not set(k.split()) <= GENERIC_PLACE_WORDS
            }
            if not keys:
                continue
            row = len(rows)
            rows.append((-row - 1, name, country, SUBDIVISION_POPULATION, fold(name)))
            for key in keys:
                if key in values:
                    # "Victoria": a city of the Seychelles and a state of Australia; the
                    # country beside the name chooses.
                    values[key].append(row * 2 + 1)
                    continue
                values[key] = [row * 2 + 1]
                words = key.count(" ") + 1
                head = key.split(" ", 1)[0]
                if first.get(head, 0) < words:
                    first[head] = words
        self.provinces = frozenset(provinces)

    def place(self, row: int) -> Place:
        return Place(*self.rows[row])

    def subdivisions(self, country: str) -> list[Place]:
        return [Place(*row) for row in self.rows if row[0] < 0 and row[2] == country]

    def match(self, doc: Doc, index: int) -> tuple[int, list[PlaceName]] | None:
        tokens = doc.tokens
        longest = self.first.get(tokens[index].key)
        if longest is None:
            return None
        chain = doc.chain(index, longest) if longest > 1 else [index]
        for size in range(len(chain), 0, -1):
            key = tokens[index].key if size == 1 else " ".join(tokens[i].key for i in chain[:size])
            found = self.values.get(key)
            if found:
                return chain[size - 1], self.names(key, found)
        return None

    def names(self, key: str, found: list[int]) -> list[PlaceName]:
        names = self.matched.get(key)
        if names is None:
            names = [PlaceName(self.place(c // 2), bool(c % 2)) for c in found]
            if len(self.matched) < MAX_MATCHED:
                self.matched[key] = names
        return list(names)  # a list of the caller's own


# A close spelling counts only for names this long, this close (rapidfuzz ratio), with the same
# first letter: "Los Angles" (95), "Serawak" (86), "Shizouka" (88); not "Ito" for "Ota".
MIN_FUZZY_LENGTH = 5
FUZZY_CUTOFF = 85


class SmallPlaces:
    """GeoNames places of 1,000 people or more, read from SQLite one query at a time."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(f"file:{path}?immutable=1", uri=True, check_same_thread=False)

    def exact(self, key: str, country: str | None) -> Place | None:
        rows = self.db.execute(
            "SELECT id, name, country, population, key FROM place WHERE key = ?", (key,)
        ).fetchall()
        rows = [r for r in rows if country is None or r[2] == country]
        if not rows or (country is None and len({r[2] for r in rows}) > 1):
            return None  # a bare small-town name of several countries says nothing
        return Place(*max(rows, key=lambda r: r[3]))

    def closest(self, key: str, country: str, extra: list[Place]) -> Place | None:
        places = [p for p in [*self.of_country(country), *extra] if p.key[:1] == key[:1]]
        if not places:
            return None
        found = process.extract(
            key, [p.key for p in places], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
        )
        if not found:
            return None
        best = max(score for _key, score, _i in found)
        return max(
            (places[i] for _k, score, i in found if score == best), key=lambda p: p.population
        )

    @lru_cache(maxsize=32)  # noqa: B019 (one instance per process)
    def of_country(self, country: str) -> tuple[Place, ...]:
        rows = self.db.execute(
            "SELECT id, name, country, population, key FROM place WHERE country = ?", (country,)
        ).fetchall()
        return tuple(Place(*row) for row in rows)


SUBDIVISION_TYPES = frozenset(
    {
        "Province", "State", "Prefecture", "Autonomous region", "Municipality", "Territory",
        "Metropolitan city", "Special city", "Special self-governing province",
        "Special self-governing city", "Federal territory", "Autonomous community", "Land",
        "Region", "Federal district", "Autonomous province", "Emirate", "Oblast", "Krai",
        "Republic", "Autonomous okrug", "Voivodeship", "Capital territory",
    }
)  # fmt: skip
SUBDIVISION_SUFFIXES = re.compile(
    r"(?i)(?: (?:Zhuangzu|Huizu|Uygur) Zizhiqu| Zizhiqu| Sheng| Shi|-gwangyeoksi|-teukbyeolsi"
    r"|-teukbyeoljachido|-teukbyeoljachisi)$"
)
GENERIC_PLACE_WORDS = frozenset(
    {"western", "eastern", "northern", "southern", "central", "north", "south", "east", "west",
     "capital", "gulf", "island", "islands", "region", "coast", "upper", "lower", "new",
     "district", "national", "free", "state", "lakes", "valley", "highlands", "centre", "center"}
)  # fmt: skip
MIN_SUBDIVISION_LENGTH = 5
SUBDIVISION_POPULATION = 1_000_000


# Indonesian writes a compass point after the name: "Australia Barat" (Western Australia),
# "Carolina Selatan", "Bengal Barat"; a Korean "-buk-do" / "-nam-do" is "Utara" / "Selatan"
# ("Chungcheong Selatan", "Gyeongsang Utara").
COMPASS = {
    "north": "utara", "northern": "utara", "south": "selatan", "southern": "selatan",
    "east": "timur", "eastern": "timur", "west": "barat", "western": "barat",
    "central": "tengah",
}  # fmt: skip
KOREAN_COMPASS = re.compile(r"(?i)^(\w+?)(buk|nam)-do$")


def indonesian_forms(name: str) -> set[str]:
    """The Indonesian forms of a subdivision's name with a compass point (folded)."""
    head, _, rest = name.partition(" ")
    if head.lower() in COMPASS and rest:
        return {fold(f"{rest} {COMPASS[head.lower()]}")}
    korean = KOREAN_COMPASS.match(name)
    if korean:
        point = "utara" if korean.group(2).lower() == "buk" else "selatan"
        return {fold(f"{korean.group(1)} {point}")}
    return set()


def subdivision_name(name: str) -> str:
    """ "Guangxi Zhuangzu Zizhiqu" → "Guangxi", "Busan-gwangyeoksi" → "Busan"; a name given
    as "Kuala Lumpur, Wilayah Persekutuan" keeps its first part."""
    name = name.split(",")[0].split(" (")[0].removeprefix("Wilayah Persekutuan ")
    return SUBDIVISION_SUFFIXES.sub("", name).strip()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
