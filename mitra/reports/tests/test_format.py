"""Numbers and a document's term in the user's language."""

from datetime import date

from django.utils import translation

from mitra.reports.queries import DocumentRow
from mitra.reports.templatetags.reports_format import number, validity


def document(**fields):
    values = {
        "id": 1,
        "kind": "mou",
        "kind_label": "MoU",
        "title": "MoU",
        "numbers": [],
        "date_signed": None,
        "valid_from": None,
        "valid_until": None,
        "until_terminated": False,
    }
    return DocumentRow(**(values | fields))


def test_numbers_follow_the_language():
    with translation.override("id"):
        assert number(1234.5) == "1.234,5"
    with translation.override("en"):
        assert number(1234.5) == "1,234.5"
    assert number(None) == ""


def test_a_documents_term_shows_its_dates_or_that_it_runs_until_terminated(english):
    term = document(valid_from=date(2024, 1, 20), valid_until=date(2029, 1, 19))
    assert validity(term) == "Jan 20, 2024 – Jan 19, 2029"
    assert validity(document(valid_from=date(2024, 1, 20), until_terminated=True)) == (
        "from Jan 20, 2024 until terminated"
    )
    assert validity(document(valid_until=date(2029, 1, 19))) == "… – Jan 19, 2029"
    assert validity(document()) == ""
