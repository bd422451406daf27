"""Progress arithmetic, the at-risk rules and the calendar periods, on plain values."""

from datetime import date
from decimal import Decimal

import pytest

from mitra.implementation import rules
from mitra.implementation.periods import (
    Period,
    add_months,
    period_containing,
    periods_overlapping,
    previous_period,
)

pytestmark = pytest.mark.usefixtures("english")

D = Decimal


@pytest.mark.parametrize(
    ("achieved", "target", "expected"),
    [
        (D(80), D(200), 0.4),
        (None, D(200), 0.0),  # nothing reported yet: nothing achieved
        (D(250), D(200), 1.25),  # overshoot is kept, not capped
        (D(200), D(200), 1.0),
        (D(5), None, None),  # no target: nothing to measure against
        (D(5), D(0), None),  # zero target: no division, no share
        (None, D(0), None),
    ],
)
def test_progress_against_target(achieved, target, expected):
    assert rules.target_ratio(achieved, target) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2024, 12, 1), 0.0),  # the period has not started
        (date(2025, 1, 1), 0.0),
        (date(2025, 7, 2), 182 / 364),
        (date(2025, 12, 31), 1.0),
        (date(2027, 1, 1), 1.0),  # long over: never more than all of it
    ],
)
def test_progress_against_time(today, expected):
    assert rules.elapsed_fraction(date(2025, 1, 1), date(2025, 12, 31), today) == expected


def test_an_open_ended_period_has_no_share_elapsed():
    assert rules.elapsed_fraction(date(2025, 1, 1), None, date(2025, 6, 1)) is None


def test_a_one_day_period_does_not_divide_by_zero():
    day = date(2025, 3, 1)
    assert rules.elapsed_fraction(day, day, date(2025, 2, 28)) == 0.0
    assert rules.elapsed_fraction(day, day, day) == 1.0


def test_an_item_far_behind_the_calendar_is_at_risk_with_the_reason():
    assert rules.behind_schedule(0.4, 0.75) == ["40% done with 75% of the period elapsed."]


@pytest.mark.parametrize(("ratio", "elapsed"), [(0.6, 0.75), (0.0, 0.2), (1.3, 0.5), (None, 0.9)])
def test_an_item_within_the_tolerance_or_without_target_is_not_behind(ratio, elapsed):
    assert rules.behind_schedule(ratio, elapsed) == []


def test_an_item_whose_period_ended_short_of_target_is_at_risk():
    assert rules.behind_schedule(0.5, 1.0) == ["The period ended with 50% done."]


def test_a_passed_milestone_is_a_reason_unless_done():
    milestone = date(2025, 3, 1)
    assert rules.milestone_missed(milestone, "in_progress", date(2025, 3, 2)) == [
        "The milestone date March 1, 2025 has passed."
    ]
    assert rules.milestone_missed(milestone, "done", date(2025, 3, 2)) == []
    assert rules.milestone_missed(milestone, "planned", milestone) == []


def test_no_progress_for_too_long_is_a_reason():
    start = date(2025, 1, 1)
    assert rules.progress_stale(date(2025, 2, 1), start, date(2025, 5, 2), 90) == [
        "No progress reported in 90 days."
    ]
    assert rules.progress_stale(None, start, date(2025, 4, 11), 90) == [
        "No progress reported in the 100 days since it started."
    ]
    assert rules.progress_stale(date(2025, 2, 1), start, date(2025, 5, 1), 90) == []
    assert rules.progress_stale(None, start, date(2024, 12, 1), 90) == []  # not started


def reasons(**overrides):
    fields = {
        "status": "in_progress",
        "ratio": 0.1,
        "elapsed": 0.9,
        "milestone": date(2025, 2, 1),
        "last_report": None,
        "start": date(2025, 1, 1),
        "today": date(2025, 12, 1),
        "stale_days": 90,
        "open_obligations": [date(2025, 6, 30)],
    }
    fields.update(overrides)
    return rules.at_risk_reasons(**fields)


def test_every_reason_is_given_at_once():
    assert len(reasons()) == 4


@pytest.mark.parametrize("status", ["done", "cancelled"])
def test_a_finished_or_cancelled_item_is_never_at_risk(status):
    assert reasons(status=status) == []


def test_an_item_at_its_target_is_not_at_risk():
    assert reasons(ratio=1.2) == []


def test_a_recurring_item_without_target_is_judged_by_its_tasks_not_its_reports():
    assert rules.stale_after_days("yearly", False, 90) is None
    assert rules.stale_after_days("yearly", True, 90) == 12 * 31
    assert rules.stale_after_days("none", False, 90) == 90
    found = reasons(ratio=None, elapsed=None, milestone=None, stale_days=None)
    assert found == ["A recurring obligation due June 30, 2025 has not been done."]


@pytest.mark.parametrize(
    ("valid_until", "today", "expected"),
    [
        (date(2029, 12, 31), date(2026, 1, 1), date(2029, 7, 4)),  # 180 days before
        (date(2026, 3, 1), date(2026, 1, 1), date(2026, 1, 1)),  # too late already: today
        (date(2025, 6, 1), date(2026, 1, 1), date(2026, 1, 1)),  # lapsed: today
        (None, date(2026, 1, 1), date(2026, 1, 31)),  # no end date: in a month
    ],
)
def test_the_renewal_decision_is_due_before_the_agreement_ends(valid_until, today, expected):
    assert rules.renewal_decision_due(valid_until, 180, today) == expected


def test_an_item_needs_a_unit_for_its_target_and_its_milestone_inside_the_period():
    problems = rules.item_problems(
        start=date(2025, 1, 1),
        end=date(2024, 12, 1),
        milestone=date(2026, 1, 1),
        target=D(-1),
        unit="",
    )
    assert len(problems) == 4


def test_months_add_across_the_year_end():
    assert add_months(date(2025, 11, 15), 2) == date(2026, 1, 1)
    assert add_months(date(2025, 1, 31), -1) == date(2024, 12, 1)


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        (12, Period(date(2025, 1, 1), date(2025, 12, 31))),
        (6, Period(date(2025, 7, 1), date(2025, 12, 31))),
        (3, Period(date(2025, 7, 1), date(2025, 9, 30))),
        (1, Period(date(2025, 8, 1), date(2025, 8, 31))),
    ],
)
def test_periods_follow_the_budget_year(months, expected):
    assert period_containing(date(2025, 8, 20), months) == expected


def test_periods_overlapping_a_stretch_and_the_last_ended_one():
    found = periods_overlapping(date(2025, 5, 20), date(2026, 1, 3), 6)
    assert [p.start for p in found] == [date(2025, 1, 1), date(2025, 7, 1), date(2026, 1, 1)]
    assert previous_period(date(2026, 2, 1), 6) == Period(date(2025, 7, 1), date(2025, 12, 31))
    clipped = found[0].clipped(date(2025, 5, 20), date(2025, 6, 10))
    assert clipped == Period(date(2025, 5, 20), date(2025, 6, 10))


def test_a_budget_year_is_not_split_into_uneven_periods():
    with pytest.raises(ValueError, match="5 months"):
        period_containing(date(2025, 1, 1), 5)
