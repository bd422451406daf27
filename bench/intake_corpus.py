"""Score the extractor on the real-text corpus (tests/intake_corpus/), per field.

Run from the repository root:
`.venv/bin/python bench/intake_corpus.py --split dev|sealed|all [--batch "batch 5"] [--misses]`.

Prints per-field precision, recall and F1 and their micro-average over the chosen split, using
the matching rules of `mitra.intake.scoring`, and the partner scores for foreign partners and
Indonesian parties apart (the issue's two targets). For `sealed` (and `all`, which contains it) only
aggregate figures are printed: never a text, its expectation or a per-text error, so whoever
improves the extractor can measure it on the sealed texts without reading them. `--misses`
lists each miss per text, and is allowed for `dev` only. `--batch` keeps the texts of one batch of
the manifest (its `added` label), the honest unseen estimate for a batch scored before any change.
"""

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mitra.intake import scoring  # noqa: E402
from mitra.intake.extract import extract  # noqa: E402

CORPUS = ROOT / "tests" / "intake_corpus"
SPLITS = {"dev": ("dev",), "sealed": ("sealed",), "all": ("dev", "sealed")}


def text_paths(split: str, batch: str | None = None) -> list[Path]:
    """The split's texts, or only those the manifest lists as added in `batch`."""
    paths = [path for folder in SPLITS[split] for path in sorted((CORPUS / folder).glob("*.txt"))]
    if batch is None:
        return paths
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    ids = {entry["id"] for entry in manifest if entry["added"].endswith(f" {batch}")}
    return [path for path in paths if path.stem in ids]


def score_split(split: str, batch: str | None = None) -> dict[str, dict[str, scoring.FieldScore]]:
    """Scores per text id for every text of the split (or of one batch in it)."""
    results = {}
    for text_path in text_paths(split, batch):
        expected: dict[str, Any] = json.loads(
            text_path.with_suffix(".json").read_text(encoding="utf-8")
        )
        text = text_path.read_text(encoding="utf-8")
        predicted = extract(text).as_json(text_path.name)
        results[text_path.stem] = scoring.score(expected, predicted)
    return results


# The targets tell foreign partners from Indonesian parties (other regions, domestic
# bodies): the same partner scores, the items split by kind.
def is_foreign(item: dict[str, Any]) -> bool:
    return item.get("kind") not in scoring.DOMESTIC_KINDS


def is_indonesian(item: dict[str, Any]) -> bool:
    return item.get("kind") in scoring.DOMESTIC_KINDS


PARTNER_GROUPS: dict[str, Callable[[dict[str, Any]], bool]] = {
    "foreign": is_foreign,
    "indonesian": is_indonesian,
}


def partner_groups(split: str, batch: str | None = None) -> dict[str, scoring.FieldScore]:
    """Partner scores per group over the split (aggregates only)."""
    totals = {name: scoring.FieldScore() for name in PARTNER_GROUPS}
    for text_path in text_paths(split, batch):
        expected = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        predicted = extract(text_path.read_text(encoding="utf-8")).as_json(text_path.name)
        for name, keep in PARTNER_GROUPS.items():
            one = scoring.score(
                {"partners": [i for i in expected.get("partners") or [] if keep(i)]},
                {"partners": [i for i in predicted.get("partners") or [] if keep(i)]},
            )["partners"]
            totals[name] = totals[name] + one
    return totals


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def table(totals: dict[str, scoring.FieldScore]) -> list[str]:
    header = (
        f"{'field':<10} {'tp':>5} {'fp':>5} {'fn':>5} {'precision':>10} {'recall':>7} {'F1':>6}"
    )
    lines = [header]
    for name, total in totals.items():
        lines.append(
            f"{name:<10} {total.true_positives:>5} {len(total.false_positives):>5} "
            f"{len(total.false_negatives):>5} {total.precision:>10.2f} {total.recall:>7.2f} "
            f"{f1(total.precision, total.recall):>6.2f}"
        )
    precision, recall = scoring.micro_average(totals)
    lines.append(
        f"{'micro avg':<10} {'':>5} {'':>5} {'':>5} {precision:>10.2f} {recall:>7.2f} "
        f"{f1(precision, recall):>6.2f}"
    )
    return lines


def misses(results: dict[str, dict[str, scoring.FieldScore]]) -> list[str]:
    lines = []
    for text_id, by_field in results.items():
        for name, one in by_field.items():
            if one.false_negatives or one.false_positives:
                lines.append(
                    f"{text_id} {name}: missed {one.false_negatives or '-'}; "
                    f"wrong {one.false_positives or '-'}"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted(SPLITS), default="dev")
    parser.add_argument(
        "--misses", action="store_true", help="list each miss per text (dev split only)"
    )
    parser.add_argument("--batch", help='only the texts of one batch, e.g. "batch 5"')
    args = parser.parse_args(argv)
    if args.misses and args.split != "dev":
        print(
            "--misses is only for the dev split: sealed texts are scored in aggregate",
            file=sys.stderr,
        )
        return 2
    results = score_split(args.split, args.batch)
    chosen = f"{args.split} split" + (f", {args.batch}," if args.batch else "")
    print(f"{len(results)} texts of the {chosen} in {CORPUS.relative_to(ROOT)}")
    print("\n".join(table(scoring.add_up(results.values()))))
    for name, total in partner_groups(args.split, args.batch).items():
        print(
            f"partners, {name}: precision {total.precision:.2f}, recall {total.recall:.2f}, "
            f"F1 {f1(total.precision, total.recall):.2f}"
        )
    if args.misses:
        print("\n".join(["", *misses(results)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
