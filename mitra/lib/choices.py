"""`get_<field>_display()` without translating every choice on each call.

Django's own version builds a dictionary of the field's choices on every call, hashing each
label, and hashing a lazily translated label translates it: with twenty-odd choices a call
cost about 95 µs against 4 µs, and a big city's register or public page calls it for thousands
of rows. `speed_up_choice_labels()` (run once the models are loaded) gives every model field
with choices a version that keeps, per field and language, the labels translated once (the
catalogues do not change while Mitra runs): a dictionary lookup, so callers need no label
tables of their own. A model's own `get_<field>_display` is left alone.
"""

from functools import partialmethod
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language

_LABELS: dict[tuple[int, str | None], dict[Any, Any]] = {}


def _labels(field: models.Field[Any, Any]) -> dict[Any, Any]:
    """The field's labels, translated into the active language, by value."""
    key = (id(field), get_language())
    labels = _LABELS.get(key)
    if labels is None:
        labels = {
            make_hashable(value): force_str(label, strings_only=True)
            for value, label in field.flatchoices
        }
        _LABELS[key] = labels
    return labels


def _display(self: models.Model, field: models.Field[Any, Any]) -> Any:
    value = getattr(self, field.attname)
    return force_str(_labels(field).get(make_hashable(value), value), strings_only=True)


def speed_up_choice_labels() -> None:
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            name = f"get_{field.name}_display"
            current = model.__dict__.get(name)
            if field.choices and is_djangos_display(current):
                setattr(model, name, partialmethod(_display, field=field))


def is_djangos_display(method: object) -> bool:
    """Whether `method` is the `get_<field>_display` Django gave the model (not the model's own)."""
    return (
        isinstance(method, partialmethod) and method.func is models.Model._get_FIELD_display  # type: ignore[attr-defined]
    )


def is_fast_display(method: object) -> bool:
    return isinstance(method, partialmethod) and method.func is _display
