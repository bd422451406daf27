"""Numbers, a document's term and the PDF register's entries in the user's language."""

from datetime import date

from django.utils import translation

from mitra.reports.queries import DocumentRow, PartyNumber, RegisterRow
from mitra.reports.templatetags.reports_format import (
    number,
    register_details,
    register_key,
    validity,
)


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


def entry(**fields):
    values = {
        "number": 1,
        "id": 1,
        "title": "Clean water with Kabupaten Asahan",
        "kind": "domestic_region",
        "kind_label": "KSDD",
        "kind_name": "KSDD: with another region",
        "sub_form_label": "",
        "partners": ["Pemerintah Kabupaten Asahan"],
        "countries": ["Indonesia"],
        "sectors": ["clean water"],
        "state": "implementation",
        "state_label": "implementation",
        "current_state": "implementation",
        "documents": [],
        "activity_count": 0,
        "last_contact": None,
    }
    return RegisterRow(**(values | fields))


MAKASSAR = "Pemerintah Kota Makassar"


def details(row):
    """The entry in Makassar's report, whose own numbers go unnamed."""
    return register_details(row, MAKASSAR)


KB = {"kind": "framework_agreement", "kind_label": "framework agreement (KB)"}


def test_a_register_entry_gives_each_agreement_by_its_abbreviation_with_each_partys_number(
    english,
):
    kb = document(
        **KB,
        title="KB on clean water",
        numbers=[
            PartyNumber("first", MAKASSAR, "KS/12/2024"),
            PartyNumber("second", "Pemerintah Kabupaten Asahan", ""),
        ],
        date_signed=date(2024, 10, 28),
        valid_from=date(2024, 11, 1),
        valid_until=date(2026, 10, 28),
    )
    text = details(entry(documents=[kb], activity_count=4, last_contact=date(2026, 8, 23)))
    assert text == (
        "KSDD\u00a0· implementation\u00a0· Partners: Pemerintah Kabupaten Asahan (Indonesia)\u00a0· clean water\u00a0· "
        "KB on clean water (No. KS/12/2024; Pemerintah Kabupaten Asahan: —; signed Oct 28, 2024; "
        "valid Nov 1, 2024 – Oct 28, 2026)\u00a0· 4 activities, the last on Aug 23, 2026"
    )


def test_a_documents_title_that_only_repeats_its_kind_and_the_cooperation_is_left_out(english):
    title = "Clean water with Kabupaten Asahan"
    repeating = document(**KB, title=f"Framework agreement (KB): {title}")
    saying_more = document(**KB, title="KB Makassar Asahan 2024")
    assert details(entry(title=title, documents=[repeating])).count("KB") == 1
    assert "KB Makassar Asahan 2024\u00a0· " in details(entry(documents=[saying_more]))


def test_an_agreement_in_force_from_its_signing_shows_only_when_it_ends(english):
    signed = {"date_signed": date(2024, 10, 28), "valid_from": date(2024, 10, 28)}
    fixed = document(**signed, valid_until=date(2026, 10, 28))
    open_ended = document(**signed, until_terminated=True)
    assert "(signed Oct 28, 2024; valid until Oct 28, 2026)" in details(entry(documents=[fixed]))
    assert "(signed Oct 28, 2024; valid until terminated)" in details(entry(documents=[open_ended]))


def test_the_registers_key_names_the_abbreviations_its_entries_use(english):
    rows = [entry(documents=[document(**KB)]), entry(kind_name="KSDPK: with a third party")]
    assert register_key(rows) == (
        "KSDD: with another region\u00a0· KSDPK: with a third party\u00a0· KB: framework agreement"
    )
