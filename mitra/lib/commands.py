"""What the management commands share: reading a `--today YYYY-MM-DD` option, and a progress
bar on a terminal."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from django.core.management.base import CommandParser
from tqdm import tqdm

from mitra.lib.dates import day_from_option


def parse_day(value: str | None) -> date | None:
    """The day given on the command line, None when none was given; a clear error (CommandError)
    when it is unreadable or outside the dates Mitra accepts anywhere (1900-2100)."""
    return day_from_option(value)


def add_day_options(parser: CommandParser, *, dry_run: str) -> None:
    """The options every daily command takes: `--dry-run` (saying what it would do) and
    `--today` (computing as on another day)."""
    parser.add_argument("--dry-run", action="store_true", help=dry_run)
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", help="compute as on this day (default: today)"
    )


@contextmanager
def progress_bar(total: int, what: str) -> Iterator[Callable[[int], object]]:
    """A function to call with each step's count: it moves a bar on stderr when that is a
    terminal, and does nothing in cron, the worker or tests (their logs keep the summary line)."""
    if not sys.stderr.isatty() or total == 0:
        yield lambda _count: None
        return
    with tqdm(total=total, desc=what, unit="", file=sys.stderr, leave=False) as bar:
        yield bar.update
