"""Documents can be put right: corrected through the audited service, or voided with a reason."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import (
    attach_document,
    next_steps,
    record_past_state,
    update_document,
    void_document,
)
from mitra.lib.formatting import medium_date
from mitra.lib.refusal import Refused
from mitra.lib.tests import samples
from tests.factories import make_cooperation, make_document

pytestmark = pytest.mark.django_db

LOI = Document.Kind.LETTER_OF_INTENT


@pytest.fixture
def at_loi(tenant):
    coop = make_cooperation(tenant, title="Sister city Makassar–Incheon")
    record_past_state(coop, Cooperation.State.LETTER_OF_INTENT, by=None, note="LoI sebelum Mitra")
    return coop


def _form(document, **changes):
    data = {
        "kind": document.kind,
        "title": document.title,
        "parties-TOTAL_FORMS": "3",
        "parties-INITIAL_FORMS": "0",
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "3",
        "parties-0-role": "first",
        "parties-0-name": "Pemerintah Kota Makassar",
        "parties-0-number": "415.4/12/KS",
        "parties-1-role": "second",
        "parties-1-name": "Incheon Metropolitan City",
        "parties-1-number": "IC-2024-07",
        "parties-2-role": "third",
    }
    return data | changes


def _sign_loi_problems(coop, user):
    return next(s.problems for s in next_steps(coop, user) if s.action == "sign_loi")


def test_an_loi_saved_without_its_date_is_corrected_and_no_longer_blocks_the_step(
    at_loi, cooperation_officer, client_as
):
    loi = make_document(at_loi, kind=LOI, title="Surat pernyataan kehendak Incheon")
    assert _sign_loi_problems(at_loi, cooperation_officer)
    url = reverse("cooperations:edit_document", args=[loi.pk])
    client = client_as(cooperation_officer)
    assert client.get(url).status_code == 200
    response = client.post(url, _form(loi, date_signed="2024-09-12", place_signed="Incheon"))
    assert response.status_code == 302
    loi.refresh_from_db()
    assert (loi.date_signed, loi.place_signed) == (date(2024, 9, 12), "Incheon")
    assert sorted(p.number for p in loi.parties.all()) == ["415.4/12/KS", "IC-2024-07"]
    assert _sign_loi_problems(at_loi, cooperation_officer) == []
    assert Document.objects.filter(cooperation=at_loi).count() == 1  # no duplicate needed


def test_the_correction_is_in_the_history_with_before_and_after(
    at_loi, cooperation_officer, client_as
):
    loi = make_document(at_loi, kind=LOI, title="Surat pernyataan kehendak Incheon")
    client = client_as(cooperation_officer)
    client.post(
        reverse("cooperations:edit_document", args=[loi.pk]), _form(loi, date_signed="2024-09-12")
    )
    entry = AuditEntry.objects.filter(record=f"cooperations.document:{loi.pk}").first()
    assert entry.action == AuditEntry.Action.UPDATE
    assert entry.changes["date_signed"] == [None, "2024-09-12"]
    page = client.get(at_loi.get_absolute_url()).content.decode()
    assert medium_date(date(2024, 9, 12)) in page  # the history's date, as lists show one


def test_a_file_is_attached_afterwards_and_a_disguised_one_is_refused_in_indonesian(
    at_loi, cooperation_officer, client_as
):
    loi = make_document(at_loi, kind=LOI, title="Surat pernyataan kehendak Incheon")
    url = reverse("cooperations:edit_document", args=[loi.pk])
    client = client_as(cooperation_officer)
    bad = SimpleUploadedFile("loi.pdf", samples.DISGUISED_HTML)
    refused = client.post(url, _form(loi, file=bad))
    assert refused.status_code == 200 and "halaman web" in refused.content.decode()
    loi.refresh_from_db()
    assert not loi.file
    good = SimpleUploadedFile("loi.pdf", samples.pdf())
    assert client.post(url, _form(loi, file=good)).status_code == 302
    loi.refresh_from_db()
    assert loi.file.name.endswith(".pdf")


@pytest.mark.parametrize("title", ["x", "--", "?!", "12", " ab "])
def test_a_title_that_says_nothing_is_refused(at_loi, title):
    with pytest.raises(Refused) as refused:
        attach_document(at_loi, by=None, kind=LOI, title=title)
    assert "judul" in refused.value.problems[0]
    assert not Document.objects.filter(cooperation=at_loi).exists()


def test_a_correction_to_a_meaningless_title_is_refused_on_the_page_and_keeps_the_input(
    at_loi, cooperation_officer, client_as
):
    loi = make_document(at_loi, kind=LOI, title="Surat pernyataan kehendak Incheon")
    url = reverse("cooperations:edit_document", args=[loi.pk])
    response = client_as(cooperation_officer).post(url, _form(loi, title="x", place_signed="Seoul"))
    assert response.status_code == 200
    assert "sekurang-kurangnya 3 huruf" in response.content.decode()
    assert 'value="Seoul"' in response.content.decode()
    loi.refresh_from_db()
    assert loi.title == "Surat pernyataan kehendak Incheon"


def test_a_voided_loi_stays_in_the_trail_but_no_longer_satisfies_the_step(
    at_loi, cooperation_officer, client_as
):
    loi = make_document(
        at_loi, kind=LOI, title="LoI Incheon (salah)", date_signed=date(2024, 9, 12)
    )
    make_document(at_loi, kind=Document.Kind.LETTER_OF_INTENT, title="LoI kedua")
    assert not [p for p in _sign_loi_problems(at_loi, cooperation_officer) if "tanggal" in p]
    client = client_as(cooperation_officer)
    url = reverse("cooperations:void_document", args=[loi.pk])
    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 200 and "alasan" in refused.content.decode()
    assert client.post(url, {"reason": "Salah unggah: ini LoI kerja sama lain."}).status_code == 302
    assert _sign_loi_problems(at_loi, cooperation_officer)  # the dated LoI no longer counts
    assert list(Document.objects.filter(cooperation=at_loi)) == [
        Document.objects.get(title="LoI kedua")
    ]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.VOID)
    assert entry.changes["void_reason"] == [
        "",
        "Salah unggah: ini LoI kerja sama lain.",
    ]
    page = client.get(at_loi.get_absolute_url()).content.decode()
    assert "<s>" in page and "Salah unggah: ini LoI kerja sama lain." in page
    assert "dibatalkan" in page


def test_a_voided_document_is_left_out_of_the_api_list_and_cannot_be_corrected(
    at_loi, cooperation_officer, client_as
):
    loi = make_document(at_loi, kind=LOI, title="LoI Incheon (salah)")
    void_document(loi, by=cooperation_officer, reason="Salah unggah.")
    listed = client_as(cooperation_officer).get(f"/api/v1/cooperations/{at_loi.pk}/documents")
    assert listed.json()["items"] == []
    with pytest.raises(Refused):
        update_document(loi, by=cooperation_officer, place_signed="Seoul")
    with pytest.raises(Refused):
        void_document(loi, by=cooperation_officer, reason="Lagi.")
    edit = reverse("cooperations:edit_document", args=[loi.pk])
    assert client_as(cooperation_officer).get(edit).status_code == 404


@pytest.mark.parametrize("name", ["cooperations:edit_document", "cooperations:void_document"])
def test_an_outsider_gets_404_and_a_reader_403(name, at_loi, outsider, leadership, client_as):
    loi = make_document(at_loi, kind=LOI, title="Surat pernyataan kehendak Incheon")
    url = reverse(name, args=[loi.pk])
    assert client_as(outsider).get(url).status_code == 404
    assert client_as(outsider).post(url, {"reason": "x y z"}).status_code == 404
    assert client_as(leadership).get(url).status_code == 403
    loi.refresh_from_db()
    assert not loi.voided
