"""API input bound to the web's own forms, so both check exactly the same things.

The schemas check JSON types; the forms then resolve ids within the tenant (another tenant's
partner is "not a valid choice"), check sizes, dates and uploads, and say so in the user's
language. Their cleaned data goes to the same service calls as the web's.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.db import models

from mitra.api.errors import FormInvalid


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Iterable) and not isinstance(value, str | bytes | dict):
        return [_plain(item) for item in value]
    return value


def as_form_data(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values as a bound form reads them: records by their keys, lists of records as lists."""
    return {name: _plain(value) for name, value in values.items()}


def check(form: forms.BaseForm, loc: tuple[str | int, ...] = ("body",)) -> dict[str, Any]:
    """The form's cleaned data, or FormInvalid with every field's messages."""
    if not form.is_valid():
        raise FormInvalid(
            {name: [str(e) for e in errors] for name, errors in form.errors.items()}, loc
        )
    return form.cleaned_data


def without_country(query: Mapping[str, Any]) -> dict[str, Any]:
    """A list's filters without the country, for the web's filter form, which offers only the
    countries of the tenant's partners; through the API any ISO code may be asked for, and a
    country no partner has matches nothing (200 with no items), not a refusal."""
    return {**query, "country": ""}
