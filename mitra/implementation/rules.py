"""Rules of implementation monitoring: progress arithmetic and when a plan item is at risk.

Small named functions over plain values, so each is tested alone. Those returning a list give
the reasons, already translated; an empty list means "nothing wrong".
"""

from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, Document
from mitra.implementation.models import PlanItem
from mitra.lib.deadlines import is_overdue
from mitra.lib.formatting import long_date

# A plan of action is the annex of a signed agreement (domain guide §4, §6); a renewal brings a
# new one.
PLAN_DOCUMENT_KINDS = frozenset(
    {
        Document.Kind.MOU,
        Document.Kind.FRAMEWORK_AGREEMENT,
        Document.Kind.IMPLEMENTING_AGREEMENT,
        Document.Kind.RENEWAL,
    }
)
# How far an item may lag the calendar before it is at risk: 20 percentage points, so 40% done
# with 75% of the period gone is at risk, 60% done with 75% gone is not yet.
SCHEDULE_TOLERANCE = 0.2
RECURRENCE_MONTHS = {
    PlanItem.Recurrence.YEARLY: 12,
    PlanItem.Recurrence.SEMESTER: 6,
    PlanItem.Recurrence.QUARTERLY: 3,
    PlanItem.Recurrence.MONTHLY: 1,
}
# No obligations are generated once a cooperation has ended (is no longer live).
ENDED_STATES = workflow.NOT_LIVE
# A renewal decision asked for on an agreement without an end date is due in a month.
DECISION_WITHOUT_END_DAYS = 30
# An evaluation is due within a month of the end of the period it covers.
EVALUATION_GRACE_DAYS = 30


def _day(value: date) -> str:
    return long_date(value)


def _percent(fraction: float) -> int:
    return round(fraction * 100)


# --- Progress arithmetic ----------------------------------------------------------------------


def target_ratio(achieved: Decimal | None, target: Decimal | None) -> float | None:
    """Achieved over target: 0.4 for 80 of 200, above 1 when exceeded, 0 when nothing is reported.

    None without a target, and None for a zero target too: nothing was promised to measure
    against, so any result is neither a share of it nor a shortfall.
    """
    if target is None or target == 0:
        return None
    return float((achieved or Decimal(0)) / target)


def elapsed_fraction(start: date, end: date | None, today: date) -> float | None:
    """The share of the period from `start` to `end` gone by `today`: 0 before it starts, 1 after.

    None for an open-ended period. A one-day period is wholly elapsed on its day.
    """
    if end is None:
        return None
    if today < start:
        return 0.0
    if today >= end:
        return 1.0
    return (today - start).days / (end - start).days


def deadline(end: date | None, milestone: date | None) -> date | None:
    """When an item should be complete: its period's end, else its milestone date."""
    return end or milestone


def stale_after_days(recurrence: str, has_target: bool, stale_days: int) -> int | None:
    """Days without a report before an item is stale; a recurring one reports once a period.

    None for a recurring item without a target: its generated tasks show whether it is kept.
    """
    months = RECURRENCE_MONTHS.get(PlanItem.Recurrence(recurrence), 0)
    if months and not has_target:
        return None
    return max(stale_days, months * 31)


# --- At risk ----------------------------------------------------------------------------------


def behind_schedule(ratio: float | None, elapsed: float | None) -> list[str]:
    """Less done than the calendar asks, beyond the tolerance, or the period over short of target."""
    if ratio is None or elapsed is None or ratio >= 1:
        return []
    if elapsed >= 1:
        return [_("The period ended with %(done)d%% done.") % {"done": _percent(ratio)}]
    if elapsed - ratio > SCHEDULE_TOLERANCE:
        return [
            _("%(done)d%% done with %(elapsed)d%% of the period elapsed.")
            % {"done": _percent(ratio), "elapsed": _percent(elapsed)}
        ]
    return []


def milestone_missed(milestone: date | None, status: str, today: date) -> list[str]:
    """A milestone date gone by without the item being done."""
    if milestone is None or status == PlanItem.Status.DONE or not is_overdue(milestone, today):
        return []
    return [_("The milestone date %(date)s has passed.") % {"date": _day(milestone)}]


def progress_stale(last_report: date | None, start: date, today: date, days: int) -> list[str]:
    """No report for `days` days: since the last one, or since the item started if none came."""
    if today < start:
        return []
    idle = (today - (last_report or start)).days
    if idle < days:
        return []
    if last_report is None:
        return [_("No progress reported in the %(days)d days since it started.") % {"days": idle}]
    return [_("No progress reported in %(days)d days.") % {"days": idle}]


def obligations_overdue(open_due_dates: list[date], today: date) -> list[str]:
    """Tasks of a recurring obligation still open after their due date (the oldest is named)."""
    overdue = sorted(day for day in open_due_dates if is_overdue(day, today))
    if not overdue:
        return []
    return [
        _("A recurring obligation due %(date)s has not been done.") % {"date": _day(overdue[0])}
    ]


def at_risk_reasons(
    *,
    status: str,
    ratio: float | None,
    elapsed: float | None,
    milestone: date | None,
    last_report: date | None,
    start: date,
    today: date,
    stale_days: int | None,
    open_obligations: list[date] | None = None,
) -> list[str]:
    """Why an open item is behind; none for a finished or cancelled one, or one at its target."""
    if status in (PlanItem.Status.DONE, PlanItem.Status.CANCELLED):
        return []
    if ratio is not None and ratio >= 1:
        return []
    stale = [] if stale_days is None else progress_stale(last_report, start, today, stale_days)
    return (
        behind_schedule(ratio, elapsed)
        + milestone_missed(milestone, status, today)
        + stale
        + obligations_overdue(open_obligations or [], today)
    )


# --- What may be recorded ---------------------------------------------------------------------


def plan_document_problems(document: Document) -> list[str]:
    """A plan of action belongs to a signed MoU, KB, PKS or renewal."""
    if document.kind not in PLAN_DOCUMENT_KINDS:
        return [_("A plan of action belongs to a signed MoU, KB, PKS or renewal.")]
    if document.date_signed is None:
        return [_("The agreement has no date of signing yet; record its signing first.")]
    return []


def item_problems(
    *,
    start: date | None,
    end: date | None,
    milestone: date | None,
    target: Decimal | None,
    unit: str,
) -> list[str]:
    """A plan item's period in order, its target with a unit, its milestone inside the period."""
    problems = []
    if start is None:
        problems.append(_("Give the date the item's period starts."))
    problems += period_in_order(start, end)
    problems += target_problems(target, unit)
    if milestone and start and (milestone < start or (end is not None and milestone > end)):
        problems.append(_("The milestone date must fall within the item's period."))
    return problems


def target_problems(target: Decimal | None, unit: str) -> list[str]:
    """A target is not negative and comes with its unit, and a unit with its target."""
    problems = []
    if target is not None and target < 0:
        problems.append(_("A target cannot be negative."))
    if target is not None and not unit.strip():
        problems.append(_("Give the target's unit, such as outlets or trainees."))
    if unit.strip() and target is None:
        problems.append(_("Give the target quantity for this unit."))
    return problems


def period_in_order(start: date | None, end: date | None) -> list[str]:
    """A period (of a plan item, of an evaluation) cannot end before it starts."""
    if start is not None and end is not None and end < start:
        return [_("The period cannot end before it starts.")]
    return []


def reported_by_today(day: date, today: date) -> list[str]:
    """Progress is reported as achieved by a day that has come."""
    if day > today:
        return [_("A progress report cannot be dated in the future.")]
    return []


def evaluated_by_today(day: date, today: date) -> list[str]:
    """An evaluation is recorded once it has been done, on a day that has come."""
    if day > today:
        return [_("An evaluation cannot be dated in the future.")]
    return []


def intended_output_problems(
    cooperation: Cooperation, *, description: str, target: Decimal | None, unit: str
) -> list[str]:
    """The cooperation plan (rencana kerja sama, Permendagri 25/2020) states its intended
    outputs before signing; once an agreement is signed they go in its plan of action."""
    problems = []
    facts = workflow.STATES[cooperation.state]
    if facts.signed or not facts.live:
        problems.append(
            _("This cooperation is past its plan: add its outputs to the plan of action.")
        )
    if not description.strip():
        problems.append(_("Say what output is intended."))
    return problems + target_problems(target, unit)


def progress_problems(
    *, day: date, today: date, value: Decimal | None, reported_anything: bool
) -> list[str]:
    """A progress report is dated no later than today and says something."""
    problems = reported_by_today(day, today)
    if value is not None and value < 0:
        problems.append(_("The value achieved cannot be negative."))
    if not reported_anything:
        problems.append(_("Report a value, a benefit, evidence or a note."))
    return problems


def renewal_decision_due(valid_until: date | None, lead_days: int, today: date) -> date:
    """When the renew-or-terminate decision is due: `lead_days` before the agreement ends.

    Never before today, and never after the end date; without an end date, in a month.
    """
    if valid_until is None:
        return today + timedelta(days=DECISION_WITHOUT_END_DAYS)
    due = valid_until - timedelta(days=lead_days)
    return min(max(due, today), max(valid_until, today))
