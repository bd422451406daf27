"""Time spent in each state, overdue steps and last activity, read from the event log."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from mitra.cooperations import timing
from mitra.cooperations.models import Cooperation, CooperationEvent
from mitra.cooperations.services import record_event, record_past_state
from tests.factories import make_cooperation, make_document

pytestmark = pytest.mark.django_db

S = Cooperation.State
START = datetime(2025, 1, 6, 9, 0, tzinfo=timezone.get_current_timezone())


def at(day):
    return START + timedelta(days=day)


def with_history(tenant, *steps):
    """A cooperation created on day 0 that entered each (state, day) of `steps` in turn."""
    coop = make_cooperation(tenant)
    CooperationEvent.objects.filter(cooperation=coop).update(at=at(0))
    for state, day in steps:
        event = record_past_state(coop, state, by=None, note="test setup")
        CooperationEvent.objects.filter(pk=event.pk).update(at=at(day))
    return coop


def test_time_in_states_follows_the_event_log(tenant):
    coop = with_history(tenant, (S.EXPLORATION, 10), (S.LETTER_OF_INTENT, 40))
    spans = timing.time_in_states(coop, now=at(100))
    assert [(s.state, s.entered_at, s.left_at, s.days) for s in spans] == [
        (S.INITIATIVE, at(0), at(10), 10),
        (S.EXPLORATION, at(10), at(40), 30),
        (S.LETTER_OF_INTENT, at(40), None, 60),
    ]


def test_a_state_entered_twice_gives_two_spans(tenant):
    coop = with_history(tenant, (S.MOU_DRAFTING, 5), (S.TEXT_NEGOTIATION, 15), (S.MOU_DRAFTING, 20))
    spans = timing.time_in_states(coop, now=at(21))
    assert [(s.state, s.days) for s in spans if s.state == S.MOU_DRAFTING] == [
        (S.MOU_DRAFTING, 10),
        (S.MOU_DRAFTING, 1),
    ]


def test_a_step_past_its_expected_days_is_overdue_by_the_excess(tenant):
    coop = with_history(tenant, (S.COOPERATION_PLAN, 10))  # expected 90 days
    entered = timezone.localdate(at(10))
    assert timing.current_step_overdue(coop, today=entered + timedelta(days=90)) is None
    assert timing.current_step_overdue(coop, today=entered + timedelta(days=97)) == 7


def test_states_without_an_expected_duration_are_never_overdue(tenant):
    coop = with_history(tenant, (S.IMPLEMENTATION, 10))
    assert timing.current_step_overdue(coop, today=date(2030, 1, 1)) is None


def note_at_present_step(coop, day):
    """Something recorded at the present step without moving it, such as an evaluation."""
    event = record_event(coop, action="evaluate", by=None, note="Evaluation: continue")
    CooperationEvent.objects.filter(pk=event.pk).update(at=at(day))


def test_what_is_recorded_at_a_step_does_not_restart_its_clock(tenant):
    """An evaluation or the team's consideration is a row of the history whose state before and
    after is the same: the step still counts from the day the cooperation moved into it, for the
    days shown, the overdue step and the stays."""
    coop = with_history(tenant, (S.COOPERATION_PLAN, 10))  # expected 90 days
    note_at_present_step(coop, 95)
    entered = timezone.localdate(at(10))
    assert timing.current_step_time(coop, today=entered + timedelta(days=97)).days == 97
    assert timing.current_step_overdue(coop, today=entered + timedelta(days=97)) == 7
    history = list(coop.events.all())  # newest first, as the detail page has it
    assert history[0].action == "evaluate"
    assert timing.latest_move(history).target == S.COOPERATION_PLAN
    spans = timing.time_in_states(coop, now=at(100))
    assert [(s.state, s.days) for s in spans] == [(S.INITIATIVE, 10), (S.COOPERATION_PLAN, 90)]


def test_step_durations_do_not_split_a_stay_at_a_record_without_a_move(tenant):
    coop = with_history(tenant, (S.EXPLORATION, 10), (S.LETTER_OF_INTENT, 50))
    note_at_present_step(coop, 30)  # recorded while in exploration
    assert timing.step_durations(tenant)[S.EXPLORATION].median_days == 40


def test_step_durations_give_median_and_maximum_in_one_query(
    tenant, other_tenant, django_assert_num_queries
):
    with_history(tenant, (S.EXPLORATION, 10), (S.LETTER_OF_INTENT, 20))
    with_history(tenant, (S.EXPLORATION, 20), (S.LETTER_OF_INTENT, 60))
    with_history(tenant, (S.EXPLORATION, 30), (S.LETTER_OF_INTENT, 130))
    with_history(other_tenant, (S.EXPLORATION, 1), (S.LETTER_OF_INTENT, 1000))
    with django_assert_num_queries(1):
        durations = timing.step_durations(tenant)
    assert set(durations) == {S.INITIATIVE, S.EXPLORATION}  # open stays are left out
    exploration = durations[S.EXPLORATION]
    assert (exploration.count, exploration.median_days, exploration.max_days) == (3, 40, 100)
    assert durations[S.INITIATIVE].median_days == 20


def test_last_activity_is_the_latest_event_or_document(tenant):
    coop = with_history(tenant, (S.IMPLEMENTATION, 10))
    assert timing.last_activity(coop) == timezone.localdate(at(10))
    document = make_document(coop, kind="joint_minutes", date_signed=date(2025, 3, 1))
    coop.documents.filter(pk=document.pk).update(created_at=at(20))
    assert timing.last_activity(coop) == date(2025, 3, 1)
    coop.documents.filter(pk=document.pk).update(created_at=at(100))
    assert timing.last_activity(coop) == timezone.localdate(at(100))


def test_inactive_since_agrees_with_last_activity(tenant, other_tenant):
    quiet = with_history(tenant, (S.IMPLEMENTATION, 10))
    busy = with_history(other_tenant, (S.IMPLEMENTATION, 10))
    make_document(busy, kind="joint_minutes", date_signed=timezone.localdate(at(50)))
    busy.documents.update(created_at=at(10))
    inactive = timing.inactive_since(Cooperation.objects.all(), timezone.localdate(at(49)))
    assert list(inactive) == [quiet]
    assert timing.inactive_since(Cooperation.objects.all(), timezone.localdate(at(50))).count() == 2
