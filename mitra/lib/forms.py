"""Small helpers for Django forms, shared by every app."""

from typing import Any, cast

from django import forms


def set_choices(form: forms.BaseForm, name: str, choices: list[tuple[str, Any]]) -> None:
    """Give a form's choice field its choices at run time (they depend on the tenant)."""
    cast(forms.ChoiceField, form.fields[name]).choices = choices
