"""Adding documents with their signing parties, uploading files and downloading them."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Document, DocumentParty
from tests.factories import make_cooperation, make_document

pytestmark = pytest.mark.django_db


def small_pdf() -> bytes:
    """A real one-page PDF with a correct cross-reference table (about 600 bytes)."""
    text = b"BT /F1 18 Tf 72 760 Td (Letter of intent) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def add_url(coop):
    return reverse("cooperations:add_document", args=[coop.pk])


def document_data(**overrides):
    data = {
        "kind": "letter_of_intent",
        "title": "LoI Makassar–Incheon",
        "place_signed": "Pantai Losari",
        "date_signed": "2024-09-12",
        "valid_from": "2024-09-12",
        "until_terminated": "on",
        "parties-TOTAL_FORMS": "3",
        "parties-INITIAL_FORMS": "3",
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "3",
        "parties-0-role": "first",
        "parties-0-name": "Pemerintah Kota Makassar",
        "parties-0-number": "415/01/KS/IX/2024",
        "parties-0-signatory_name": "Mohammad Ramdhan Pomanto",
        "parties-0-signatory_position": "Wali Kota",
        "parties-1-role": "second",
        "parties-1-name": "Incheon Metropolitan City",
        "parties-1-number": "IC-2024-118",
        "parties-2-role": "third",
    }
    data.update(overrides)
    return data


@pytest.fixture
def coop(tenant):
    return make_cooperation(tenant, title="Makassar–Incheon")


def test_the_form_offers_three_signing_parties(client_as, cooperation_officer, coop):
    response = client_as(cooperation_officer).get(add_url(coop))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="parties-2-number"' in html
    assert 'name="parties-3-number"' not in html
    assert 'for="id_parties-0-number"' in html  # every input has a label


def test_a_document_with_a_real_pdf_and_two_numbers_is_added(client_as, cooperation_officer, coop):
    upload = SimpleUploadedFile("loi.pdf", small_pdf(), content_type="application/pdf")
    response = client_as(cooperation_officer).post(add_url(coop), document_data(file=upload))
    assert response.status_code == 302
    assert response.url == f"{coop.get_absolute_url()}#documents"
    document = Document.objects.get(cooperation=coop)
    assert document.until_terminated and document.valid_until is None
    assert document.date_signed == date(2024, 9, 12)
    assert document.file.read().startswith(b"%PDF-1.4")
    parties = {p.role: p.number for p in document.parties.all()}
    assert parties == {"first": "415/01/KS/IX/2024", "second": "IC-2024-118"}
    assert AuditEntry.objects.filter(record=f"cooperations.document:{document.pk}").exists()


def test_a_document_without_a_file_is_fine(client_as, cooperation_officer, coop):
    response = client_as(cooperation_officer).post(add_url(coop), document_data())
    assert response.status_code == 302
    assert not Document.objects.get(cooperation=coop).file


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("setup.exe", b"MZ\x90\x00\x03", "application/x-msdownload"),
        ("setup.exe.pdf", b"MZ\x90\x00\x03", "application/pdf"),  # a program renamed
        ("loi.pdf", b"%PDF-1.4 ...", "text/html"),  # a type that does not match
        ("notes.txt", b"plain text", "text/plain"),
    ],
)
def test_a_file_that_is_not_an_allowed_type_is_refused(
    client_as, cooperation_officer, coop, name, content, content_type
):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    response = client_as(cooperation_officer).post(add_url(coop), document_data(file=upload))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Document.objects.exists()
    assert not DocumentParty.objects.exists()
    assert 'value="LoI Makassar–Incheon"' in response.content.decode()  # input kept


def test_an_exe_is_refused_with_a_clear_message(client_as, cooperation_officer, coop):
    upload = SimpleUploadedFile("setup.exe", b"MZ\x90\x00", content_type="application/x-msdownload")
    response = client_as(cooperation_officer).post(add_url(coop), document_data(file=upload))
    assert "Hanya berkas PDF, DOCX, ODT, JPG dan PNG" in response.content.decode()


@override_settings(MITRA_UPLOAD_MAX_BYTES=1024)
def test_an_oversized_file_is_refused_with_its_size_and_the_limit(
    client_as, cooperation_officer, coop
):
    big = small_pdf() + b"%" * 2048
    upload = SimpleUploadedFile("big.pdf", big, content_type="application/pdf")
    response = client_as(cooperation_officer).post(add_url(coop), document_data(file=upload))
    assert response.status_code == 200
    error = response.context["form"].errors["file"][0]
    assert "1,0" in error or "1.0" in error  # the limit, 1 KB
    assert not Document.objects.exists()


def test_the_same_role_twice_is_refused(client_as, cooperation_officer, coop):
    data = document_data(**{"parties-1-role": "first"})
    response = client_as(cooperation_officer).post(add_url(coop), data)
    assert response.status_code == 200
    assert response.context["parties"].non_form_errors()
    assert not Document.objects.exists()


def test_a_party_without_a_role_is_shown_next_to_the_role(client_as, cooperation_officer, coop):
    data = document_data(**{"parties-1-role": ""})
    response = client_as(cooperation_officer).post(add_url(coop), data)
    assert response.context["parties"].forms[1].errors["role"]
    assert not Document.objects.exists()


def test_an_end_date_with_until_terminated_is_refused(client_as, cooperation_officer, coop):
    response = client_as(cooperation_officer).post(
        add_url(coop), document_data(valid_until="2029-09-12")
    )
    assert response.context["form"].errors["valid_until"]
    assert not Document.objects.exists()


def test_the_parent_must_be_a_document_of_the_same_cooperation(
    client_as, cooperation_officer, coop, tenant
):
    elsewhere = make_document(make_cooperation(tenant))
    response = client_as(cooperation_officer).post(
        add_url(coop), document_data(parent=elsewhere.pk)
    )
    assert response.context["form"].errors["parent"]
    assert not Document.objects.filter(cooperation=coop).exists()


def test_a_read_only_role_gets_403_on_adding(client_as, team_reviewer, coop):
    assert client_as(team_reviewer).get(add_url(coop)).status_code == 403


def test_the_file_downloads_for_the_tenant(client_as, team_reviewer, coop):
    upload = SimpleUploadedFile("loi.pdf", small_pdf(), content_type="application/pdf")
    document = make_document(coop, file=upload)
    response = client_as(team_reviewer).get(
        reverse("cooperations:download_document", args=[document.pk])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_document_without_a_file_has_nothing_to_download(client_as, team_reviewer, coop):
    document = make_document(coop)
    response = client_as(team_reviewer).get(
        reverse("cooperations:download_document", args=[document.pk])
    )
    assert response.status_code == 404


def test_outsider_gets_404_on_download_and_on_adding(client_as, outsider, coop):
    upload = SimpleUploadedFile("loi.pdf", small_pdf(), content_type="application/pdf")
    document = make_document(coop, file=upload)
    client = client_as(outsider)
    assert (
        client.get(reverse("cooperations:download_document", args=[document.pk])).status_code == 404
    )
    assert client.get(add_url(coop)).status_code == 404
    assert client.post(add_url(coop), document_data()).status_code == 404
    assert Document.objects.count() == 1
