"""Lookups that answer "nothing" for values no column can hold, instead of failing the query;
and `one_of` and `keys_of`, a long list of values for an `in` lookup sent as one array.

An `in` lookup over integer columns leaves out numbers no such column can hold.

Django already answers "nothing" for `pk=<a number beyond the column's range>`; for
`pk__in=[...]` it passes the number on, and SQLite's driver then fails (OverflowError) where
PostgreSQL answers. Forms and the admin look up posted choices with `__in`, so a posted
20-digit id would be a server error on the embedded database instead of "not a valid choice".
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BigIntegerField, CharField, IntegerField, TextField
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Exact, IExact, In


class InRangeIn(In):
    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [value for value in self.rhs if _within(value, low, high)]
            if not self.rhs:
                raise EmptyResultSet
        return super().process_rhs(compiler, connection)


def _within(value: Any, low: int | None, high: int | None) -> bool:
    if not isinstance(value, int):
        return True
    return (low is None or value >= low) and (high is None or value <= high)


class TextWithoutNul:
    """Text lookups that match nothing for a value holding NUL: PostgreSQL cannot store or
    compare such text (it fails the whole query), and no stored text holds one, so a posted or
    asked value with NUL (a choice, a filter) is simply not found."""

    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value() and _holds_nul(self.rhs):  # type: ignore[attr-defined]
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)  # type: ignore[misc]


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(isinstance(item, str) and "\x00" in item for item in value)
    return False


class ExactWithoutNul(TextWithoutNul, Exact):
    pass


class IExactWithoutNul(TextWithoutNul, IExact):
    pass


class InWithoutNul(TextWithoutNul, In):
    pass


def register() -> None:
    IntegerField.register_lookup(InRangeIn)
    for field in (CharField, TextField):
        for lookup in (ExactWithoutNul, IExactWithoutNul, InWithoutNul):
            field.register_lookup(lookup)


def one_of(values: Iterable[str]) -> Any:
    """The right side of `text_field__in=` for many values: on PostgreSQL one array parameter
    (`SELECT unnest(...)`), elsewhere the list. A list of a hundred thousand placeholders (the
    daily run's reminder subjects) takes seconds to send and plan; an array, milliseconds."""
    chosen = sorted(set(values))
    if connection.vendor != "postgresql":
        return chosen
    return RawSQL("SELECT unnest(%s::text[])", (chosen,), output_field=TextField())


def keys_of(values: Iterable[int]) -> Any:
    """`one_of` for keys (`pk__in=`): two thousand placeholders (a big city's cooperations of a
    year) cost more to compose, send and plan than the query takes to run."""
    chosen = sorted(set(values))
    if connection.vendor != "postgresql":
        return chosen
    return RawSQL("SELECT unnest(%s::bigint[])", (chosen,), output_field=BigIntegerField())
