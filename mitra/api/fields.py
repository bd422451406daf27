"""Field types shared by the API's schemas: choices from the models' TextChoices, and days."""

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from mitra.lib.dates import EARLIEST, LATEST


class OneOf:
    """Pydantic metadata for a string that must be one of `values`, listed as the schema's enum.

    Used as `Annotated[str, OneOf(Cooperation.Kind.values)]`: the models' choices stay the
    only list, and the OpenAPI schema shows them.
    """

    def __init__(self, values: Iterable[Any]) -> None:
        self.values = list(values)

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        result = handler(schema)
        result["enum"] = self.values
        return result

    def _check(self, value: Any) -> Any:
        if value not in self.values:
            raise PydanticCustomError(
                "enum",
                "Input should be one of {expected}",
                {"expected": ", ".join(str(v) for v in self.values)},
            )
        return value


# The pattern of a text that must hold more than spaces.
NOT_BLANK = r"\S"


# A web address as the partner form's URLField takes it, the scheme optional (https assumed).
WEB_ADDRESS = (
    r"^((https?://)?([A-Za-z0-9]{1,63}\.){1,5}[A-Za-z]{2,63}(/[^\s\x00-\x1f\x7f-\x9f]*)?)?$"
)

AMOUNT = r"^[0-9]{1,14}(\.[0-9]{1,2})?$"


def _no_float(value: Any) -> Any:
    # A float cannot hold most amounts in cents exactly: an amount is a string or a whole number
    # (which JSON may write as 1500000.0).
    if isinstance(value, float) and not value.is_integer():
        raise PydanticCustomError("amount_type", "Input should be a string or a whole number")
    return value


Amount = Annotated[
    Decimal,
    BeforeValidator(_no_float),
    Field(ge=0, max_digits=16, decimal_places=2),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": 10**14 - 1},
                {"type": "string", "pattern": AMOUNT},
            ],
            "description": 'Rupiah, as a whole number or a string such as "1500000.50"',
        }
    ),
]


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: Any) -> Any:
    # Pydantic would read 0 or "1700000000" as a Unix time; a day is written YYYY-MM-DD.
    if isinstance(value, date) or (isinstance(value, str) and ISO_DAY.fullmatch(value)):
        return value
    raise PydanticCustomError("date_type", "Input should be a date as YYYY-MM-DD")


def _sane_day(value: date) -> date:
    if not EARLIEST <= value <= LATEST:
        raise PydanticCustomError("date_out_of_range", "Input should be a date within the span")
    return value


# A day given to the API: written YYYY-MM-DD, between EARLIEST and LATEST (mitra.lib.dates), like
# every date the web's forms accept. Answers give stored days as plain `date`.
Day = Annotated[
    date,
    BeforeValidator(_iso_day),
    AfterValidator(_sane_day),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "formatMinimum": EARLIEST.isoformat(),
            "formatMaximum": LATEST.isoformat(),
            "description": f"A day from {EARLIEST} to {LATEST}",
        }
    ),
]
