"""Every form's field labels start with a capital letter, in Indonesian as in English.

Django's model forms capitalise a model's lowercase `verbose_name`; a form that sets its labels
by hand from those lowercase names ("jenis kepegawaian", "bahasa", "tingkat" on the staff
profile) read unlike every other form. This walks every form class of Mitra's `forms` modules.
"""

import importlib
import inspect
import pkgutil
from collections.abc import Iterator

from django import forms
from django.utils import translation

import mitra


def form_classes() -> Iterator[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(mitra.__path__, "mitra."):
        if module.name.rsplit(".", 1)[-1] != "forms":
            continue
        loaded = importlib.import_module(module.name)
        for _name, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == loaded.__name__:
                yield cls


def test_the_forms_are_found():
    names = {cls.__name__ for cls in form_classes()}
    assert {"ProfileForm", "LanguageForm", "DocumentForm", "EventForm"} <= names


def test_every_label_starts_with_a_capital_letter():
    lowercase = []
    for language in ("id", "en"):
        with translation.override(language):
            for cls in form_classes():
                for name, field in cls.base_fields.items():
                    label = str(field.label or "")
                    if label[:1].isalpha() and label[:1].islower():
                        lowercase.append(f"{cls.__module__}.{cls.__name__}.{name}: {label!r}")
    assert lowercase == []
