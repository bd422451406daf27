"""A row's check reports every problem of the row at once, one per wrong cell, whatever else is
wrong in it: a register is corrected in one pass, not one problem per upload (issue 14).

`BAD_VALUES` holds a wrong value for every column the check reads; a column added to the
register's layout without one fails `test_every_column_of_the_register_has_a_wrong_value_here`.
"""

import pytest
from django.urls import reverse

from mitra.imports.columns import COLUMNS, IGNORED
from mitra.imports.models import ImportRun
from mitra.imports.services import check_upload

LONG = "x" * 300

# A wrong value for every column the check reads, in a row whose kind is unknown too.
BAD_VALUES: dict[str, str] = {
    "title": LONG,
    "kind": "KSDX",
    "sub_form": "Bentuk entah",
    "route": "Jalur entah",
    "partner": LONG,
    "partner_kind": "Mitra entah",
    "country": "Narnia",
    "state": "Tahap entah",
    "sectors": "Perbintangan",
    "initiating_agency": "Dinas Entah",
    "implementing_agencies": "Dinas Entah Lain",
    "owner": "Pak Budi",
    "document_kind": "Dokumen entah",
    "document_title": LONG,
    "numbers": "1/A; 2/B; 3/C; 4/D",
    "number_first": LONG,
    "number_second": LONG,
    "number_third": LONG,
    "place_signed": LONG,
    "date_signed": "31/02/2021",
    "valid_from": "30/02/2021",
    "valid_until": "32/01/2022",
    "term": "lama sekali",
}
# Free text: nothing in it can be wrong.
FREE_TEXT = frozenset({"summary", "remarks", IGNORED})


def check(tenant, by, name, content):
    return check_upload(tenant, by=by, file_name=name, content=content)


def problem_headers(run, row=2):
    return [p["header"] for p in run.report["problems"] if p["row"] == row]


def test_every_column_of_the_register_has_a_wrong_value_here():
    assert {c.field for c in COLUMNS} == set(BAD_VALUES) | FREE_TEXT


def test_a_row_wrong_in_every_column_gets_a_problem_in_every_column(
    xlsx, tenant, cooperation_officer
):
    columns = [c for c in COLUMNS if c.field in BAD_VALUES]
    path = xlsx([[c.header for c in columns], [BAD_VALUES[c.field] for c in columns]])

    run = check(tenant, cooperation_officer, path.name, path.read_bytes())

    assert set(problem_headers(run)) == {c.header for c in columns}
    assert run.report["rows"][0]["outcome"] == "error"


def test_a_row_of_a_known_kind_wrong_in_three_columns_gets_three_problems(
    xlsx, tenant, cooperation_officer, english
):
    path = xlsx(
        [
            ["Judul", "Jenis", "Mitra", "Negara", "Tahapan", "Tanggal Penandatanganan"],
            ["Kota kembar", "KSDPL", "Gothenburg", "Narnia", "Tahap entah", "31/02/2021"],
        ]
    )
    run = check(tenant, cooperation_officer, path.name, path.read_bytes())
    assert sorted(problem_headers(run)) == ["Negara", "Tahapan", "Tanggal Penandatanganan"]


def test_a_csv_row_with_an_unknown_kind_still_gets_its_other_problems(
    tenant, cooperation_officer, english
):
    text = (
        "Judul Kerja Sama;Jenis Kerja Sama;Nama Mitra;Negara;Tanggal Penandatanganan\n"
        "Kota kembar;KSDX;Gothenburg;Narnia;31/02/2021\n"
    )
    run = check(tenant, cooperation_officer, "register.csv", text.encode("utf-8-sig"))
    assert sorted(problem_headers(run)) == [
        "Jenis Kerja Sama",
        "Negara",
        "Tanggal Penandatanganan",
    ]


def test_a_rows_problems_are_listed_in_the_order_of_its_columns(xlsx, tenant, cooperation_officer):
    """Each row lists its problems left to right, as the sheet is read and corrected, wherever
    the check found them (it reads the partner after the stage)."""
    columns = [c for c in COLUMNS if c.field in BAD_VALUES]
    path = xlsx([[c.header for c in columns], [BAD_VALUES[c.field] for c in columns]])
    run = check(tenant, cooperation_officer, path.name, path.read_bytes())
    letters = [p["column"] for p in run.report["rows"][0]["problems"]]
    assert len(letters) > 10
    assert letters == sorted(letters, key=lambda letter: (len(letter), letter))


def test_a_problem_found_twice_in_a_cell_is_listed_once(xlsx, tenant, cooperation_officer):
    # Without a kind, the country is read to imply one and again for the partner.
    path = xlsx([["Judul", "Mitra", "Negara"], ["Kota kembar", "Gothenburg", "Narnia"]])
    run = check(tenant, cooperation_officer, path.name, path.read_bytes())
    assert problem_headers(run) == ["Negara"]


def test_a_number_is_checked_against_the_parties_the_row_names(
    xlsx, tenant, cooperation_officer, english
):
    # The kind is unknown, so no partner is resolved; the row still names one, whose number
    # this is.
    path = xlsx(
        [
            ["Judul", "Jenis", "Mitra", "Negara", "Nomor"],
            ["Kota kembar", "KSDX", "Gothenburg", "Swedia", "1/KS/2021; 2/GB/2021"],
        ]
    )
    run = check(tenant, cooperation_officer, path.name, path.read_bytes())
    assert problem_headers(run) == ["Jenis"]


@pytest.mark.parametrize("name", ["register.xlsx", "register.csv"])
def test_the_dry_run_page_lists_every_problem_of_the_row(
    client_as, cooperation_officer, xlsx, tmp_path, name
):
    rows = [
        ["Judul Kerja Sama", "Jenis Kerja Sama", "Nama Mitra", "Negara", "Sektor"],
        ["Kota kembar", "KSDX", "Gothenburg", "Narnia", "Perbintangan"],
    ]
    if name.endswith(".xlsx"):
        path = xlsx(rows, name=name)
    else:
        path = tmp_path / name
        path.write_text("\n".join(";".join(row) for row in rows), encoding="utf-8")
    client = client_as(cooperation_officer)
    with path.open("rb") as file:
        client.post(reverse("imports:index"), {"file": file})
    run = ImportRun.objects.get()

    page = client.get(run.get_absolute_url()).content.decode()

    assert run.error_count == 3
    for text in ("KSDX", "Narnia", "Perbintangan"):
        assert page.count(text) >= 2  # in the row's cell and in the table of errors


def test_an_outsider_cannot_see_the_problems_of_another_governments_import(
    client_as, cooperation_officer, outsider, xlsx
):
    path = xlsx([["Judul", "Jenis", "Mitra"], ["Kota kembar", "KSDX", "Gothenburg"]])
    with path.open("rb") as file:
        client_as(cooperation_officer).post(reverse("imports:index"), {"file": file})
    run = ImportRun.objects.get()
    assert client_as(outsider).get(run.get_absolute_url()).status_code == 404


def test_a_term_beside_a_valid_until_date_is_read_but_not_counted(
    xlsx, tenant, cooperation_officer
):
    # Registers often fill both; the term needs no start when the end is written out.
    path = xlsx(
        [
            ["Judul", "Jenis", "Mitra", "Negara", "Berlaku Sampai", "Jangka Waktu"],
            ["Kota kembar", "KSDPL", "Gothenburg", "Swedia", "31/12/2027", "5 tahun"],
            ["Kota kembar lain", "KSDPL", "Incheon", "Korea Selatan", "31/12/2027", "lama"],
        ]
    )
    run = check(tenant, cooperation_officer, path.name, path.read_bytes())
    assert run.report["rows"][0]["document"]["valid_until"] == "2027-12-31"
    assert problem_headers(run, row=2) == []
    assert problem_headers(run, row=3) == ["Jangka Waktu"]
