"""Read-only views of one cooperation's implementation: the panel, evaluation due, dormancy facts."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from mitra.cooperations.models import Cooperation, Document
from mitra.implementation import rules
from mitra.implementation.formatting import long_date, number, period_label, quantity
from mitra.implementation.models import Evaluation, IntendedOutput, PlanItem
from mitra.implementation.periods import Period, previous_period
from mitra.implementation.progress import (
    ItemProgress,
    benefit_rows,
    benefits_of,
    cooperation_items,
    open_or_done,
    plan_items_prefetch,
    progress_of,
    target_lines,
    today_or,
    with_updates,
)
from mitra.lib.deadlines import DueDate, due_status, is_overdue
from mitra.tenancy.models import DEFAULT_STALE_PROGRESS_DAYS, Tenant

RECENT_EVALUATIONS = 3


def plan_documents(cooperation: Cooperation) -> QuerySet[Document]:
    """The cooperation's signed agreements that may carry a plan of action."""
    return Document.objects.filter(
        cooperation=cooperation,
        kind__in=rules.PLAN_DOCUMENT_KINDS,
        date_signed__isnull=False,
    ).order_by("date_signed", "pk")


def cycle_months(tenant: Tenant) -> int:
    """The length in months of the tenant's evaluation periods."""
    return 12 // tenant.evaluations_per_year


@dataclass(frozen=True)
class EvaluationDue:
    period: Period
    label: str
    status: DueDate  # the due day judged against the day asked about

    @property
    def due(self) -> date:
        return self.status.day

    @property
    def overdue(self) -> bool:
        return self.status.overdue


def evaluation_due(
    items: list[PlanItem],
    evaluated: set[date],
    tenant: Tenant,
    today: date,
) -> EvaluationDue | None:
    """The last ended cycle period, if the plan ran in it and nobody evaluated it yet."""
    months = cycle_months(tenant)
    period = previous_period(today, months)
    running = [i for i in items if i.status != PlanItem.Status.CANCELLED]
    if not running or min(i.start_date for i in running) > period.end:
        return None
    if period.start in evaluated:
        return None
    due = period.end + timedelta(days=rules.EVALUATION_GRACE_DAYS)
    return EvaluationDue(period, period_label(period, months), due_status(due, today))


def panel_context(cooperation: Cooperation, *, today: date | None = None) -> dict[str, Any]:
    """What the cooperation page shows of its implementation: promised against done, at risk,
    benefits, the latest evaluations and the one due, and the outputs the cooperation plan
    intended before signing. Five queries."""
    today = today_or(today)
    tenant = cooperation.tenant
    items = list(with_updates(PlanItem.objects.filter(cooperation=cooperation)))
    progresses = progress_of(items, today, tenant.stale_progress_days)
    evaluations = list(Evaluation.objects.filter(cooperation=cooperation).select_related("report"))
    active = open_or_done(progresses)
    intended = list(
        IntendedOutput.objects.filter(cooperation=cooperation).select_related("plan_item")
    )
    return {
        "coop": cooperation,
        "progresses": progresses,
        "targets": target_lines(active),
        "at_risk": [p for p in progresses if p.at_risk],
        "done_count": sum(1 for p in active if p.item.status == PlanItem.Status.DONE),
        "item_count": len(active),
        "benefits": benefit_rows(benefits_of(active)),
        "evaluations": evaluations[:RECENT_EVALUATIONS],
        "evaluation_due": evaluation_due(
            items, {e.period_start for e in evaluations}, tenant, today
        ),
        "intended": intended,
        "intended_waiting": [o for o in intended if o.plan_item_id is None],
        "today": today,
    }


# --- Dormancy ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DormancyFacts:
    """What a cooperation promised and what is missing, for the dormant alarm (dashboard, digest)."""

    promised: list[str]
    missing: list[str]
    last_report: date | None
    has_plan: bool


def _promise(item: PlanItem) -> str:
    what = quantity(item.target_quantity, item.unit)
    if what and item.milestone_date:
        return _("%(activity)s: %(target)s by %(date)s") % {
            "activity": item.activity,
            "target": what,
            "date": long_date(item.milestone_date),
        }
    if what:
        return f"{item.activity}: {what}"
    if item.milestone_date:
        return _("%(activity)s by %(date)s") % {
            "activity": item.activity,
            "date": long_date(item.milestone_date),
        }
    return item.activity


def _missing(p: ItemProgress, today: date) -> list[str]:
    item = p.item
    if item.status == PlanItem.Status.DONE:
        return []
    if p.shortfall is not None and item.target_quantity is not None:
        return [
            _("%(activity)s: %(missing)s of %(target)s %(unit)s not yet delivered")
            % {
                "activity": item.activity,
                "missing": number(p.shortfall),
                "target": number(item.target_quantity),
                "unit": item.unit,
            }
        ]
    if item.milestone_date and is_overdue(item.milestone_date, today):
        return [
            _("%(activity)s: milestone of %(date)s not met")
            % {"activity": item.activity, "date": long_date(item.milestone_date)}
        ]
    if p.last_report is None:
        return [_("%(activity)s: no progress reported") % {"activity": item.activity}]
    return []


def dormancy_facts(cooperation: Cooperation, *, today: date | None = None) -> DormancyFacts:
    """What the cooperation's plan of action promised and what of it is still missing.

    Reads the cooperation's plan items: prefetch `plan_items_prefetch()` when calling it for
    many cooperations. Messages are in the active language.
    """
    today = today_or(today)
    stale_days = DEFAULT_STALE_PROGRESS_DAYS  # the facts ignore risk reasons
    items = [i for i in cooperation_items(cooperation) if i.status != PlanItem.Status.CANCELLED]
    if not items:
        return DormancyFacts([], [_("No plan of action is recorded.")], None, False)
    progresses = progress_of(items, today, stale_days)
    reports = [p.last_report for p in progresses if p.last_report is not None]
    missing = [line for p in progresses for line in _missing(p, today)]
    return DormancyFacts([_promise(i) for i in items], missing, max(reports, default=None), True)


@dataclass(frozen=True)
class DormantRow:
    """A dormant agreement and what its plan of action promised and still misses."""

    cooperation: Cooperation
    facts: DormancyFacts


def dormant_rows(tenant: Tenant, today: date) -> list[DormantRow]:
    """The tenant's dormant cooperations with their facts, in three queries whatever their number;
    the dashboard shows them and the reminders send them."""
    dormant = Cooperation.objects.filter(tenant=tenant, state=Cooperation.State.DORMANT)
    return _dormant_rows(dormant.order_by("title"), today)


def dormant_rows_in(
    tenants: Sequence[Tenant], today: date, *, among: Collection[int] | None = None
) -> list[DormantRow]:
    """`dormant_rows` of many tenants in the same three queries, by tenant in pk order, then by
    title (the daily reminders); `among` keeps only the cooperations of those keys."""
    dormant = Cooperation.objects.filter(tenant__in=tenants, state=Cooperation.State.DORMANT)
    if among is not None:
        dormant = dormant.filter(pk__in=among)
    return _dormant_rows(dormant.order_by("tenant_id", "title"), today)


def _dormant_rows(dormant: QuerySet[Cooperation], today: date) -> list[DormantRow]:
    prefetched = dormant.prefetch_related(plan_items_prefetch())
    return [DormantRow(coop, dormancy_facts(coop, today=today)) for coop in prefetched]
