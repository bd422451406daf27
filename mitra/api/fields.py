"""Field types shared by the API's schemas: choices from the models' TextChoices, and days."""

import re
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
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
