"""Small helpers for Django forms, shared by every app."""

from typing import Any, cast

from django import forms
from django.db.models import fields
from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
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


class FormRenderer(BaseRenderer):
    """Django's own form and widget templates through Jinja2, every other through the Django
    templates (the setting `FORM_RENDERER`).

    Django ships each of its form templates (`django/forms/...`) for both engines, with the same
    markup. A select of 150 countries renders each option through a template: through Jinja2 it
    takes a third of the time, and forms are a fifth of a page's rendering. The admin's own widget
    templates (`admin/widgets/...`) exist only for the Django templates and stay there."""

    def __init__(self) -> None:
        self.jinja2 = Jinja2()
        self.django = DjangoTemplates()

    def get_template(self, template_name: str) -> Any:
        if template_name.startswith("django/forms/"):
            return self.jinja2.get_template(template_name)
        return self.django.get_template(template_name)
