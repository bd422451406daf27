"""Every filter form of the pages says the same word on its button (issue 14).

The office's task list said "Saring" where every other list said "Terapkan". A filter form is a
GET form of a page (the report's period form asks for a report, not a filter); its submit button
is `{% translate "Apply" %}` and it offers `{% translate "Clear" %}` beside it.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("mitra/*/templates/**/*.html")])
GET_FORM = re.compile(r"<form\b[^>]*\bmethod=\"get\"[^>]*>(.*?)</form>", re.DOTALL)
SUBMIT = re.compile(r"<button\b[^>]*type=\"submit\"[^>]*>(.*?)</button>", re.DOTALL)
NOT_FILTERS = {"mitra/reports/templates/reports/index.html": "asks for a report of a period"}
APPLY = '{% translate "Apply" %}'
CLEAR = '{% translate "Clear" %}'


def filter_forms() -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(ROOT)), form)
        for path in TEMPLATES
        if str(path.relative_to(ROOT)) not in NOT_FILTERS
        for form in GET_FORM.findall(path.read_text())
    ]


def test_the_filter_forms_are_found():
    assert len(filter_forms()) >= 6


def test_every_filter_form_applies_and_clears_with_the_same_words():
    different = [
        (where, SUBMIT.findall(form))
        for where, form in filter_forms()
        if [label.strip() for label in SUBMIT.findall(form)] != [APPLY] or CLEAR not in form
    ]
    assert different == []
