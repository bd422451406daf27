"""Every date picker of every form shows the date it starts from (issue 14).

A browser's `<input type="date">` reads only yyyy-mm-dd; a value in the user's format ("04-09-2026")
leaves the picker empty, as the signing form's date once was. Each form is built the way its
view builds it (`FORMS`, which a new form cannot miss), given an initial day, and rendered in
Indonesian.
"""

from datetime import date

import pytest
from django import forms
from django.utils import translation

from mitra.tenancy.tests.test_form_choice_scoping import FORMS

pytestmark = pytest.mark.django_db

DAY = date(2026, 9, 4)
DATED = [
    form_class
    for form_class in FORMS
    if any(isinstance(field, forms.DateField) for field in form_class.base_fields.values())
]


def test_the_enumeration_finds_the_forms_with_dates():
    names = {form_class.__name__ for form_class in DATED}
    assert {
        "RecordSigningForm",
        "EventForm",
        "ActivityForm",
        "ProgressForm",
        "EvaluationForm",
        "DocumentForm",
        "ConfirmForm",
        "PeriodForm",
    } <= names


@pytest.mark.parametrize("form_class", DATED, ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_every_date_input_shows_its_initial_day_as_yyyy_mm_dd(form_class, ours):
    with translation.override("id"):
        form = FORMS[form_class](ours, None)
        dated = [name for name, field in form.fields.items() if isinstance(field, forms.DateField)]
        for name in dated:
            form.initial[name] = DAY
            html = str(form[name])
            assert 'type="date"' in html, f"{form_class.__name__}.{name}"
            assert 'value="2026-09-04"' in html, f"{form_class.__name__}.{name}: {html}"
