"""A partner missing from the list is recorded from the new cooperation's form without leaving
it: through the partners' service (with its audit row), in the officer's own tenant, the new
partner chosen beside the ones already ticked; bad input answers in Indonesian beside the
partner's fields, and the cooperation's form is not touched."""

import re

import pytest
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation
from mitra.partners.models import Partner
from tests.procedure import partner_for

pytestmark = pytest.mark.django_db

NEW = reverse("cooperations:create")
NEW_PARTNER = reverse("cooperations:new_partner")
HTMX = {"HTTP_HX_REQUEST": "true"}


def gothenburg(**changes):
    return {
        "partner-kind": Partner.Kind.FOREIGN_CITY_OR_REGION,
        "partner-name": "Kota Gothenburg",
        "partner-country": "SE",
        "partner-region": "",
    } | changes


def ticked(html: str) -> set[int]:
    """The partners ticked in the partners' list of an answer."""
    boxes = re.findall(r'<input type="checkbox" name="partners" value="(\d+)"[^>]*>', html)
    checked = re.findall(r'<input type="checkbox" name="partners" value="(\d+)"[^>]*checked', html)
    assert boxes, "the answer holds the partners' list"
    return {int(pk) for pk in checked}


def test_the_new_cooperation_page_offers_a_partner_form_of_its_own(
    tenant, cooperation_officer, client_as
):
    page = client_as(cooperation_officer).get(NEW).content.decode()
    assert '<form id="new-partner-form"' in page
    assert 'name="partner-name"' in page and 'form="new-partner-form"' in page
    assert "Mitra belum ada dalam daftar? Catat di sini" in page


def test_a_partner_recorded_in_place_is_written_audited_and_chosen(
    tenant, cooperation_officer, client_as
):
    already = partner_for(tenant, Cooperation.Kind.FOREIGN_REGION)
    response = client_as(cooperation_officer).post(
        NEW_PARTNER, gothenburg(partners=[already.pk]), **HTMX
    )
    assert response.status_code == 200
    partner = Partner.objects.get(name="Kota Gothenburg")
    assert (partner.tenant, partner.kind, partner.country_id) == (
        tenant,
        Partner.Kind.FOREIGN_CITY_OR_REGION,
        "SE",
    )
    audit = AuditEntry.objects.get(record=f"partners.partner:{partner.pk}")
    assert (audit.action, audit.user, audit.tenant) == ("create", cooperation_officer, tenant)
    html = response.content.decode()
    assert ticked(html) == {already.pk, partner.pk}
    assert 'id="partners-field" hx-swap-oob="true"' in html
    assert "Kota Gothenburg telah dicatat dan dipilih sebagai mitra." in html
    assert response["HX-Trigger-After-Settle"] == "partner-recorded"


def test_bad_input_is_answered_in_indonesian_beside_the_partner_s_fields(
    tenant, cooperation_officer, client_as
):
    response = client_as(cooperation_officer).post(
        NEW_PARTNER, gothenburg(**{"partner-country": ""}), **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200  # htmx swaps it in
    assert "Mitra luar negeri harus memiliki negara." in html
    assert list(response.context["partner_form"].errors) == ["country"]
    assert 'value="Kota Gothenburg"' in html  # what was typed stays
    assert "<details" in html and " open>" in html
    assert 'hx-swap-oob="true"' not in html  # the cooperation's form is left alone
    assert not Partner.objects.filter(name="Kota Gothenburg").exists()


def test_a_partner_already_recorded_is_refused_by_name(tenant, cooperation_officer, client_as):
    partner_for(tenant, Cooperation.Kind.FOREIGN_REGION)
    Partner.objects.filter(tenant=tenant).update(name="Kota Gothenburg")
    html = client_as(cooperation_officer).post(NEW_PARTNER, gothenburg(), **HTMX)
    assert "Sudah ada mitra bernama Kota Gothenburg." in html.content.decode()
    assert Partner.objects.filter(tenant=tenant, name="Kota Gothenburg").count() == 1


def test_without_htmx_the_form_opens_again_with_the_partner_chosen(
    tenant, cooperation_officer, client_as
):
    response = client_as(cooperation_officer).post(NEW_PARTNER, gothenburg())
    partner = Partner.objects.get(name="Kota Gothenburg")
    assert response.status_code == 302
    assert response["Location"] == f"{NEW}?partner={partner.pk}"


def test_without_htmx_bad_input_gets_a_page_with_the_errors(tenant, cooperation_officer, client_as):
    response = client_as(cooperation_officer).post(NEW_PARTNER, gothenburg(**{"partner-name": ""}))
    assert response.status_code == 200
    assert "Bidang ini tidak boleh kosong." in response.content.decode()


def test_a_reader_may_not_record_a_partner(tenant, leadership, client_as):
    response = client_as(leadership).post(NEW_PARTNER, gothenburg(), **HTMX)
    assert response.status_code == 403
    assert not Partner.objects.exists()


def test_the_outsider_records_only_in_their_own_tenant_and_ticks_none_of_ours(
    tenant, other_tenant, outsider, client_as
):
    ours = partner_for(tenant, Cooperation.Kind.FOREIGN_REGION)
    response = client_as(outsider).post(NEW_PARTNER, gothenburg(partners=[ours.pk]), **HTMX)
    theirs = Partner.objects.get(name="Kota Gothenburg")
    assert theirs.tenant == other_tenant
    html = response.content.decode()
    assert ticked(html) == {theirs.pk}
    assert ours.name not in html
