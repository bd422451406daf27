"""Score an extraction against a hand-written expectation, field by field.

Plain Python (no Django), so the fixture tests and the scripts under `bench/` share it.
Both sides are dicts in the JSON shape of `Extraction.as_json` (see docs/intake.md);
`source` and `evidence` are ignored here (the fixture tests check evidence separately).
Expected partners, people and events may list `aliases`: other names that count as theirs.

Matching rules, per field:

- `regions`: by Kemendagri code, or by the folded official name when the codes differ or one
  is missing ("Provinsi Nusa Tenggara Barat" is 52 however it was written). `countries`: by ISO code. `sectors`: by slug.
  `dates`: by the ISO string ("2025-07-02", "2025-07" and "2025" are three different dates).
- `stage`: by slug, as a set of at most one item; null against null counts nothing.
- `partners`: the folded name (`mitra.lib.text.fold`), or the form the text writes
  (`written`, "Melaka" for the gazetteer's Malacca), equals the folded expected name or one
  of its aliases, legal forms at either end left out on both sides (`company_key`: "Yasu
  Project Co., Ltd." is "Yasu Project CO Ltd" is "Yasu Project", "PT Indonesia Power" is
  "Indonesia Power"), AND kind and country are equal. For the domestic kinds
  (`indonesian_region`, `domestic_party`) a predicted country of null equals "ID". A name
  match with the wrong kind or country is a false positive and a false negative.
- `people`: the folded name equals the expected name or an alias, or the words of the
  expected name (or of an alias) are all among the words of the predicted name, so
  "Moh Ramdhan Pomanto" matches an expected "Ramdhan Pomanto". The role is not scored.
- `events`: the folded names are equal or one contains the other as whole words (also
  against aliases), AND the dates are equal (null equals only null).

Each expected item is matched at most once (a maximum one-to-one matching, so the order of
the predicted items does not matter). A predicted item that would match an expected item
already matched by another predicted item is a duplicate, and a duplicate is a false positive
like any other unmatched predicted item (an entity must be listed once); any unmatched expected
item is a false negative.
An empty denominator gives a precision or recall of 1.0 (nothing claimed, nothing wrong).
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mitra.lib.text import company_key, fold

FIELDS = ("regions", "partners", "countries", "sectors", "stage", "people", "events", "dates")
DOMESTIC_KINDS = frozenset({"indonesian_region", "domestic_party"})

type Item = dict[str, Any]
type Rule = Callable[[Item, Item], bool]


@dataclass
class FieldScore:
    """True positives of one field, and a label for every false positive and false negative."""

    true_positives: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    def __add__(self, other: "FieldScore") -> "FieldScore":
        return FieldScore(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

    @property
    def precision(self) -> float:
        return _ratio(self.true_positives, len(self.false_positives))

    @property
    def recall(self) -> float:
        return _ratio(self.true_positives, len(self.false_negatives))


def score(expected: Mapping[str, Any], predicted: Mapping[str, Any]) -> dict[str, FieldScore]:
    """Compare one expectation with one extraction: a `FieldScore` per field of `FIELDS`."""
    return {
        name: _score_items(items_of(expected, name), items_of(predicted, name), *_RULES[name])
        for name in FIELDS
    }


def matches(name: str, expected: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    """Whether a predicted item of field `name` is a true positive for this expected item.

    Items are the dicts of the JSON shape (a date is `{"date": "2025-07-02"}`).
    """
    correct, _label = _RULES[name]
    return correct(dict(expected), dict(predicted))


def add_up(scores: Iterable[Mapping[str, FieldScore]]) -> dict[str, FieldScore]:
    """Sum per-field scores over a set of texts."""
    totals = {name: FieldScore() for name in FIELDS}
    for one in scores:
        for name in FIELDS:
            totals[name] = totals[name] + one[name]
    return totals


def precision_recall(totals: Mapping[str, FieldScore]) -> dict[str, tuple[float, float]]:
    """Per-field (precision, recall) of summed scores."""
    return {name: (total.precision, total.recall) for name, total in totals.items()}


def micro_average(totals: Mapping[str, FieldScore]) -> tuple[float, float]:
    """(precision, recall) over the items of all fields together."""
    overall = sum(totals.values(), FieldScore())
    return overall.precision, overall.recall


def _ratio(true_positives: int, misses: int) -> float:
    claimed = true_positives + misses
    return true_positives / claimed if claimed else 1.0


def items_of(result: Mapping[str, Any], name: str) -> list[Item]:
    """The items of one field as dicts; the stage becomes a list of zero or one item."""
    value = result.get(name)
    if name == "stage":
        return [value] if value else []
    if name == "dates":
        return [{"date": date} for date in value or ()]
    return list(value or ())


def _score_items(
    expected: list[Item], predicted: list[Item], correct: Rule, label: Callable[[Item], str]
) -> FieldScore:
    pairs = _maximum_matching(expected, predicted, correct)
    matched_expected = set(pairs.values())
    false_positives = [label(item) for index, item in enumerate(predicted) if index not in pairs]
    false_negatives = [
        label(item) for index, item in enumerate(expected) if index not in matched_expected
    ]
    return FieldScore(len(pairs), false_positives, false_negatives)


def _maximum_matching(expected: list[Item], predicted: list[Item], correct: Rule) -> dict[int, int]:
    """Predicted index → expected index, as many pairs as possible (augmenting paths)."""
    candidates = [
        [e for e, wanted in enumerate(expected) if correct(wanted, item)] for item in predicted
    ]
    owner: dict[int, int] = {}  # expected index → predicted index

    def assign(p: int, seen: set[int]) -> bool:
        for e in candidates[p]:
            if e not in seen:
                seen.add(e)
                if e not in owner or assign(owner[e], seen):
                    owner[e] = p
                    return True
        return False

    for p in range(len(predicted)):
        assign(p, set())
    return {p: e for e, p in owner.items()}


def _names(item: Item) -> list[str]:
    return [fold(name) for name in [item.get("name") or "", *item.get("aliases", ())] if name]


def _same_key(key: str) -> Rule:
    return lambda wanted, got: bool(wanted.get(key)) and wanted.get(key) == got.get(key)


def _region_correct(wanted: Item, got: Item) -> bool:
    if wanted.get("code") and wanted.get("code") == got.get("code"):
        return True
    name = fold(got.get("name") or "")
    return bool(name) and name in _names(wanted)


def _partner_correct(wanted: Item, got: Item) -> bool:
    country = got.get("country")
    if country is None and got.get("kind") in DOMESTIC_KINDS:
        country = "ID"
    names = {company_key(got.get(key) or "") for key in ("name", "written")} - {""}
    return (
        bool(names & {company_key(known) for known in _names(wanted)})
        and got.get("kind") == wanted.get("kind")
        and country == wanted.get("country")
    )


def _person_correct(wanted: Item, got: Item) -> bool:
    words = set(fold(got.get("name") or "").split())
    return bool(words) and any(set(name.split()) <= words for name in _names(wanted))


def _contains_words(longer: str, shorter: str) -> bool:
    return bool(shorter) and f" {shorter} " in f" {longer} "


def _event_correct(wanted: Item, got: Item) -> bool:
    name = fold(got.get("name") or "")
    same_name = any(
        _contains_words(name, known) or _contains_words(known, name) for known in _names(wanted)
    )
    return same_name and got.get("date") == wanted.get("date")


def _label_partner(item: Item) -> str:
    return f"{item.get('name')} ({item.get('kind')}, {item.get('country')})"


def _label_event(item: Item) -> str:
    return f"{item.get('name')} ({item.get('date')})"


def _label_key(key: str) -> Callable[[Item], str]:
    return lambda item: str(item.get(key))


_RULES: dict[str, tuple[Rule, Callable[[Item], str]]] = {
    "regions": (_region_correct, lambda item: f"{item.get('code')} {item.get('name')}"),
    "partners": (_partner_correct, _label_partner),
    "countries": (_same_key("code"), _label_key("code")),
    "sectors": (_same_key("slug"), _label_key("slug")),
    "stage": (_same_key("slug"), _label_key("slug")),
    "people": (_person_correct, _label_key("name")),
    "events": (_event_correct, _label_event),
    "dates": (_same_key("date"), _label_key("date")),
}
