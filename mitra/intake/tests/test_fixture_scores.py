"""The fixture set of issue 6: the extractor's per-field precision and recall, its evidence,
and the fixtures themselves (well-formed, valid codes, every stage and partner kind covered).

The annotation rules are in fixtures/README.md; the matching rules in `mitra.intake.scoring`.
"""

import csv
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import mitra.intake.extract as extract_package
from mitra.cooperations.models import Sector
from mitra.intake import scoring
from mitra.intake.extract import PARTNER_KINDS, STAGES, extract
from mitra.lib.text import fold

FIXTURES = Path(__file__).parent / "fixtures"
TEXT_SUFFIXES = (".txt", ".md", ".html")
THRESHOLD = 0.9
ROOT = Path(__file__).resolve().parents[3]
EXPECTED_KEYS = {
    "regions",
    "partners",
    "countries",
    "sectors",
    "stage",
    "people",
    "events",
    "dates",
    "evidence",
    "note",
}
ITEM_KEYS = {
    "regions": {"name", "code"},
    "partners": {"name", "kind", "country", "aliases"},
    "countries": {"code", "name"},
    "sectors": {"slug"},
    "people": {"name", "role", "aliases"},
    "events": {"name", "date", "aliases"},
}
REQUIRED_ITEM_KEYS = {
    "regions": {"name", "code"},
    "partners": {"name", "kind", "country", "aliases"},
    "countries": {"code", "name"},
    "sectors": {"slug"},
    "people": {"name", "role"},
    "events": {"name", "date"},
}
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The key of an evidence item, per field: "regions:73.71", "partners:Gothenburg" ...
EVIDENCE_KEY = {
    "regions": "code",
    "partners": "name",
    "countries": "code",
    "sectors": "slug",
    "stage": "slug",
    "people": "name",
    "events": "name",
}


class _TextOnly(HTMLParser):
    """The text of an HTML page without its tags, scripts and styles (character references decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def strip_html(html: str) -> str:
    """Use the extractor package's own stripper when it has one, as `mitra extract` does."""
    own = getattr(extract_package, "strip_html", None)
    stripped = own(html) if callable(own) else None
    if isinstance(stripped, str):
        return stripped
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


@dataclass(frozen=True)
class Fixture:
    name: str
    source: Path
    text: str  # what the extractor reads: HTML without its tags
    expected: dict[str, Any]


def text_sources() -> list[Path]:
    """The fixture texts: every .txt, .md and .html file of fixtures/ but its README."""
    return sorted(
        p for p in FIXTURES.iterdir() if p.suffix in TEXT_SUFFIXES and p.name != "README.md"
    )


@cache
def load_fixtures() -> tuple[Fixture, ...]:
    fixtures = []
    for source in text_sources():
        raw = source.read_text(encoding="utf-8")
        text = strip_html(raw) if source.suffix == ".html" else raw
        expected = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
        fixtures.append(Fixture(source.stem, source, text, expected))
    return tuple(fixtures)


@cache
def predictions() -> dict[str, dict[str, Any]]:
    return {f.name: extract(f.text).as_json(str(f.source)) for f in load_fixtures()}


@cache
def scores() -> dict[str, dict[str, scoring.FieldScore]]:
    return {f.name: scoring.score(f.expected, predictions()[f.name]) for f in load_fixtures()}


def fixture_ids() -> list[str]:
    return [source.stem for source in text_sources()]


def fixture_named(name: str) -> Fixture:
    return next(f for f in load_fixtures() if f.name == name)


# --- The fixture set itself -------------------------------------------------------------


def test_every_text_has_its_expectation_and_every_expectation_its_text() -> None:
    texts = {p.stem for p in text_sources()}
    expectations = {p.stem for p in FIXTURES.glob("*.json")}
    assert texts == expectations
    assert len(texts) == len(text_sources()), "two texts share one name"


def test_the_set_holds_at_least_24_texts_in_all_three_formats() -> None:
    sources = text_sources()
    assert len(sources) >= 24
    assert {p.suffix for p in sources} == set(TEXT_SUFFIXES)
    assert all(re.fullmatch(r"\d\d_[a-z0-9-]+", p.stem) for p in sources)


def test_the_set_covers_every_stage_and_a_text_without_one() -> None:
    stages = {(f.expected["stage"] or {}).get("slug") for f in load_fixtures()}
    assert stages == {*STAGES, None}


def test_the_set_covers_every_partner_kind() -> None:
    kinds = {p["kind"] for f in load_fixtures() for p in f.expected["partners"]}
    assert kinds == set(PARTNER_KINDS)


def test_the_set_has_multi_partner_texts_and_texts_without_any_cooperation() -> None:
    partner_counts = [len(f.expected["partners"]) for f in load_fixtures()]
    assert sum(count >= 3 for count in partner_counts) >= 2
    assert any(not f.expected["regions"] and not f.expected["partners"] for f in load_fixtures())


def test_incheon_and_icheon_are_kept_apart() -> None:
    both = [
        f
        for f in load_fixtures()
        if {"Incheon", "Icheon"} <= {p["name"] for p in f.expected["partners"]}
    ]
    assert both
    for fixture in load_fixtures():
        for partner in fixture.expected["partners"]:
            names = {fold(n) for n in [partner["name"], *partner["aliases"]]}
            assert not {"incheon", "icheon"} <= names, fixture.name


TYPE_WORDS = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}


@cache
def reference_names() -> tuple[dict[str, str], dict[str, str]]:
    """Region code → official name ("73.71" → "Kota Makassar"); country code → Indonesian name."""
    with (ROOT / "mitra/regions/data/regions.csv").open(encoding="utf-8") as f:
        regions = {
            row["dotted_code"]: f"{TYPE_WORDS[row['type']]} {row['name']}"
            for row in csv.DictReader(f)
        }
    with (ROOT / "mitra/partners/data/countries.csv").open(encoding="utf-8") as f:
        countries = {row["code"]: row["name_id"] for row in csv.DictReader(f)}
    return regions, countries


@cache
def place_countries() -> dict[str, frozenset[str]]:
    """Folded name or alternate name of a GeoNames place → the countries of such places."""
    found: dict[str, set[str]] = {}
    with gzip.open(ROOT / "mitra/partners/data/places.csv.gz", "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for name in [fold(row["name"]), *row["names"].split("|")]:
                if name:
                    found.setdefault(name, set()).add(row["country"])
    return {name: frozenset(countries) for name, countries in found.items()}


def problems_of_items(field: str, items: Any) -> Iterator[str]:
    if not isinstance(items, list):
        yield f"{field} is not a list"
        return
    for item in items:
        keys = set(item) if isinstance(item, dict) else set()
        if not REQUIRED_ITEM_KEYS[field] <= keys <= ITEM_KEYS[field]:
            yield f"{field}: unexpected keys in {item}"


def problems_of_values(expected: dict[str, Any]) -> Iterator[str]:
    regions, countries = reference_names()
    sectors = set(Sector.Slug.values)
    yield from (
        f"unknown region {r}" for r in expected["regions"] if regions.get(r["code"]) != r["name"]
    )
    yield from (
        f"unknown country {c}"
        for c in expected["countries"]
        if countries.get(c["code"]) != c["name"]
    )
    yield from (
        f"unknown sector {s['slug']}" for s in expected["sectors"] if s["slug"] not in sectors
    )
    for partner in expected["partners"]:
        if partner["kind"] not in PARTNER_KINDS:
            yield f"unknown partner kind {partner['kind']}"
        if partner["country"] not in countries:
            yield f"partner {partner['name']} has no valid country"
    stage = expected["stage"]
    if stage is not None and (set(stage) != {"slug"} or stage["slug"] not in STAGES):
        yield f"bad stage {stage}"
    yield from (f"bad date {d}" for d in expected["dates"] if not ISO_DATE.fullmatch(d))
    for event in expected["events"]:
        if event["date"] is not None and not FULL_DATE.fullmatch(event["date"]):
            yield f"event {event['name']} has a bad date {event['date']}"


@pytest.mark.parametrize("name", fixture_ids())
def test_the_expectation_is_well_formed(name: str) -> None:
    expected = fixture_named(name).expected
    assert set(expected) <= EXPECTED_KEYS
    assert EXPECTED_KEYS - {"note"} <= set(expected)
    problems = [p for field in ITEM_KEYS for p in problems_of_items(field, expected[field])]
    assert not problems
    problems = list(problems_of_values(expected))
    assert not problems
    for field in ("regions", "countries", "sectors", "dates"):
        keys = [
            str(item) if field == "dates" else item[EVIDENCE_KEY[field]] for item in expected[field]
        ]
        assert len(keys) == len(set(keys)), f"{field} listed twice"


@pytest.mark.parametrize("name", fixture_ids())
def test_the_foreign_partners_are_consistent_with_the_countries(name: str) -> None:
    expected = fixture_named(name).expected
    foreign = {
        p["country"] for p in expected["partners"] if p["kind"] not in scoring.DOMESTIC_KINDS
    }
    assert foreign <= {c["code"] for c in expected["countries"]}
    assert "ID" not in {c["code"] for c in expected["countries"]}
    domestic = {p["country"] for p in expected["partners"] if p["kind"] in scoring.DOMESTIC_KINDS}
    assert domestic <= {"ID"}


@pytest.mark.parametrize("name", fixture_ids())
def test_foreign_cities_and_regions_are_places_of_the_gazetteer(name: str) -> None:
    places = place_countries()
    for partner in fixture_named(name).expected["partners"]:
        if partner["kind"] == "foreign_city_or_region":
            names = [fold(n) for n in [partner["name"], *partner["aliases"]]]
            assert any(partner["country"] in places.get(n, ()) for n in names), partner["name"]


@pytest.mark.parametrize("name", fixture_ids())
def test_the_evidence_lists_name_expected_items_and_words_of_the_text(name: str) -> None:
    fixture = fixture_named(name)
    assert fixture.expected["evidence"], "every fixture checks some evidence"
    for key, mentions in fixture.expected["evidence"].items():
        assert expected_item(fixture.expected, key) is not None, key
        assert mentions and all(m in fixture.text for m in mentions), key


# --- The extractor against the set -----------------------------------------------------


def expected_item(expected: dict[str, Any], key: str) -> dict[str, Any] | None:
    field, _, ident = key.partition(":")
    items = scoring.items_of(expected, field)
    return next((item for item in items if item.get(EVIDENCE_KEY[field]) == ident), None)


def misses_by_fixture(field: str) -> str:
    lines = []
    for name, by_field in scores().items():
        one = by_field[field]
        if one.false_positives or one.false_negatives:
            lines.append(
                f"  {name}: missed {one.false_negatives or '-'}; wrong {one.false_positives or '-'}"
            )
    return "\n".join(lines)


@pytest.mark.parametrize("field", scoring.FIELDS)
def test_precision_and_recall_reach_the_threshold(field: str) -> None:
    total = scoring.add_up(scores().values())[field]
    precision, recall = total.precision, total.recall
    assert precision >= THRESHOLD and recall >= THRESHOLD, (
        f"{field}: precision {precision:.2f}, recall {recall:.2f} "
        f"(tp {total.true_positives}, fp {len(total.false_positives)}, "
        f"fn {len(total.false_negatives)})\n{misses_by_fixture(field)}"
    )


def spans_of(prediction: dict[str, Any]) -> Iterator[tuple[str, list[int]]]:
    for field in EVIDENCE_KEY:
        for item in scoring.items_of(prediction, field):
            for span in item.get("evidence", ()):
                yield field, span


@pytest.mark.parametrize("name", fixture_ids())
def test_every_evidence_span_lies_inside_the_text(name: str) -> None:
    text = fixture_named(name).text
    bad = [
        (field, span)
        for field, span in spans_of(predictions()[name])
        if not (len(span) == 2 and 0 <= span[0] < span[1] <= len(text))
    ]
    assert not bad


def test_evidence_points_at_the_listed_mentions() -> None:
    checked = found = 0
    wrong = []
    for fixture in load_fixtures():
        prediction = predictions()[fixture.name]
        for key, mentions in fixture.expected["evidence"].items():
            field = key.partition(":")[0]
            wanted = expected_item(fixture.expected, key)
            assert wanted is not None
            hits = [
                item
                for item in scoring.items_of(prediction, field)
                if scoring.matches(field, wanted, item)
            ]
            checked += 1
            found += bool(hits)
            allowed = {fold(m) for m in mentions}
            for item in hits:
                if not item.get("evidence"):
                    wrong.append(f"  {fixture.name} {key}: no evidence")
                for start, end in item.get("evidence", ()):
                    if fold(fixture.text[start:end]) not in allowed:
                        wrong.append(f"  {fixture.name} {key}: {fixture.text[start:end]!r}")
    assert not wrong, "evidence pointing elsewhere:\n" + "\n".join(wrong)
    assert found / checked >= THRESHOLD, f"only {found} of {checked} evidence items were extracted"
