"""The transition table, exhaustively: each allowed role can take each transition, no other can."""

import pytest
from django.db import transaction

from mitra.cooperations.models import Cooperation, CooperationEvent
from mitra.cooperations.services import apply_transition
from mitra.cooperations.workflow import PRIOR_STATE, TRANSITIONS, steps_for, transitions_from
from mitra.lib.refusal import Refused
from tests.procedure import (
    ALL_ROLES,
    add_every_document,
    cooperation_of_kind,
    kind_for,
    place_at,
    resumable_prior,
    user_with,
)

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def attempt(coop, action, user, source, note=""):
    """Try the transition in a savepoint that is always rolled back; return the target or None."""
    try:
        with transaction.atomic():
            coop.refresh_from_db()
            event = apply_transition(coop, action, by=user, note=note, expected_state=source)
            raise Rollback(event.target)
    except Rollback as done:
        return done.args[0]
    except Refused:
        return None


@pytest.mark.parametrize(
    "t",
    TRANSITIONS,
    ids=lambda t: f"{sorted(t.kinds)[0]}:{t.source}:{t.action}:{sorted(t.orders)[0]}",
)
def test_each_allowed_role_can_and_no_other_role_can(t, tenant):
    coop = cooperation_of_kind(tenant, kind_for(t), budget=Cooperation.Budget.APBD)
    add_every_document(coop)
    place_at(coop, t, prior=resumable_prior(t))
    expected_target = resumable_prior(t) if t.target == PRIOR_STATE else t.target
    reason = "The partner withdrew." if t.asks_first else ""  # required for those moves
    for role in ALL_ROLES:
        outcome = attempt(coop, t.action, user_with(role, tenant), t.source, reason)
        if role in t.roles:
            assert outcome == expected_target, role
        else:
            assert outcome is None, role


def test_an_action_outside_the_table_is_refused_with_its_reason(
    tenant, cooperation_officer, english
):
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)
    with pytest.raises(Refused) as refused:
        apply_transition(coop, "sign_mou", by=cooperation_officer)
    assert "not possible" in refused.value.problems[0]
    assert not CooperationEvent.objects.filter(action="sign_mou").exists()


def test_every_step_of_both_templates_has_a_way_out():
    sources = {t.source for t in TRANSITIONS}
    for order in ("council_first", "central_first"):
        coop = Cooperation(kind="foreign_region", procedure_order=order)
        assert set(steps_for(coop)) <= sources
    assert (
        set(steps_for(Cooperation(kind="domestic_region", procedure_order="council_first")))
        <= sources
    )


def test_every_target_is_a_known_state():
    states = set(Cooperation.State.values) | {PRIOR_STATE}
    assert {t.target for t in TRANSITIONS} <= states
    assert {t.source for t in TRANSITIONS} <= set(Cooperation.State.values)


@pytest.mark.parametrize(
    ("order", "after_plan", "then"),
    [
        ("council_first", "council_approval", "central_verification"),
        ("central_first", "central_verification", "council_approval"),
    ],
)
def test_the_tenant_chooses_which_comes_first(order, after_plan, then, tenant):
    tenant.procedure_order = order
    tenant.save(update_fields=["procedure_order"])
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)
    assert coop.procedure_order == order
    steps = steps_for(coop)
    assert steps[steps.index("cooperation_plan") + 1] == after_plan
    assert steps[steps.index(after_plan) + 1] == then
    coop.state = "cooperation_plan"
    assert {t.target for t in transitions_from(coop) if t.action.startswith("request_")} == {
        after_plan
    }


def test_changing_the_order_leaves_existing_cooperations_alone(tenant):
    older = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)
    tenant.procedure_order = "central_first"
    tenant.save(update_fields=["procedure_order"])
    newer = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)
    older.refresh_from_db()
    assert (older.procedure_order, newer.procedure_order) == ("council_first", "central_first")


def test_an_outsiders_roles_count_for_nothing(tenant, outsider):
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)
    with pytest.raises(Refused):
        apply_transition(coop, "start_exploration", by=outsider)
    coop.refresh_from_db()
    assert coop.state == "initiative"
