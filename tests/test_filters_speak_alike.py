"""Every filter form of the pages says the same word on its button and looks the same (issue 14).

The office's task list said "Saring" where every other list said "Terapkan". A filter form is a
GET form of a page (the report's period form asks for a report, not a filter); its submit button
is `{% translate "Apply" %}` and it offers `{% translate "Clear" %}` beside it.

The pipeline's and the report's filters looked unlike the lists' (a search box drawn as a form
field, a page's own class and stylesheet for the report's period). Every GET form of a page,
the report's included, is drawn by the shared `.filters` rules alone: its class is `filters` and
nothing else, every choice and input goes through `_field.html` except the search box, which
is the shared `filters__search` block, and no stylesheet but the site's restyles a filter form.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("mitra/*/templates/**/*.html")])
GET_FORM = re.compile(r"<form\b[^>]*\bmethod=\"get\"[^>]*>(.*?)</form>", re.DOTALL)
FORM_CLASS = re.compile(r"<form\b[^>]*\bclass=\"([^\"]*)\"")
SEARCH = re.compile(r"<input\b[^>]*\btype=\"search\"")
STYLESHEETS = sorted((ROOT / "static" / "css").glob("*.css"))
SITE_STYLESHEET = ROOT / "static" / "css" / "mitra.css"
SUBMIT = re.compile(r"<button\b[^>]*type=\"submit\"[^>]*>(.*?)</button>", re.DOTALL)
NOT_FILTERS = {"mitra/reports/templates/reports/index.html": "asks for a report of a period"}
APPLY = '{% translate "Apply" %}'
CLEAR = '{% translate "Clear" %}'


def filter_forms(*, reports: bool = False) -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(ROOT)), form.group(0))
        for path in TEMPLATES
        if reports or str(path.relative_to(ROOT)) not in NOT_FILTERS
        for form in GET_FORM.finditer(path.read_text())
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


def test_every_filter_form_has_the_shared_class_and_no_other():
    classes = {where: FORM_CLASS.findall(form) for where, form in filter_forms(reports=True)}
    assert {where: found for where, found in classes.items() if found != ["filters"]} == {}


def test_every_input_of_a_filter_form_is_drawn_by_the_shared_templates():
    """A select, a date or a choice through `_field.html`; a search box in `filters__search`."""
    odd = []
    for where, form in filter_forms(reports=True):
        if re.search(r"<(select|textarea)\b", form):
            odd.append(f"{where}: a select or text area written by hand")
        inputs = re.findall(r"<input\b[^>]*>", form)
        own = [i for i in inputs if 'type="hidden"' not in i and not SEARCH.match(i)]
        if own:
            odd.append(f"{where}: {own}")
        if SEARCH.search(form) and '<div class="filters__search">' not in form:
            odd.append(f"{where}: a search box outside the shared block")
        if "with field=form.q " in form or "with field=form.q %}" in form:
            odd.append(f"{where}: the search box drawn as a form field")
    assert odd == []


def test_no_page_stylesheet_restyles_a_filter_form():
    restyling = [
        path.name
        for path in STYLESHEETS
        if path != SITE_STYLESHEET and re.search(r"\.filters\b", path.read_text())
    ]
    assert restyling == []
    assert ".filters .field--group" in SITE_STYLESHEET.read_text()
