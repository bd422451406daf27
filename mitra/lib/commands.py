"""What the management commands share: reading a `--today YYYY-MM-DD` option."""

from datetime import date

from mitra.lib.dates import day_from_option


def parse_day(value: str | None) -> date | None:
    """The day given on the command line, None when none was given; a clear error (CommandError)
    when it is unreadable or outside the dates Mitra accepts anywhere (1900-2100)."""
    return day_from_option(value)
