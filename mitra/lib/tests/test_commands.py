from datetime import date

import pytest
from django.core.management.base import CommandError

from mitra.lib.commands import parse_day


def test_a_day_on_the_command_line_is_read_as_yyyy_mm_dd() -> None:
    assert parse_day("2026-02-28") == date(2026, 2, 28)


def test_no_day_on_the_command_line_is_none() -> None:
    assert parse_day(None) is None


@pytest.mark.parametrize("value", ["28-02-2026", "2026-02-30", "tomorrow", ""])
def test_a_malformed_day_is_a_clear_command_error(value: str) -> None:
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        parse_day(value)
