"""Every model field with choices shows its labels as Django would, without translating every
choice on each call (mitra.lib.choices)."""

from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from mitra.lib.choices import is_djangos_display, is_fast_display

FIELDS = [
    (model, field)
    for model in apps.get_models(include_auto_created=True)
    for field in model._meta.concrete_fields
    if field.choices
]


def _id(case: tuple[type[models.Model], models.Field[Any, Any]]) -> str:
    model, field = case
    return f"{model._meta.label}.{field.name}"


def test_the_project_has_fields_with_choices_to_check():
    assert len(FIELDS) >= 20


@pytest.mark.parametrize("case", FIELDS, ids=_id)
def test_every_field_with_choices_shows_the_label_django_would(case):
    model, field = case
    method = model.__dict__.get(f"get_{field.name}_display")
    assert is_fast_display(method) or not is_djangos_display(method)  # the model's own is kept
    for language in ("id", "en"):
        with translation.override(language):
            for value in [*(value for value, _label in field.flatchoices), "no-such-choice"]:
                row = model(**{field.attname: value})
                assert row._get_FIELD_display(field) == getattr(row, f"get_{field.name}_display")()
