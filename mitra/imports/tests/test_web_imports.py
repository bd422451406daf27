"""The import pages: upload, dry run, commit, template, and who may use them."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mitra.cooperations.models import Cooperation, CooperationEvent
from mitra.imports.models import ImportRun
from mitra.imports.template import TEMPLATE_FIELDS, value_lists
from mitra.partners.models import Partner

from .conftest import FILES

INDEX = reverse("imports:index")
TEMPLATE = reverse("imports:template")
ROWS = [
    ["  judul KERJA sama ", "JENIS kerja sama", "nama   mitra", "Negara ", "STATUS"],
    ["Kota Kembar Makassar–Gothenburg", "KSDPL", "Gothenburg", "Swedia", "Penjajakan"],
]


def upload(client, path):
    with path.open("rb") as file:
        return client.post(INDEX, {"file": file})


@pytest.fixture
def officer_client(client_as, cooperation_officer):
    return client_as(cooperation_officer)


def test_an_officer_uploads_a_register_and_sees_the_dry_run(officer_client, xlsx, tenant):
    response = upload(officer_client, xlsx(ROWS))
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == run.get_absolute_url()
    assert run.tenant == tenant
    page = officer_client.get(run.get_absolute_url())
    assert page.status_code == 200
    assert "Kota Kembar Makassar–Gothenburg" in page.content.decode()
    assert reverse("imports:commit", args=[run.pk]) in page.content.decode()
    assert not Cooperation.objects.exists()


def test_the_dry_run_page_lists_every_error_with_row_and_column(officer_client, xlsx, english):
    path = xlsx([*ROWS, ["Negara salah", "KSDPL", "Atlantis", "Narnia", ""]])
    upload(officer_client, path)
    run = ImportRun.objects.get()
    html = officer_client.get(run.get_absolute_url()).content.decode()
    assert "D (Negara)" in html
    assert "Narnia" in html
    assert reverse("imports:commit", args=[run.pk]) not in html


def test_committing_from_the_page_imports_and_shows_what_was_created(
    officer_client, xlsx, cooperation_officer
):
    upload(officer_client, xlsx(ROWS))
    run = ImportRun.objects.get()
    response = officer_client.post(reverse("imports:commit", args=[run.pk]))
    assert response.status_code == 302
    coop = Cooperation.objects.get()
    assert coop.state == Cooperation.State.EXPLORATION
    event = CooperationEvent.objects.get(cooperation=coop, action="import")
    assert event.by == cooperation_officer
    page = officer_client.get(run.get_absolute_url()).content.decode()
    assert coop.get_absolute_url() in page
    # A second click imports nothing more.
    officer_client.post(reverse("imports:commit", args=[run.pk]))
    assert Cooperation.objects.count() == 1


def test_a_semicolon_csv_with_a_bom_imports_through_the_pages(officer_client):
    upload(officer_client, FILES / "register_semicolon_bom.csv")
    run = ImportRun.objects.get()
    assert run.error_count == 0, run.report["problems"]
    officer_client.post(reverse("imports:commit", args=[run.pk]))
    titles = set(Cooperation.objects.values_list("title", flat=True))
    assert titles == {
        "Kerja Sama Kota Kembar Makassar–Göteborg",
        "Pembangunan Kota Cerdas; Makassar–Solo",
    }
    assert set(Partner.objects.values_list("name", flat=True)) == {"Gothenburg", "Kota Surakarta"}


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("foto.png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("laporan.pdf", b"%PDF-1.7 not a register"),
        ("register.xlsx", b"PK\x03\x04 broken"),
        ("register.csv", b"hanya teks biasa tanpa tabel"),
        ("register.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64)),
    ],
)
def test_a_file_that_is_no_register_gets_a_field_error_not_a_500(
    officer_client, tmp_path, name, content
):
    path = tmp_path / name
    path.write_bytes(content)
    response = upload(officer_client, path)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not ImportRun.objects.exists()


def test_an_upload_without_a_file_asks_for_one(officer_client):
    response = officer_client.post(INDEX, {})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_the_template_downloads_and_imports_cleanly_once_filled(officer_client, tenant, tmp_path):
    response = officer_client.get(TEMPLATE)
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    register = workbook.worksheets[0]
    assert len(workbook.worksheets) == 3  # register, instructions, values
    headers = [cell.value for cell in register[1]]
    assert headers[:5] == [
        "Judul Kerja Sama",
        "Jenis Kerja Sama",
        "Bentuk Kerja Sama",
        "Jalur KSDLL",
        "Nama Mitra",
    ]
    values: dict[str, str | None] = dict.fromkeys(TEMPLATE_FIELDS)
    values |= {
        "title": "Kota Kembar Makassar–Gothenburg",
        "kind": "KSDPL",
        "sub_form": "kota kembar",
        "partner": "Gothenburg",
        "country": "Swedia",
        "state": "pelaksanaan",
        "sectors": "pariwisata",
        "document_kind": "memorandum saling pengertian (MoU)",
        "number_first": "180/12/KS/2024",
        "number_second": "GBG-2024-07",
        "date_signed": "14/09/2024",
        "valid_until": "5 tahun",
    }
    register.append([values[name] for name in TEMPLATE_FIELDS])
    path = tmp_path / "terisi.xlsx"
    workbook.save(path)

    upload(officer_client, path)
    run = ImportRun.objects.get()
    assert run.error_count == 0, run.report["problems"]
    officer_client.post(reverse("imports:commit", args=[run.pk]))
    coop = Cooperation.objects.get()
    assert (coop.kind, coop.sub_form, coop.state) == (
        "foreign_region",
        "sister_city",
        "implementation",
    )
    assert coop.documents.get().parties.count() == 2


def test_every_value_the_template_lists_is_understood(tenant):
    from mitra.imports import vocabulary
    from mitra.partners.lookup import find_country

    lists = dict(value_lists(tenant))
    read = {
        "Jenis Kerja Sama": vocabulary.kinds(),
        "Bentuk Kerja Sama": vocabulary.sub_forms(),
        "Jalur KSDLL": vocabulary.routes(),
        "Jenis Mitra": vocabulary.partner_kinds(),
        "Tahapan": vocabulary.states(),
        "Jenis Dokumen": vocabulary.document_kinds(),
        "Sektor": vocabulary.sectors(),
    }
    for header, words in read.items():
        for value, _note in lists[header]:
            assert len(words.candidates(value)) == 1, (header, value)
    unknown = [name for name, _note in lists["Negara"] if find_country(name) is None]
    assert unknown == []


def test_a_reader_cannot_import(client_as, leadership, team_reviewer, xlsx):
    for reader in (leadership, team_reviewer):
        client = client_as(reader)
        assert client.get(INDEX).status_code == 403
        assert client.get(TEMPLATE).status_code == 403
        assert upload(client, xlsx(ROWS)).status_code == 403
    assert not ImportRun.objects.exists()


def test_a_reader_cannot_see_or_commit_an_import(client_as, officer_client, leadership, xlsx):
    upload(officer_client, xlsx(ROWS))
    run = ImportRun.objects.get()
    client = client_as(leadership)
    assert client.get(run.get_absolute_url()).status_code == 403
    assert client.post(reverse("imports:commit", args=[run.pk])).status_code == 403
    assert not Cooperation.objects.exists()


def test_another_tenants_import_is_a_404(client_as, officer_client, outsider, xlsx):
    upload(officer_client, xlsx(ROWS))
    run = ImportRun.objects.get()
    client = client_as(outsider)
    assert client.get(run.get_absolute_url()).status_code == 404
    assert client.post(reverse("imports:commit", args=[run.pk])).status_code == 404
    assert not Cooperation.objects.exists()
    assert run.file_name not in client.get(INDEX).content.decode()


def test_the_outsiders_import_goes_into_the_outsiders_tenant(
    client_as, outsider, other_tenant, xlsx
):
    client = client_as(outsider)
    upload(client, xlsx(ROWS))
    run = ImportRun.objects.get()
    client.post(reverse("imports:commit", args=[run.pk]))
    assert run.tenant == other_tenant
    assert Cooperation.objects.get().tenant == other_tenant


def test_the_history_lists_the_tenants_imports(officer_client, xlsx):
    upload(officer_client, xlsx(ROWS, name="daftar-2023.xlsx"))
    assert "daftar-2023.xlsx" in officer_client.get(INDEX).content.decode()


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get(INDEX).status_code == 302
