"""A cooperation plan states its intended outputs before signing (200 Little Bandung outlets);
once an agreement is signed they are carried into its plan of action as items with targets."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import record_past_state
from mitra.implementation import services
from mitra.implementation.models import IntendedOutput, PlanItem
from mitra.lib.refusal import Refused
from tests.factories import make_cooperation, make_document

pytestmark = pytest.mark.django_db

S = Cooperation.State


@pytest.fixture
def mara(tenant):
    coop = make_cooperation(tenant, title="Little Bandung di Malaysia")
    record_past_state(coop, S.COOPERATION_PLAN, by=None, note="test setup")
    return coop


def outlets(coop, by=None):
    return services.add_intended_output(
        coop, by=by, description="Gerai Little Bandung", target_quantity=Decimal(200), unit="gerai"
    )


def test_the_cooperation_plan_records_an_intended_output_with_an_audit_row(
    mara, cooperation_officer
):
    found = outlets(mara, by=cooperation_officer)
    assert (found.target_quantity, found.unit, found.plan_item) == (Decimal(200), "gerai", None)
    entry = AuditEntry.objects.get(record=f"implementation.intendedoutput:{found.pk}")
    assert entry.parent == f"cooperations.cooperation:{mara.pk}"


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"description": " "}, "Say what output is intended."),
        ({"target_quantity": Decimal(200), "unit": ""}, "Give the target's unit"),
        ({"unit": "gerai"}, "Give the target quantity"),
        ({"target_quantity": Decimal(-1), "unit": "gerai"}, "cannot be negative"),
    ],
)
def test_an_intended_output_says_what_and_how_much_in_which_unit(mara, english, fields, problem):
    with pytest.raises(Refused, match=problem):
        services.add_intended_output(mara, by=None, **{"description": "Gerai", **fields})
    assert not IntendedOutput.objects.exists()


@pytest.mark.parametrize("state", [S.IMPLEMENTATION, S.WITHDRAWN])
def test_after_signing_or_ending_outputs_go_in_the_plan_of_action_instead(mara, english, state):
    record_past_state(mara, state, by=None, note="test setup")
    with pytest.raises(Refused, match="past its plan"):
        outlets(mara)


def signed_mou(coop):
    return make_document(
        coop,
        kind=Document.Kind.MOU,
        title="MoU Little Bandung",
        date_signed=date(2026, 3, 1),
        valid_from=date(2026, 3, 1),
        valid_until=date(2029, 2, 28),
    )


def test_signing_carries_the_intended_outputs_into_the_plan_of_action_once(mara):
    intended = outlets(mara)
    mou = signed_mou(mara)
    (item,) = services.carry_intended_outputs(mou, by=None)
    assert (item.document, item.activity, item.target_quantity, item.unit) == (
        mou,
        "Gerai Little Bandung",
        Decimal(200),
        "gerai",
    )
    assert (item.start_date, item.end_date) == (date(2026, 3, 1), date(2029, 2, 28))
    intended.refresh_from_db()
    assert intended.plan_item == item
    with pytest.raises(Refused):
        services.carry_intended_outputs(mou, by=None)
    assert PlanItem.objects.count() == 1


def test_an_unsigned_agreement_takes_no_plan_and_nothing_is_carried(mara):
    outlets(mara)
    draft = make_document(mara, kind=Document.Kind.MOU, title="Draft MoU")
    with pytest.raises(Refused):
        services.carry_intended_outputs(draft, by=None)
    assert not PlanItem.objects.exists()
    assert IntendedOutput.objects.get().plan_item is None


def test_the_office_adds_an_intended_output_through_its_page_and_sees_it(
    client_as, mara, cooperation_officer
):
    client = client_as(cooperation_officer)
    url = reverse("implementation:add_intended_output", args=[mara.pk])
    data = {"description": "Gerai Little Bandung", "target_quantity": "200", "unit": "gerai"}
    assert client.post(url, data).status_code == 302
    panel = reverse("implementation:panel", args=[mara.pk])
    assert f'hx-get="{panel}"' in client.get(mara.get_absolute_url()).content.decode()
    html = client.get(panel, headers={"HX-Request": "true"}).content.decode()
    assert "Gerai Little Bandung" in html and "200 gerai" in html


def test_bad_input_is_explained_in_indonesian_and_kept(client_as, mara, cooperation_officer):
    url = reverse("implementation:add_intended_output", args=[mara.pk])
    response = client_as(cooperation_officer).post(url, {"description": "Gerai", "unit": "gerai"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Isi jumlah target untuk satuan ini." in html
    assert 'value="Gerai"' in html
    assert not IntendedOutput.objects.exists()


def test_the_office_carries_the_outputs_through_the_plan_page(client_as, mara, cooperation_officer):
    outlets(mara)
    mou = signed_mou(mara)
    client = client_as(cooperation_officer)
    page = client.get(reverse("implementation:cooperation", args=[mara.pk])).content.decode()
    carry = reverse("implementation:carry_intended_outputs", args=[mara.pk])
    assert carry in page
    assert client.post(carry, {"document": mou.pk}).status_code == 302
    assert PlanItem.objects.get().target_quantity == Decimal(200)


def test_read_only_roles_get_403_and_an_outsider_404(client_as, mara, leadership, outsider):
    outlets(mara)
    signed_mou(mara)
    add = reverse("implementation:add_intended_output", args=[mara.pk])
    carry = reverse("implementation:carry_intended_outputs", args=[mara.pk])
    data = {"description": "Gerai", "target_quantity": "1", "unit": "gerai"}
    assert client_as(leadership).post(add, data).status_code == 403
    assert client_as(outsider).post(add, data).status_code == 404
    assert client_as(outsider).get(add).status_code == 404
    assert client_as(outsider).post(carry, {}).status_code == 404
    assert IntendedOutput.objects.count() == 1 and not PlanItem.objects.exists()


def test_the_outsiders_agreement_cannot_receive_this_tenants_outputs(
    client_as, mara, other_tenant, outsider, cooperation_officer
):
    outlets(mara)
    signed_mou(mara)
    theirs = signed_mou(make_cooperation(other_tenant))
    carry = reverse("implementation:carry_intended_outputs", args=[mara.pk])
    client_as(cooperation_officer).post(carry, {"document": theirs.pk})
    assert not PlanItem.objects.exists()
