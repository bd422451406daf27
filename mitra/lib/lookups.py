"""An `in` lookup over integer columns that leaves out numbers no such column can hold.

Django already answers "nothing" for `pk=<a number beyond the column's range>`; for
`pk__in=[...]` it passes the number on, and SQLite's driver then fails (OverflowError) where
PostgreSQL answers. Forms and the admin look up posted choices with `__in`, so a posted
20-digit id would be a server error on the embedded database instead of "not a valid choice".
"""

from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import IntegerField
from django.db.models.lookups import In


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


def register() -> None:
    IntegerField.register_lookup(InRangeIn)
