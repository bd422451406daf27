"""Dates and terms in a register lie between 1945 and 2100, however the cell gives them."""

from datetime import date, datetime

import pytest

from mitra.imports import values


@pytest.mark.parametrize(
    "cell",
    [
        date(1, 1, 1),
        date(9999, 12, 31),
        datetime(9999, 12, 31, 23, 59),  # noqa: DTZ001  openpyxl reads Excel times naive
        date(1899, 12, 31),
        "31/12/9999",
        "0001-01-01",
        "1 Januari 2101",
    ],
    ids=str,
)
def test_a_far_date_in_any_form_is_a_bad_value(cell: values.Cell) -> None:
    with pytest.raises(values.BadValue):
        values.parse_date(cell)


def test_an_excel_date_within_the_span_is_read() -> None:
    excel_cell = datetime(2021, 3, 5, 0, 0)  # noqa: DTZ001  openpyxl reads Excel times naive
    assert values.parse_date(excel_cell) == date(2021, 3, 5)


@pytest.mark.parametrize("months", [12 * 200, 12 * 9999, 10**30])
def test_a_term_ending_after_2100_is_a_bad_value_not_a_crash(months: int) -> None:
    with pytest.raises(values.BadValue):
        values.last_day_of_term(date(2021, 3, 1), months)


def test_a_five_year_term_still_ends_the_day_before_its_anniversary() -> None:
    assert values.last_day_of_term(date(2021, 3, 1), 60) == date(2026, 2, 28)
