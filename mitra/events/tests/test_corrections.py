"""A signing on an event's agenda can be corrected, or voided with a reason the trail keeps."""

import pytest
from django.urls import reverse

from mitra.events.models import PlannedSigning
from mitra.events.services import update_signing, void_signing
from mitra.events.tests.helpers import LOI, make_event, plan, sister_city_at_loi
from mitra.lib.refusal import Refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def signing(tenant):
    return plan(make_event(tenant), sister_city_at_loi(tenant, title="Makassar–Göteborg"), LOI)


def test_a_signing_is_corrected_on_its_page(signing, cooperation_officer, client_as):
    url = reverse("events:edit_signing", args=[signing.pk])
    client = client_as(cooperation_officer)
    assert client.get(url).status_code == 200
    data = {"document_kind": LOI, "order": "5", "note": "Ditandatangani wali kota."}
    assert client.post(url, data).status_code == 302
    signing.refresh_from_db()
    assert (signing.order, signing.note) == (5, "Ditandatangani wali kota.")


def test_a_signing_moved_on_the_agenda_takes_that_place_and_the_others_close_up(
    tenant, cooperation_officer, client_as
):
    event = make_event(tenant)
    first, second, third = (
        plan(event, sister_city_at_loi(tenant, country=country, title=title), LOI)
        for country, title in [("SE", "Göteborg"), ("KR", "Incheon"), ("ZA", "Cape Town")]
    )
    update_signing(first, by=cooperation_officer, order=2, note="Naskah dari Bagian Hukum.")
    agenda = list(event.signings.order_by("order", "pk"))
    assert agenda == [second, first, third]
    assert [row.order for row in agenda] == [1, 2, 3]
    page = client_as(cooperation_officer).get(event.get_absolute_url()).content.decode()
    assert page.index("Incheon") < page.index("Göteborg") < page.index("Cape Town")
    assert "Naskah dari Bagian Hukum." in page


def test_a_signing_cannot_change_to_a_document_its_cooperation_cannot_sign(
    signing, cooperation_officer
):
    with pytest.raises(Refused):
        update_signing(signing, by=cooperation_officer, document_kind="implementing_agreement")
    signing.refresh_from_db()
    assert signing.document_kind == LOI


def test_a_voided_signing_leaves_the_agenda_and_the_event_keeps_it_with_the_reason(
    signing, cooperation_officer, client_as
):
    client = client_as(cooperation_officer)
    url = reverse("events:void_signing", args=[signing.pk])
    assert client.post(url, {"reason": " "}).status_code == 200
    assert client.post(url, {"reason": "Salah acara."}).status_code == 302
    assert not PlannedSigning.objects.filter(pk=signing.pk).exists()
    page = client.get(signing.event.get_absolute_url()).content.decode()
    assert "Salah acara." in page and "<s>" in page
    assert f'id="signing-{signing.pk}"' not in page
    with pytest.raises(Refused):
        void_signing(signing, by=cooperation_officer, reason="Lagi.")


@pytest.mark.parametrize("name", ["events:edit_signing", "events:void_signing"])
def test_an_outsider_gets_404_and_a_reader_403(name, signing, outsider, leadership, client_as):
    url = reverse(name, args=[signing.pk])
    assert client_as(outsider).get(url).status_code == 404
    assert client_as(outsider).post(url, {"reason": "Bukan milik Anda."}).status_code == 404
    assert client_as(leadership).get(url).status_code == 403
