"""What the management commands share: reading a `--today YYYY-MM-DD` option."""

from datetime import date

from django.core.management.base import CommandError


def parse_day(value: str | None) -> date | None:
    """The day given on the command line, None when none was given; a clear error otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date as YYYY-MM-DD, not {value!r}.") from None
