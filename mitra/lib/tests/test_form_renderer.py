"""Forms render through Jinja2 (Django's own copies of its form templates) with the markup the
Django templates give, every widget of every model field of Mitra's apps and every widget Django
has; templates only the Django templates have (the admin's widgets) still render."""

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.contrib.admin.widgets import AdminDateWidget, AdminRadioSelect
from django.forms.renderers import DjangoTemplates, get_default_renderer

from mitra.lib.forms import BLANK_CHOICE_LABEL, FormRenderer

pytestmark = pytest.mark.django_db


# The same character escaped two ways: MarkupSafe (Jinja2) writes &#39; and &#34; where Django
# writes &#x27; and &quot;.
SAME_ESCAPES = {"&#39;": "&#x27;", "&#34;": "&quot;"}


def same_markup(html: str) -> str:
    """Markup with runs of white space made one, none left between tags, one escape for each
    character."""
    for theirs, ours in SAME_ESCAPES.items():
        html = html.replace(theirs, ours)
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


def model_form_fields() -> Iterator[tuple[str, forms.Field]]:
    for model in apps.get_models():
        if not model.__module__.startswith("mitra."):
            continue
        for field in model._meta.get_fields():
            formfield = getattr(field, "formfield", None)
            if formfield is None or not getattr(field, "editable", False):
                continue
            built = formfield()
            if isinstance(built, forms.ModelChoiceField):  # the gazetteer's thousands: a few do
                built.queryset = built.queryset.all()[:25]
            if built is not None:
                yield f"{model._meta.label}.{field.name}", built


CHOICES = [("a", "Satu"), ("b", "Dua <b>")]
WIDGETS = [
    forms.TextInput(),
    forms.NumberInput(),
    forms.EmailInput(),
    forms.URLInput(),
    forms.PasswordInput(),
    forms.HiddenInput(),
    forms.DateInput(attrs={"type": "date"}),
    forms.Textarea(),
    forms.CheckboxInput(),
    forms.Select(choices=CHOICES),
    forms.SelectMultiple(choices=CHOICES),
    forms.RadioSelect(choices=CHOICES),
    forms.CheckboxSelectMultiple(choices=CHOICES),
    forms.ClearableFileInput(),
    forms.SelectDateWidget(),
]
VALUES: tuple[object, ...] = (None, "a", ["a", "b"], date(2026, 12, 7), "<script>")
# Widgets that take values of their own.
OWN_VALUES: list[tuple[forms.Widget, tuple[object, ...]]] = [
    (forms.SplitDateTimeWidget(), (None, datetime(2026, 12, 7, 9, 30, tzinfo=UTC))),
    (forms.NullBooleanSelect(), (None, True, False, "unknown", "<script>")),
]


def test_the_site_renders_forms_with_mitras_renderer():
    assert isinstance(get_default_renderer(), FormRenderer)


def test_every_model_fields_widget_renders_as_the_django_templates_render_it():
    fields = list(model_form_fields())
    assert len(fields) > 100
    seen = set()
    for label, field in fields:
        widget = field.widget
        choices = [str(label) for _value, label in getattr(widget, "choices", ())]
        shape = (type(widget), repr(sorted(widget.attrs.items())), tuple(choices))
        if shape in seen:
            continue  # a widget of the same class, attributes and choices was compared
        seen.add(shape)
        attrs = {"id": "id_x", "required": True}
        ours = widget.render("x", None, attrs=attrs, renderer=FormRenderer())
        theirs = widget.render("x", None, attrs=attrs, renderer=DjangoTemplates())
        assert same_markup(ours) == same_markup(theirs), label
    assert len(seen) > 50


@pytest.mark.parametrize(
    ("widget", "values"),
    [(widget, VALUES) for widget in WIDGETS] + OWN_VALUES,
    ids=lambda case: type(case).__name__,
)
def test_every_django_widget_renders_as_the_django_templates_render_it(widget, values):
    for value in values:
        ours = widget.render("x", value, attrs={"id": "id_x"}, renderer=FormRenderer())
        theirs = widget.render("x", value, attrs={"id": "id_x"}, renderer=DjangoTemplates())
        assert same_markup(ours) == same_markup(theirs)
        assert "<script>" not in ours  # escaped either way


def test_a_form_and_its_errors_render_as_the_django_templates_render_them():
    class Form(forms.Form):
        name = forms.CharField(label="Nama", help_text="Nama lengkap")
        day = forms.DateField(label="Tanggal")

    bound = Form({"name": "", "day": "bukan tanggal"})
    ours = Form({"name": "", "day": "bukan tanggal"}, renderer=FormRenderer())
    theirs = Form({"name": "", "day": "bukan tanggal"}, renderer=DjangoTemplates())
    assert not bound.is_valid()
    assert same_markup(str(ours)) == same_markup(str(theirs))
    assert same_markup(str(ours["day"].errors)) == same_markup(str(theirs["day"].errors))


@pytest.mark.parametrize("widget", [AdminDateWidget(), AdminRadioSelect(choices=CHOICES)])
def test_the_admins_own_widget_templates_still_render(widget):
    html = widget.render("x", "a", attrs={"id": "id_x"}, renderer=FormRenderer())
    assert html == widget.render("x", "a", attrs={"id": "id_x"}, renderer=DjangoTemplates())


class JinjaOnly(FormRenderer):
    """Mitra's renderer without the select written in Python: every template through Jinja2."""

    def get_template(self, template_name: str) -> Any:
        return self.jinja2.get_template(template_name)


class MarkedOption(forms.Select):
    option_template_name = "django/forms/widgets/input_option.html"


GROUPED = [("", "— semua —"), ("Satu & dua", [("a", "Satu"), ("b", "Dua <b>")]), ("c", "Tiga")]
SELECTS = [
    forms.Select(choices=CHOICES),
    forms.Select(choices=GROUPED, attrs={"hx-get": "/x?a=1&b='2'", "disabled": True}),
    forms.Select(choices=[("", BLANK_CHOICE_LABEL), ("x", 'Kutip "ganda"')]),
    forms.SelectMultiple(choices=GROUPED, attrs={"autofocus": False}),
    forms.NullBooleanSelect(),
    MarkedOption(choices=CHOICES),
]


@pytest.mark.parametrize("widget", SELECTS, ids=lambda widget: type(widget).__name__)
def test_a_select_renders_as_jinja2_renders_django_s_template_to_the_character(widget):
    many = [] if isinstance(widget, forms.NullBooleanSelect) else [["a", "c"]]
    for value in [None, "a", "", "<script>", True, *many]:
        for attrs in ({"id": "id_x"}, {"id": "id_x", "required": True, "class": 'a"b'}):
            ours = widget.render("x<y", value, attrs=attrs, renderer=FormRenderer())
            jinja = widget.render("x<y", value, attrs=attrs, renderer=JinjaOnly())
            assert ours == jinja


def test_the_select_written_in_python_is_the_one_that_renders():
    """The comparison above compares something: Mitra's renderer answers the select's template
    with its own."""
    assert type(FormRenderer().get_template("django/forms/widgets/select.html")).__name__ == (
        "SelectTemplate"
    )
