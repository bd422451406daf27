"""Small helpers for Django forms, shared by every app."""

from typing import Any, cast

from django import forms
from django.db.models import fields
from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.utils.translation import gettext, gettext_lazy
from markupsafe import escape

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


# Fields where a person picks from a list: left empty, the message says what to pick.
CHOICE_FIELDS = (forms.ChoiceField, forms.ModelChoiceField)
DJANGO_REQUIRED = forms.Field.default_error_messages["required"]


def name_required_choices() -> None:
    """Make a required choice left empty say which choice is missing (called once, at start-up).

    Django's message, "This field is required." ("Bidang ini tidak boleh kosong."), names no field
    and speaks of typing, where a person has to pick; on a long form the person hunts for the
    field. Every form's `full_clean` first gives each required choice field still carrying
    Django's message one naming its label (as the form instance has it, so a label a form sets in
    its `__init__` is the one named); a field with a message of its own keeps it.
    """
    full_clean = forms.BaseForm.full_clean

    def full_clean_naming_choices(form: forms.BaseForm) -> None:
        for field in form.fields.values():
            if (
                isinstance(field, CHOICE_FIELDS)
                and field.error_messages["required"] is DJANGO_REQUIRED
            ):
                field.error_messages["required"] = choose_message(field.label)
        full_clean(form)

    forms.BaseForm.full_clean = full_clean_naming_choices  # type: ignore[method-assign,assignment]


def choose_message(label: object) -> str:
    """ "Choose the partner kind." for the label "Partner kind"."""
    text = str(label or "").strip().rstrip(":")
    if not text:
        return gettext("Choose one.")
    # "OPD pemrakarsa" keeps its capitals; "Jenis mitra" reads "jenis mitra" inside the sentence.
    if not text[1:2].isupper():
        text = text[0].lower() + text[1:]
    return gettext("Choose %(field)s.") % {"field": text}


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
        if template_name == SELECT:
            return SelectTemplate(self.jinja2)
        if template_name.startswith("django/forms/"):
            return self.jinja2.get_template(template_name)
        return self.django.get_template(template_name)


SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def _attrs(attrs: dict[str, Any]) -> str:
    """Django's `attrs.html`: a True attribute by its name alone, a False one left out."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class SelectTemplate:
    """Django's Jinja2 `select.html` and `select_option.html` written in Python, to the
    character (`test_form_renderer.py` compares them). A select of the cooperation list's
    filters has 215 options; through the templates, each one an include and an attributes
    loop, they were a fifth of the list page's time. An option with a template of its own
    still renders through it."""

    def __init__(self, jinja2: Jinja2) -> None:
        self.jinja2 = jinja2

    def render(self, context: dict[str, Any], request: Any = None) -> str:
        widget = context["widget"]
        parts = [f'<select name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{escape(group_name)}">')
            for option in options:
                parts.append("\n  " + self._option(option, context, request))
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return "".join(parts)

    def _option(self, option: dict[str, Any], context: dict[str, Any], request: Any) -> str:
        if option["template_name"] != OPTION:
            template = self.jinja2.get_template(option["template_name"])
            return str(template.render({**context, "widget": option}, request=request))
        value, label = escape(option["value"]), escape(option["label"])
        return f'<option value="{value}"{_attrs(option["attrs"])}>{label}</option>'
