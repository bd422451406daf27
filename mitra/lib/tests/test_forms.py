"""The empty choice of every select is Mitra's, in the user's language (issue 14).

Django 6.1 labels the empty choice of the selects it builds "- Select an option -", a string its
Indonesian catalogue does not translate: it showed in English in the meeting, task and signing
forms and the admin. `mitra.lib.forms.use_translated_blank_choice` replaces it at its source at
start-up; these tests go through every model field that becomes a select.
"""

import importlib
import inspect
import pkgutil
from collections.abc import Iterator

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.db.models.utils import get_blank_choice_label
from django.utils import translation

import mitra
from mitra.lib.forms import BLANK_CHOICE_LABEL


def select_fields() -> Iterator[models.Field]:  # type: ignore[type-arg]
    """Every editable model field of Mitra's apps a form shows as a select with an empty choice."""
    for model in apps.get_models():
        if not model.__module__.startswith("mitra."):
            continue
        for field in model._meta.concrete_fields:
            if not field.editable or field.primary_key:
                continue
            if isinstance(field, models.ForeignKey) or field.choices:
                yield field


def empty_choice(formfield: forms.Field) -> str | None:
    if isinstance(formfield, forms.ModelChoiceField):
        return None if formfield.empty_label is None else str(formfield.empty_label)
    choices = list(getattr(formfield, "choices", []))
    return str(choices[0][1]) if choices and choices[0][0] == "" else None


def test_django_takes_its_empty_choice_from_mitra():
    assert str(get_blank_choice_label()) == str(BLANK_CHOICE_LABEL)


def test_every_select_of_a_model_field_offers_the_empty_choice_in_indonesian():
    fields = list(select_fields())
    assert len(fields) > 30
    shown: dict[str, str] = {}
    with translation.override("id"):
        for field in fields:
            label = empty_choice(field.formfield())
            if label is not None:
                shown[f"{field.model._meta.label}.{field.name}"] = label
    assert shown, "no select with an empty choice was found"
    assert {where: label for where, label in shown.items() if label != "— pilih —"} == {}


@pytest.mark.parametrize("language, label", [("id", "— pilih —"), ("en", "— choose —")])
def test_a_form_built_by_hand_shows_the_empty_choice_in_the_users_language(language, label):
    with translation.override(language):
        assert str(forms.ModelChoiceField(queryset=None).empty_label) == label


def declared_single_choices() -> Iterator[tuple[str, forms.ModelChoiceField]]:  # type: ignore[type-arg]
    """Every single-choice field of a record that a form of Mitra's apps declares."""
    for module_info in pkgutil.walk_packages(mitra.__path__, "mitra."):
        if not module_info.name.endswith(".forms"):
            continue
        module = importlib.import_module(module_info.name)
        for name, form in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form, forms.BaseForm) or form.__module__ != module.__name__:
                continue
            for field_name, field in form.base_fields.items():
                if isinstance(field, forms.ModelChoiceField) and not isinstance(
                    field, forms.ModelMultipleChoiceField
                ):
                    yield f"{module.__name__}.{name}.{field_name}", field


def test_an_optional_choice_offers_a_dash_and_a_required_one_asks_to_choose():
    """Left empty, an optional choice is an answer ("—", or what it means: "semua orang"); a
    required one asks to be chosen. An optional field saying "— pilih —" beside one saying "—"
    (the meeting form's partner and cooperation) read as if one of them had to be filled."""
    fields = dict(declared_single_choices())
    assert len(fields) > 20
    with translation.override("id"):
        wrong = {
            where: str(field.empty_label)
            for where, field in fields.items()
            if field.empty_label is not None
            and (str(field.empty_label) == "— pilih —") == (not field.required)
        }
    assert wrong == {}
