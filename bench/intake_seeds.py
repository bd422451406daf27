"""Score the extractor on the two seed articles of issue 6, per field.

Run from the repository root: `.venv/bin/python bench/intake_seeds.py [--seeds DIR] [--misses]`.
The articles are read from ../shared/seeds (outside the repository; they are not ours to
publish); the expectations, written by hand from the articles' facts, are the JSON files in
bench/intake_seeds/ named after each article. Matching rules: `mitra.intake.scoring`.
"""

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mitra.intake import scoring  # noqa: E402
from mitra.intake.extract import extract  # noqa: E402

EXPECTATIONS = ROOT / "bench" / "intake_seeds"
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
SUFFIXES = (".txt", ".md")


def find_article(seeds: Path, stem: str) -> Path | None:
    return next((seeds / (stem + s) for s in SUFFIXES if (seeds / (stem + s)).is_file()), None)


def score_articles(seeds: Path) -> dict[str, dict[str, scoring.FieldScore]] | str:
    """Scores per article, or a one-line reason why the articles cannot be read."""
    if not seeds.is_dir():
        return f"seed articles not found: {seeds} is not a folder (give another with --seeds DIR)"
    results = {}
    for expectation in sorted(EXPECTATIONS.glob("*.json")):
        article = find_article(seeds, expectation.stem)
        if article is None:
            return f"seed article {expectation.stem} not found in {seeds} (give another with --seeds DIR)"
        expected: dict[str, Any] = json.loads(expectation.read_text(encoding="utf-8"))
        predicted = extract(article.read_text(encoding="utf-8")).as_json(str(article))
        results[article.name] = scoring.score(expected, predicted)
    return results


def table(totals: dict[str, scoring.FieldScore]) -> list[str]:
    lines = [f"{'field':<10} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}"]
    for name, total in totals.items():
        lines.append(
            f"{name:<10} {total.true_positives:>4} {len(total.false_positives):>4} "
            f"{len(total.false_negatives):>4} {total.precision:>10.2f} {total.recall:>8.2f}"
        )
    precision, recall = scoring.micro_average(totals)
    lines.append(f"{'micro avg':<10} {'':>4} {'':>4} {'':>4} {precision:>10.2f} {recall:>8.2f}")
    return lines


def misses(results: dict[str, dict[str, scoring.FieldScore]]) -> list[str]:
    lines = []
    for article, by_field in results.items():
        for name, one in by_field.items():
            if one.false_negatives or one.false_positives:
                lines.append(
                    f"{article} {name}: missed {one.false_negatives or '-'}; "
                    f"wrong {one.false_positives or '-'}"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of the seed articles"
    )
    parser.add_argument("--misses", action="store_true", help="also list each miss per article")
    args = parser.parse_args(argv)
    results = score_articles(args.seeds)
    if isinstance(results, str):
        print(results, file=sys.stderr)
        return 1
    print(f"{len(results)} seed articles from {args.seeds}")
    print("\n".join(table(scoring.add_up(results.values()))))
    if args.misses:
        print("\n".join(["", *misses(results)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
