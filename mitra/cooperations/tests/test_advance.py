"""`mitra advance`: expiry when every agreement has lapsed, dormancy after days without activity."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from mitra.cooperations import rules, workflow
from mitra.cooperations.models import Cooperation, CooperationEvent
from mitra.cooperations.services import record_past_state
from tests.factories import make_document
from tests.procedure import cooperation_of_kind

pytestmark = pytest.mark.django_db

S = Cooperation.State
TODAY = timezone.localdate()


def days(n):
    return TODAY + timedelta(days=n)


def signed(tenant, state=S.IMPLEMENTATION, kind=Cooperation.Kind.FOREIGN_REGION, **mou):
    """A cooperation in `state` with its signed agreement, an MoU or for a KSDD a KB (recorded
    history, as an import would)."""
    coop = cooperation_of_kind(tenant, kind)
    record_past_state(coop, state, by=None, note="test setup")
    fields = {"title": "MoU", "date_signed": days(-800), "valid_from": days(-800)} | mou
    agreement = "framework_agreement" if kind in workflow.DOMESTIC else "mou"
    make_document(coop, kind=agreement, **fields)
    return coop


def advance(*args):
    out, err = StringIO(), StringIO()
    call_command("advance", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def state_of(coop):
    return Cooperation.objects.get(pk=coop.pk).state


def system_events(coop):
    return list(
        CooperationEvent.objects.filter(cooperation=coop, action__in=["expire", "mark_dormant"])
    )


def test_it_expires_a_cooperation_whose_mou_lapsed(tenant):
    lapsed = signed(tenant, valid_until=days(-1))
    out, _ = advance()
    assert state_of(lapsed) == S.EXPIRED
    (event,) = system_events(lapsed)
    assert (event.source, event.target, event.by) == (S.IMPLEMENTATION, S.EXPIRED, None)
    assert event.note
    assert "expire: 1 changed, 0 refused" in out


def test_it_leaves_cooperations_with_an_agreement_in_force(tenant, other_tenant):
    valid = signed(tenant, valid_until=TODAY)
    open_ended = signed(tenant, until_terminated=True)
    renewed = signed(other_tenant, state=S.MONITORING_EVALUATION, valid_until=days(-30))
    make_document(
        renewed, kind="renewal", title="Renewal", date_signed=days(-40), valid_until=days(300)
    )
    advance()
    assert [state_of(c) for c in (valid, open_ended, renewed)] == [
        S.IMPLEMENTATION,
        S.IMPLEMENTATION,
        S.MONITORING_EVALUATION,
    ]


def test_it_expires_signed_states_other_than_implementation(tenant):
    dormant = signed(tenant, state=S.DORMANT, valid_until=days(-1))
    reporting = signed(
        tenant, state=S.REPORTING, kind=Cooperation.Kind.DOMESTIC_REGION, valid_until=days(-1)
    )
    advance()
    assert state_of(dormant) == state_of(reporting) == S.EXPIRED


def test_it_leaves_unsigned_cooperations_alone(tenant):
    drafting = signed(tenant, state=S.MOU_DRAFTING, valid_until=days(-1))
    advance(f"--today={days(1000)}")
    assert state_of(drafting) == S.MOU_DRAFTING


def test_it_marks_dormant_after_the_tenants_days_without_activity_and_not_before(tenant):
    coop = signed(tenant, until_terminated=True)
    advance(f"--today={days(179)}")
    assert state_of(coop) == S.IMPLEMENTATION
    out, _ = advance(f"--today={days(180)}")
    assert state_of(coop) == S.DORMANT
    (event,) = system_events(coop)
    assert (event.action, event.by) == ("mark_dormant", None)
    assert "mark_dormant: 1 changed, 0 refused" in out


def test_recent_activity_keeps_a_cooperation_active(tenant):
    coop = signed(tenant, until_terminated=True)
    CooperationEvent.objects.filter(cooperation=coop).update(
        at=timezone.now() - timedelta(days=400)
    )
    coop.documents.update(created_at=timezone.now() - timedelta(days=400))
    make_document(coop, kind="joint_minutes", title="Annual meeting")  # attached today
    advance()
    assert state_of(coop) == S.IMPLEMENTATION
    coop.documents.update(created_at=timezone.now() - timedelta(days=400))
    advance()
    assert state_of(coop) == S.DORMANT


def test_each_tenant_has_its_own_dormancy_threshold(tenant, other_tenant):
    tenant.dormant_after_days = 30
    tenant.save(update_fields=["dormant_after_days"])
    other_tenant.dormant_after_days = 90
    other_tenant.save(update_fields=["dormant_after_days"])
    makassar = signed(tenant, until_terminated=True)
    bandung = signed(other_tenant, until_terminated=True)
    advance(f"--today={days(30)}")
    assert (state_of(makassar), state_of(bandung)) == (S.DORMANT, S.IMPLEMENTATION)
    advance(f"--today={days(90)}")
    assert state_of(bandung) == S.DORMANT


def test_running_twice_changes_nothing_the_second_time(tenant):
    lapsed = signed(tenant, valid_until=days(-1))
    idle = signed(tenant, until_terminated=True)
    CooperationEvent.objects.filter(cooperation=idle).update(
        at=timezone.now() - timedelta(days=200)
    )
    idle.documents.update(created_at=timezone.now() - timedelta(days=200))
    advance()
    out, _ = advance()
    assert (state_of(lapsed), state_of(idle)) == (S.EXPIRED, S.DORMANT)
    assert len(system_events(lapsed)) == len(system_events(idle)) == 1
    assert "expire: 0 changed" in out
    assert "mark_dormant: 0 changed" in out


def test_it_catches_up_after_a_gap(tenant):
    lapsed_long_ago = signed(tenant, valid_until=days(-300))
    idle = signed(tenant, until_terminated=True)
    advance(f"--today={days(2000)}")
    assert (state_of(lapsed_long_ago), state_of(idle)) == (S.EXPIRED, S.DORMANT)


def test_agreements_are_judged_as_of_the_day_given(tenant):
    ends_soon = signed(tenant, title="Ends soon", valid_until=days(10))
    advance(f"--today={days(20)}")
    assert state_of(ends_soon) == S.EXPIRED


def test_a_refusal_is_reported_and_the_run_goes_on(tenant, monkeypatch):
    # Stand-in for a cooperation changed by an officer between selection and move.
    changed = signed(tenant, title="Changed meanwhile", valid_until=days(-2))
    lapsed = signed(tenant, valid_until=days(-1))
    lapsed_rule = rules.GUARDS["agreements_have_lapsed"]
    monkeypatch.setitem(
        rules.GUARDS,
        "agreements_have_lapsed",
        lambda coop, today=None: (
            ["Changed meanwhile."] if coop.pk == changed.pk else lapsed_rule(coop, today)
        ),
    )
    out, err = advance()
    assert state_of(changed) == S.IMPLEMENTATION
    assert state_of(lapsed) == S.EXPIRED
    assert f"expire refused for #{changed.pk}" in err
    assert "expire: 1 changed, 1 refused" in out


def test_dry_run_lists_and_changes_nothing(tenant):
    lapsed = signed(tenant, valid_until=days(-1))
    idle = signed(tenant, until_terminated=True)
    out, _ = advance("--dry-run", f"--today={days(365)}")
    assert (state_of(lapsed), state_of(idle)) == (S.IMPLEMENTATION, S.IMPLEMENTATION)
    assert system_events(lapsed) == system_events(idle) == []
    assert f"would expire: #{lapsed.pk}" in out
    assert f"would mark_dormant: #{idle.pk}" in out
    assert "expire: 1 to change" in out


@pytest.mark.parametrize("value", ["tomorrow", "2026-13-01", "01-02-2026", ""])
def test_a_bad_today_is_a_clear_error(value):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        advance(f"--today={value}")


def test_it_selects_candidates_with_a_bounded_number_of_queries(
    tenant, other_tenant, django_assert_max_num_queries
):
    for _ in range(3):
        signed(tenant, valid_until=days(-300))  # lapsed: expired
        signed(other_tenant, valid_until=days(300))  # in force and active: untouched
    with django_assert_max_num_queries(3 + 3 * 10):
        advance("--dry-run")
