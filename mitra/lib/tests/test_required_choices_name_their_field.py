"""A required choice left empty says which choice is missing (issue 14).

Django's message, "Bidang ini tidak boleh kosong.", names no field: on the new-cooperation form
the person had to hunt for the select it was about. Every form class of Mitra's apps is found by
importing their modules; every required choice field it declares, left empty, must say
"Pilih <its label>." (a field with a message of its own keeps it).
"""

import copy
import importlib
import inspect
import pkgutil
from collections.abc import Iterator

import pytest
from django import forms
from django.utils import translation

import mitra
from mitra.lib.forms import CHOICE_FIELDS, DJANGO_REQUIRED, choose_message


def form_classes() -> Iterator[type[forms.BaseForm]]:
    seen: set[type[forms.BaseForm]] = set()
    for module_info in pkgutil.walk_packages(mitra.__path__, "mitra."):
        if ".tests" in module_info.name or ".migrations" in module_info.name:
            continue
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, forms.BaseForm)
                and cls.__module__ == module.__name__
                and cls not in seen
            ):
                seen.add(cls)
                yield cls


def required_choices() -> list[tuple[str, str]]:
    return [
        (f"{cls.__module__}.{cls.__qualname__}", name)
        for cls in form_classes()
        for name, field in cls.base_fields.items()
        if isinstance(field, CHOICE_FIELDS)
        and field.required
        and field.error_messages["required"] is DJANGO_REQUIRED
    ]


def _form_class(path: str) -> type[forms.BaseForm]:
    module, _dot, name = path.rpartition(".")
    cls = getattr(importlib.import_module(module), name)
    assert isinstance(cls, type)
    return cls


def test_the_walk_finds_the_required_choices_of_the_forms():
    found = required_choices()
    assert len(found) >= 10
    assert ("mitra.cooperations.forms.CooperationForm", "kind") in found


@pytest.mark.django_db
@pytest.mark.parametrize(("form", "name"), required_choices())
def test_a_required_choice_left_empty_names_its_field(form, name):
    field = _form_class(form).base_fields[name]
    bare = forms.Form(data={})
    bare.fields = {name: copy.deepcopy(field)}
    with translation.override("id"):
        assert not bare.is_valid()
        [message] = bare.errors[name]
        assert message == choose_message(field.label)
        assert message.startswith("Pilih ") and message != "Bidang ini tidak boleh kosong."


def test_the_message_reads_as_a_sentence():
    with translation.override("id"):
        assert choose_message("Jenis kerja sama") == "Pilih jenis kerja sama."
        assert choose_message("OPD pemrakarsa") == "Pilih OPD pemrakarsa."
    with translation.override("en"):
        assert choose_message("Partner kind") == "Choose partner kind."
