"""Plan-of-action items: on signed agreements only, within the tenant, through form and service."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Document
from mitra.cooperations.services import create_agency
from mitra.implementation import services
from mitra.implementation.models import PlanItem
from mitra.implementation.tests.conftest import english_client, plan_item, signed_cooperation
from mitra.lib.refusal import Refused
from tests.factories import make_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def form_data(document, **overrides):
    data = {
        "document": document.pk,
        "activity": "Gerai Little Bandung di Malaysia",
        "target_quantity": "200",
        "unit": "gerai",
        "start_date": "2025-01-01",
        "end_date": "2026-12-31",
        "status": "planned",
        "recurrence": "none",
        "generates": "task",
    }
    data.update(overrides)
    return data


def test_an_item_is_added_to_a_signed_mou_with_an_audit_row(signed, agency):
    coop, mou = signed
    item = plan_item(mou, agency=agency)
    second = plan_item(mou, activity="Kurasi produk UMKM")
    assert (item.cooperation, item.tenant, item.position, second.position) == (
        coop,
        coop.tenant,
        1,
        2,
    )
    entry = AuditEntry.objects.get(
        model_label="implementation.planitem", record__endswith=f":{item.pk}"
    )
    assert entry.parent == f"cooperations.cooperation:{coop.pk}"


def test_a_plan_needs_a_signed_agreement(signed):
    coop, _mou = signed
    unsigned = make_document(coop, kind=Document.Kind.MOU, title="Draft MoU")
    loi = make_document(coop, kind=Document.Kind.LETTER_OF_INTENT, date_signed=date(2024, 1, 1))
    for document in (unsigned, loi):
        with pytest.raises(Refused):
            plan_item(document)
    assert not PlanItem.objects.exists()


def test_an_agency_of_another_tenant_is_refused(signed, other_tenant):
    _coop, mou = signed
    foreign = create_agency(other_tenant, by=None, name="Dinas Pariwisata")
    with pytest.raises(Refused, match="another regional government"):
        plan_item(mou, agency=foreign)


def test_updating_rechecks_the_rules_and_keeps_the_cooperation(signed, tenant):
    _coop, mou = signed
    item = plan_item(mou)
    with pytest.raises(Refused):
        services.update_plan_item(item, by=None, end_date=date(2024, 1, 1))
    _other, other_mou = signed_cooperation(tenant)
    with pytest.raises(Refused):
        services.update_plan_item(item, by=None, document=other_mou)
    services.update_plan_item(item, by=None, target_quantity=Decimal(150), status="in_progress")
    item.refresh_from_db()
    assert (item.target_quantity, item.status) == (Decimal(150), "in_progress")


def test_an_officer_adds_an_item_through_the_form(client_as, cooperation_officer, signed, agency):
    coop, mou = signed
    url = reverse("implementation:add_item", args=[coop.pk])
    page = client_as(cooperation_officer).get(url, {"document": mou.pk})
    assert page.status_code == 200
    assert page.context["form"].initial["end_date"] == mou.valid_until
    assert client_as(cooperation_officer).get(url, {"document": "x1"}).status_code == 200
    response = client_as(cooperation_officer).post(url, form_data(mou, agency=agency.pk))
    item = PlanItem.objects.get()
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    assert (item.agency, item.target_quantity) == (agency, Decimal(200))


@pytest.mark.parametrize(
    ("field", "value", "error_field"),
    [
        ("end_date", "2024-01-01", "end_date"),
        ("unit", "", "unit"),
        ("target_quantity", "banyak", "target_quantity"),
        ("target_quantity", "-5", "target_quantity"),
        ("start_date", "31/02/2025", "start_date"),
        ("milestone_date", "2030-01-01", "milestone_date"),
        ("recurrence", "weekly", "recurrence"),
        ("activity", "", "activity"),
    ],
)
def test_bad_input_gets_field_errors_and_keeps_what_was_typed(
    client_as, cooperation_officer, signed, field, value, error_field
):
    coop, mou = signed
    url = reverse("implementation:add_item", args=[coop.pk])
    response = client_as(cooperation_officer).post(url, form_data(mou, **{field: value}))
    assert response.status_code == 200
    form = response.context["form"]
    assert error_field in form.errors
    assert form.data["activity"] == form_data(mou, **{field: value})["activity"]
    assert not PlanItem.objects.exists()


def test_a_document_of_another_cooperation_is_not_offered(client_as, cooperation_officer, tenant):
    coop, _mou = signed_cooperation(tenant)
    _other, other_mou = signed_cooperation(tenant)
    url = reverse("implementation:add_item", args=[coop.pk])
    response = client_as(cooperation_officer).post(url, form_data(other_mou))
    assert "document" in response.context["form"].errors


def test_a_cooperation_without_signed_agreement_explains_instead_of_a_form(
    client_as, cooperation_officer, tenant
):
    coop, mou = signed_cooperation(tenant)
    mou.delete()
    response = english_client(client_as(cooperation_officer)).get(
        reverse("implementation:add_item", args=[coop.pk])
    )
    assert b"signed MoU, KB, PKS or renewal" in response.content


def test_an_officer_edits_an_item(client_as, cooperation_officer, signed):
    _coop, mou = signed
    item = plan_item(mou)
    url = reverse("implementation:edit_item", args=[item.pk])
    response = client_as(cooperation_officer).post(url, form_data(mou, status="cancelled"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "cancelled"


def test_readers_see_the_plan_but_may_not_change_it(client_as, leadership, team_reviewer, signed):
    coop, mou = signed
    item = plan_item(mou)
    for reader in (leadership, team_reviewer):
        client = client_as(reader)
        assert client.get(reverse("implementation:cooperation", args=[coop.pk])).status_code == 200
        assert client.get(item.get_absolute_url()).status_code == 200
        assert client.get(reverse("implementation:add_item", args=[coop.pk])).status_code == 403
        edit = client.post(reverse("implementation:edit_item", args=[item.pk]), form_data(mou))
        assert edit.status_code == 403


def test_an_outsider_gets_404_for_every_plan_page(client_as, outsider, signed):
    coop, mou = signed
    item = plan_item(mou)
    client = client_as(outsider)
    for url in (
        reverse("implementation:cooperation", args=[coop.pk]),
        reverse("implementation:add_item", args=[coop.pk]),
        item.get_absolute_url(),
        reverse("implementation:edit_item", args=[item.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(reverse("implementation:edit_item", args=[item.pk]), form_data(mou)).status_code
        == 404
    )


def test_the_plan_page_shows_promised_against_done(client_as, leadership, signed):
    coop, mou = signed
    item = plan_item(mou)
    services.record_progress(item, by=None, date=date(2025, 6, 1), value=Decimal(57))
    response = client_as(leadership).get(reverse("implementation:cooperation", args=[coop.pk]))
    assert response.status_code == 200
    ((document, progresses),) = response.context["documents"]
    assert document == mou
    assert progresses[0].achieved == Decimal(57)
    assert "Gerai Little Bandung" in response.content.decode()
