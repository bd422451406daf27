"""Every move that cannot be undone, or that stops the work, asks first, wherever it is offered.

The moves are read from the workflow table (`Transition.asks_first`), so a new one is covered
without touching this file: no page or pipeline offers it as a one-click move, the service
refuses it without a reason, and with one it is applied and the reason is in the history.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

from mitra.api.services import create_token
from mitra.cooperations.models import Cooperation, CooperationEvent
from mitra.cooperations.services import apply_transition
from mitra.cooperations.workflow import DOMESTIC, OFFICE, TRANSITIONS, Transition
from mitra.lib.refusal import Refused
from mitra.pipeline.board import moves_for
from mitra.tenancy.models import Membership
from tests.procedure import cooperation_of_kind, kind_for, place_at, user_with

pytestmark = pytest.mark.django_db

ASKING_FIRST = [t for t in TRANSITIONS if t.asks_first]
REASON = "Mitra di Korea membatalkan rencana kunjungan kerja."


def _id(t: Transition) -> str:
    return f"{sorted(t.kinds)[0]}:{t.source}:{t.action}"


def _placed(tenant, t: Transition) -> Cooperation:
    coop = cooperation_of_kind(tenant, kind_for(t), budget=Cooperation.Budget.APBD)
    return place_at(coop, t, prior=Cooperation.State.PREPARATION)


def _actor(t: Transition, tenant):
    role = next((r for r in sorted(t.roles) if r in OFFICE), sorted(t.roles - {"system"})[0])
    return user_with(role, tenant)


def test_the_table_marks_withdrawing_terminating_refusals_and_dormancy():
    actions = {t.action for t in ASKING_FIRST}
    assert actions == {
        "withdraw",
        "record_rejection",
        "refuse_central",
        "terminate",
        "mark_dormant",
    }
    assert all(t.asks_first for t in TRANSITIONS if t.irreversible)
    assert not [t for t in ASKING_FIRST if not t.side]  # never the primary button


@pytest.mark.parametrize("t", ASKING_FIRST, ids=_id)
def test_the_page_and_the_pipeline_do_not_offer_it_as_one_click(t, tenant, client_as):
    coop = _placed(tenant, t)
    officer = user_with(Membership.Role.COOPERATION_OFFICER, tenant)
    page = client_as(officer).get(coop.get_absolute_url()).content.decode()
    assert f'name="action" value="{t.action}"' not in page
    confirm = reverse("cooperations:confirm_transition", args=[coop.pk, t.action])
    assert (confirm in page) == bool(t.roles & OFFICE)
    assert t not in moves_for(coop, frozenset(Membership.Role.values) | {"system"})
    board = "domestic" if t.kinds & DOMESTIC else "foreign"
    html = client_as(officer).get(reverse("pipeline:board"), {"board": board}).content.decode()
    assert f'<option value="{t.action}"' not in html


def test_a_role_that_only_reads_is_not_told_the_moves_open_a_confirmation_page(tenant, client_as):
    """The leader sees the moves that ask first as plain text; the hint that each opens a page
    is for the officer, whose moves are links."""
    t = next(t for t in ASKING_FIRST if t.action == "withdraw")
    coop = _placed(tenant, t)
    hint = gettext("Each opens a page that says what will happen and asks the reason.")
    officer = user_with(Membership.Role.COOPERATION_OFFICER, tenant)
    leader = user_with(Membership.Role.LEADERSHIP, tenant)
    assert hint in client_as(officer).get(coop.get_absolute_url()).content.decode()
    leaders_page = client_as(leader).get(coop.get_absolute_url()).content.decode()
    assert str(t.label) in leaders_page and hint not in leaders_page


@pytest.mark.parametrize("t", ASKING_FIRST, ids=_id)
def test_the_service_refuses_it_without_a_reason(t, tenant):
    coop = _placed(tenant, t)
    before = CooperationEvent.objects.filter(cooperation=coop).count()
    with pytest.raises(Refused) as refused:
        apply_transition(coop, t.action, by=_actor(t, tenant), note="  ")
    assert "alasan" in refused.value.problems[0]
    coop.refresh_from_db()
    assert coop.state == t.source
    assert CooperationEvent.objects.filter(cooperation=coop).count() == before


@pytest.mark.parametrize("t", ASKING_FIRST, ids=_id)
def test_with_a_reason_it_is_applied_and_the_reason_is_in_the_history(t, tenant, client_as):
    coop = _placed(tenant, t)
    if t.roles & OFFICE:
        officer = user_with(Membership.Role.COOPERATION_OFFICER, tenant)
        url = reverse("cooperations:confirm_transition", args=[coop.pk, t.action])
        data = {"action": t.action, "expected_state": t.source, "note": REASON}
        assert client_as(officer).post(url, data).status_code == 302
    else:
        apply_transition(coop, t.action, by=_actor(t, tenant), note=REASON)
    coop.refresh_from_db()
    assert coop.state == t.target
    assert CooperationEvent.objects.filter(cooperation=coop, action=t.action).get().note == REASON
    reader = user_with(Membership.Role.LEADERSHIP, tenant)
    assert REASON in client_as(reader).get(coop.get_absolute_url()).content.decode()


def test_the_confirmation_page_says_it_cannot_be_undone_and_keeps_nothing_without_a_reason(
    tenant, client_as
):
    t = next(t for t in ASKING_FIRST if t.action == "terminate")
    coop = _placed(tenant, t)
    client = client_as(user_with(Membership.Role.COOPERATION_OFFICER, tenant))
    url = reverse("cooperations:confirm_transition", args=[coop.pk, t.action])
    page = client.get(url).content.decode()
    assert "tidak dapat diurungkan" in page
    refused = client.post(url, {"action": t.action, "expected_state": t.source, "note": ""})
    assert refused.status_code == 200
    assert "alasan" in refused.content.decode()
    coop.refresh_from_db()
    assert coop.state == t.source


def test_a_dormant_cooperation_shows_how_it_is_revived(tenant, client_as):
    t = next(t for t in ASKING_FIRST if t.action == "mark_dormant")
    coop = _placed(tenant, t)
    officer = user_with(Membership.Role.COOPERATION_OFFICER, tenant)
    url = reverse("cooperations:confirm_transition", args=[coop.pk, t.action])
    assert "Aktifkan kembali kerja sama" in client_as(officer).get(url).content.decode()
    apply_transition(coop, t.action, by=officer, note=REASON)
    page = client_as(officer).get(coop.get_absolute_url()).content.decode()
    assert 'name="action" value="revive"' in page
    assert apply_transition(coop, "revive", by=officer).target == Cooperation.State.IMPLEMENTATION


def test_the_pipeline_refuses_a_posted_move_that_asks_first(tenant, client_as):
    t = next(t for t in ASKING_FIRST if t.action == "withdraw" and t.kinds & DOMESTIC)
    coop = _placed(tenant, t)
    client = client_as(user_with(Membership.Role.COOPERATION_OFFICER, tenant))
    url = reverse("pipeline:move", args=[coop.pk])
    response = client.post(url, {"action": t.action, "expected_state": t.source})
    assert response.status_code == 200
    coop.refresh_from_db()
    assert coop.state == t.source


def _api_as(user) -> Client:
    membership = Membership.objects.get(user=user)
    _token, raw = create_token(user, name="t", membership=membership, by=user)
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_the_api_lists_it_as_asking_first_and_answers_422_without_a_reason(tenant, outsider):
    t = next(t for t in ASKING_FIRST if t.action == "withdraw" and t.kinds & DOMESTIC)
    coop = _placed(tenant, t)
    client = _api_as(user_with(Membership.Role.COOPERATION_OFFICER, tenant))
    url = f"/api/v1/cooperations/{coop.pk}/transitions"
    steps = {step["action"]: step for step in client.get(url).json()}
    assert steps["withdraw"]["asks_first"] is True and steps["withdraw"]["irreversible"] is True
    response = client.post(url, {"action": "withdraw"}, content_type="application/json")
    assert response.status_code == 422
    assert "alasan" in str(response.json()["detail"])
    done = client.post(url, {"action": "withdraw", "note": REASON}, content_type="application/json")
    assert done.status_code == 200 and done.json()["event"]["note"] == REASON
    assert _api_as(outsider).get(url).status_code == 404
