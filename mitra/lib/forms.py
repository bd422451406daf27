"""Small helpers for Django forms, shared by every app."""

from typing import Any, cast

from django import forms
from django.db.models import fields
from django.utils.translation import gettext_lazy

# The empty choice of every select Django builds from a model field or a queryset (forms and the
# admin alike). Django's own "- Select an option -" (new in 6.1) has no Indonesian translation
# in Django's catalogue, so it showed in English in the Indonesian pages; Mitra's label is
# translated in Mitra's catalogue.
BLANK_CHOICE_LABEL = gettext_lazy("— choose —")


def use_translated_blank_choice() -> None:
    """Make Mitra's label the empty choice of every select (called once, at start-up).

    Django reads `fields.BLANK_CHOICE_LABEL` each time it builds a select, and documents
    overwriting it in an app's `ready()` as the way to change it.
    """
    fields.BLANK_CHOICE_LABEL = BLANK_CHOICE_LABEL


def set_choices(form: forms.BaseForm, name: str, choices: list[tuple[str, Any]]) -> None:
    """Give a form's choice field its choices at run time (they depend on the tenant)."""
    cast(forms.ChoiceField, form.fields[name]).choices = choices
