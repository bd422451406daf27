"""Documents through the API: recorded as JSON, their files uploaded and downloaded for real."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter

from mitra.api.tests.conftest import API
from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Document
from tests.factories import make_cooperation, make_document


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "LoI Makassar–Incheon"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _upload(client, document, name, content, content_type="application/pdf"):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(f"{API}/documents/{document.pk}/file", {"file": upload})


def test_a_pdf_is_uploaded_stored_and_downloaded_unchanged(api_as, cooperation_officer, tenant):
    document = make_document(make_cooperation(tenant))
    client = api_as(cooperation_officer)
    content = _pdf()
    response = _upload(client, document, "loi.pdf", content)
    assert response.status_code == 200, response.content
    assert response.json()["has_file"] is True
    document.refresh_from_db()
    with document.file.open("rb") as stored:
        assert stored.read() == content
    assert AuditEntry.objects.filter(
        record=f"cooperations.document:{document.pk}", action="update"
    ).exists()
    download = client.get(f"{API}/documents/{document.pk}/file")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    body = b"".join(download.streaming_content)
    assert body == content
    assert PdfReader(io.BytesIO(body)).metadata.title == "LoI Makassar–Incheon"


def test_a_program_renamed_to_pdf_is_refused_and_nothing_stored(
    api_as, cooperation_officer, tenant
):
    document = make_document(make_cooperation(tenant))
    response = _upload(api_as(cooperation_officer), document, "loi.pdf", b"MZ\x90\x00program")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "file"]
    document.refresh_from_db()
    assert not document.file


def test_only_the_webs_file_types_are_taken(api_as, cooperation_officer, tenant):
    document = make_document(make_cooperation(tenant))
    response = _upload(
        api_as(cooperation_officer), document, "run.exe", b"MZ", "application/octet-stream"
    )
    assert response.status_code == 422
    document.refresh_from_db()
    assert not document.file


def test_a_file_over_the_limit_is_refused(api_as, cooperation_officer, tenant, settings):
    settings.MITRA_UPLOAD_MAX_BYTES = 100
    document = make_document(make_cooperation(tenant))
    response = _upload(api_as(cooperation_officer), document, "loi.pdf", _pdf())
    assert response.status_code == 422
    document.refresh_from_db()
    assert not document.file


def test_a_missing_file_field_is_422(api_as, cooperation_officer, tenant):
    document = make_document(make_cooperation(tenant))
    response = api_as(cooperation_officer).post(f"{API}/documents/{document.pk}/file", {})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "file"


def test_a_document_without_a_file_answers_404(api_as, cooperation_officer, tenant):
    document = make_document(make_cooperation(tenant))
    response = api_as(cooperation_officer).get(f"{API}/documents/{document.pk}/file")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["detail"]


def test_a_document_is_recorded_with_one_number_per_party(api_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant)
    data = {
        "kind": "mou",
        "title": "MoU",
        "valid_from": "2025-01-01",
        "valid_until": "2030-01-01",
        "parties": [
            {"role": "first", "name": "Kota Makassar", "number": "1/2025"},
            {"role": "second", "name": "Incheon", "number": "IC-1"},
        ],
    }
    response = api_as(cooperation_officer).post(
        f"{API}/cooperations/{coop.pk}/documents", data, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    document = Document.objects.get(pk=response.json()["id"])
    assert sorted(document.parties.values_list("number", flat=True)) == ["1/2025", "IC-1"]
    assert AuditEntry.objects.filter(record=f"cooperations.document:{document.pk}").exists()


def test_a_document_cannot_end_before_it_starts(api_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant)
    data = {"kind": "mou", "title": "MoU", "valid_from": "2025-01-01", "valid_until": "2024-01-01"}
    response = api_as(cooperation_officer).post(
        f"{API}/cooperations/{coop.pk}/documents", data, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "valid_until"]
    assert not Document.objects.exists()


def test_a_party_without_a_name_is_422_at_its_place(api_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant)
    data = {"kind": "mou", "title": "MoU", "parties": [{"role": "first", "name": "\x00"}]}
    response = api_as(cooperation_officer).post(
        f"{API}/cooperations/{coop.pk}/documents", data, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "parties", 0, "name"]
    assert not Document.objects.exists()


def test_the_same_party_twice_is_422_at_the_parties(api_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant)
    twice = [{"role": "first", "name": "Kota Makassar"}, {"role": "first", "name": "Incheon"}]
    data = {"kind": "mou", "title": "MoU", "parties": twice}
    response = api_as(cooperation_officer).post(
        f"{API}/cooperations/{coop.pk}/documents", data, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "parties"]
    assert not Document.objects.exists()
