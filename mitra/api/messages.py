"""Pydantic's validation messages, said again in the request's language.

Pydantic writes its messages in English only; the API answers in the user's language, so each
error type gets a message of our own, filled in from the error's context.
"""

from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext as _

from mitra.api.fields import NOT_BLANK, WEB_ADDRESS
from mitra.lib.dates import out_of_range_message


def _limit(ctx: Mapping[str, Any], *names: str) -> str:
    return next((str(ctx[name]) for name in names if name in ctx), "?")


def _required(ctx: Mapping[str, Any]) -> str:
    return _("This field is required.")


def _text(ctx: Mapping[str, Any]) -> str:
    return _("Give text.")


def _whole_number(ctx: Mapping[str, Any]) -> str:
    return _("Give a whole number.")


def _number(ctx: Mapping[str, Any]) -> str:
    return _("Give a number.")


def _amount(ctx: Mapping[str, Any]) -> str:
    return _('Give the amount as a whole number or as text such as "1500000.50".')


def _boolean(ctx: Mapping[str, Any]) -> str:
    return _("Give true or false.")


def _date(ctx: Mapping[str, Any]) -> str:
    return _("Give a date as YYYY-MM-DD.")


def _date_out_of_range(ctx: Mapping[str, Any]) -> str:
    return out_of_range_message()


def _list(ctx: Mapping[str, Any]) -> str:
    return _("Give a list.")


def _object(ctx: Mapping[str, Any]) -> str:
    return _("Give an object.")


def _too_long(ctx: Mapping[str, Any]) -> str:
    return _("Use at most %(limit)s characters.") % {"limit": _limit(ctx, "max_length")}


def _too_short(ctx: Mapping[str, Any]) -> str:
    return _("Use at least %(limit)s characters.") % {"limit": _limit(ctx, "min_length")}


def _too_many(ctx: Mapping[str, Any]) -> str:
    return _("Give at most %(limit)s items.") % {"limit": _limit(ctx, "max_length")}


def _at_least(ctx: Mapping[str, Any]) -> str:
    return _("Give a value of at least %(limit)s.") % {"limit": _limit(ctx, "ge", "gt")}


def _at_most(ctx: Mapping[str, Any]) -> str:
    return _("Give a value of at most %(limit)s.") % {"limit": _limit(ctx, "le", "lt")}


def _choice(ctx: Mapping[str, Any]) -> str:
    return _("Choose one of: %(choices)s.") % {"choices": _limit(ctx, "expected")}


def _pattern(ctx: Mapping[str, Any]) -> str:
    if ctx.get("pattern") == NOT_BLANK:
        return _("Fill this in; spaces alone are not enough.")
    if ctx.get("pattern") == WEB_ADDRESS:
        return _("Give a web address such as https://example.org.")
    return _("This value is not in the expected form (%(pattern)s).") % {
        "pattern": _limit(ctx, "pattern")
    }


def _unknown(ctx: Mapping[str, Any]) -> str:
    return _("This field is not known.")


def _json(ctx: Mapping[str, Any]) -> str:
    return _("The body is not valid JSON.")


MESSAGES: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "missing": _required,
    "string_type": _text,
    "string_unicode": _text,
    "int_type": _whole_number,
    "int_parsing": _whole_number,
    "int_from_float": _whole_number,
    "float_type": _number,
    "float_parsing": _number,
    "decimal_type": _number,
    "amount_type": _amount,
    "decimal_parsing": _number,
    "finite_number": _number,
    "bool_type": _boolean,
    "bool_parsing": _boolean,
    "date_type": _date,
    "date_parsing": _date,
    "date_from_datetime_parsing": _date,
    "date_from_datetime_inexact": _date,
    "date_past": _date,
    "date_future": _date,
    "date_out_of_range": _date_out_of_range,
    "list_type": _list,
    "dict_type": _object,
    "model_type": _object,
    "model_attributes_type": _object,
    "string_too_long": _too_long,
    "string_too_short": _too_short,
    "too_long": _too_many,
    "greater_than": _at_least,
    "greater_than_equal": _at_least,
    "less_than": _at_most,
    "less_than_equal": _at_most,
    "string_pattern_mismatch": _pattern,
    "enum": _choice,
    "literal_error": _choice,
    "extra_forbidden": _unknown,
    "json_invalid": _json,
    "json_type": _json,
}


def pydantic_message(error: Mapping[str, Any]) -> str:
    """The message for one pydantic error, translated; unknown types get a general one."""
    ctx = error.get("ctx") or {}
    kind = str(error.get("type", ""))
    if kind in MESSAGES:
        return MESSAGES[kind](ctx)
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])
    return _("This value is not valid.")
