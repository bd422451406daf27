"""Small helpers for Django forms, shared by every app."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy


def set_choices(form: forms.BaseForm, name: str, choices: list[tuple[str, Any]]) -> None:
    """Give a form's choice field its choices at run time (they depend on the tenant)."""
    cast(forms.ChoiceField, form.fields[name]).choices = choices


class ReasonForm(forms.Form):
    """The reason for voiding a record or for a move that asks first: required, kept in the
    history."""

    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required. It is kept in the history for whoever reads it later."),
        error_messages={"required": gettext_lazy("Give the reason; it is kept in the history.")},
    )
