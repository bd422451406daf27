"""The API's reading of bodies: JSON or form fields, refused when a text holds a control character.

The web refuses them in middleware (mitra.accounts.middleware), which sees the address and form
fields but not JSON; this parser sees every body the API reads, so no operation can miss it.
"""

from typing import Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja.parser import Parser

from mitra.lib.text import has_control_character


class ControlCharacterInBody(Exception):
    """A text in the body, at `loc`, holds a character that has no place in typed text."""

    def __init__(self, loc: list[str | int]) -> None:
        super().__init__(f"control character at {loc}")
        self.loc = loc


def _find_control_character(data: Any, loc: list[str | int]) -> list[str | int] | None:
    if isinstance(data, str):
        return loc if has_control_character(data) else None
    if isinstance(data, dict):
        items: list[tuple[Any, Any]] = list(data.items())
    elif isinstance(data, list):
        items = list(enumerate(data))
    else:
        return None
    for key, value in items:
        if isinstance(key, str) and has_control_character(key):
            return [*loc, key]
        found = _find_control_character(value, [*loc, key])
        if found is not None:
            return found
    return None


def refuse_control_characters(data: Any, loc: list[str | int]) -> None:
    found = _find_control_character(data, loc)
    if found is not None:
        raise ControlCharacterInBody(found)


class TextParser(Parser):
    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        refuse_control_characters(data, ["body"])
        return data

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        result = super().parse_querydict(data, list_fields, request)
        refuse_control_characters(result, ["form" if data is request.POST else "query"])
        return result
