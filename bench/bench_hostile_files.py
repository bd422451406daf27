"""Benchmark: how long refusing each spreadsheet bomb takes, against reading a real register.

Run with `make bench` (or `python bench/bench_hostile_files.py`). Needs no database. For each
bomb of mitra/imports/tests/bombs.py it prints the median time of `read_sheet` refusing it and
the ratio to the baseline measured in this same run: reading a real XLSX register of 100 rows.
A ratio well under 1 means the bomb was refused before its declared size was walked or unpacked.
The tests bound the same refusals by the work they do (function calls), not by the clock.
"""

import contextlib
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django  # noqa: E402

django.setup()

from mitra.imports.parsing import UnreadableFile, read_sheet  # noqa: E402
from mitra.imports.tests.bombs import BOMBS, HEADER, workbook  # noqa: E402

REPEAT = 15


def median_ms(action: Callable[[], object]) -> float:
    samples = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        with contextlib.suppress(UnreadableFile):
            action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def register(rows: int) -> bytes:
    cells = '<c r="A{n}" t="inlineStr"><is><t>Kerja sama {n}</t></is></c>'
    cells += '<c r="B{n}" t="inlineStr"><is><t>Incheon</t></is></c>'
    body = "".join(f'<row r="{n}">{cells.format(n=n)}</row>' for n in range(2, rows + 2))
    return workbook(f'<row r="1">{HEADER}</row>{body}')


def main() -> int:
    real = register(100)
    baseline = median_ms(lambda: read_sheet("daftar.xlsx", real))
    print(f"{'baseline: a real register of 100 rows':40} {baseline:8.1f} ms  1.00")
    for bomb, (name, make) in BOMBS.items():
        content = make()
        took = median_ms(lambda: read_sheet(name, content))  # noqa: B023 - called at once
        print(f"{bomb + f' ({len(content):,} bytes)':40} {took:8.1f} ms  {took / baseline:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
