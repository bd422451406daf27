"""Recurring obligations and evaluation cycles, turned into follow-up tasks (and events).

`generate_due_obligations(today)` gives each recurring plan item one task per calendar period
(an annual joint committee meeting, a semester report) as soon as the period opens, due when it
ends, so it shows in digests and calendar feeds without anyone remembering it. It also asks for
each cooperation's evaluation once its evaluation period has ended.

Everything is computed from dates, never from "since the last run": a run after missed days
creates every period still missing (each whose due date fell on or after the day the item was
recorded: obligations from before that are history, not work), and a second run creates
nothing, because an `Obligation` row per (item, period) is unique in the database.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from django.conf import settings as django_settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.events.services import create_event
from mitra.followups.services import create_task
from mitra.implementation import rules
from mitra.implementation.formatting import period_label
from mitra.implementation.models import Evaluation, EvaluationReminder, Obligation, PlanItem
from mitra.implementation.periods import Period, periods_overlapping, previous_period
from mitra.implementation.queries import cycle_months
from mitra.implementation.services import responsible_person
from mitra.lib.refusal import Refused
from mitra.tenancy.models import Tenant


@dataclass(frozen=True)
class DueObligation:
    """One period of a recurring item that has no task yet."""

    item: PlanItem
    period: Period  # the calendar period: the key of its Obligation row
    due: date  # the period's end, or the item's end when that comes first


@dataclass(frozen=True)
class DueEvaluation:
    cooperation: Cooperation
    period: Period
    due: date


@dataclass
class Outcome:
    """What a run created (or would create, in a dry run) and what it could not."""

    obligations: list[DueObligation] = field(default_factory=list)
    evaluations: list[DueEvaluation] = field(default_factory=list)
    refused: list[tuple[str, list[str]]] = field(default_factory=list)


def item_end(item: PlanItem) -> date | None:
    """The last day of the item's obligations: its own end, else its agreement's."""
    return item.end_date or item.document.valid_until


def due_periods(item: PlanItem, today: date) -> list[DueObligation]:
    """The periods of a recurring item opened by `today`, due no earlier than it was recorded."""
    months = rules.RECURRENCE_MONTHS.get(PlanItem.Recurrence(item.recurrence))
    end = item_end(item)
    last = today if end is None else min(today, end)
    if months is None or last < item.start_date:
        return []
    recorded = timezone.localdate(item.created_at)
    due = []
    for period in periods_overlapping(item.start_date, last, months):
        day = period.clipped(item.start_date, end).end
        if day >= recorded:
            due.append(DueObligation(item, period, day))
    return due


def _recurring_items(tenants: Iterable[Tenant] | None) -> QuerySet[PlanItem]:
    items = (
        PlanItem.objects.exclude(recurrence=PlanItem.Recurrence.NONE)
        .filter(status__in=[PlanItem.Status.PLANNED, PlanItem.Status.IN_PROGRESS])
        .exclude(cooperation__state__in=rules.ENDED_STATES)
        .select_related("tenant", "document", "cooperation__owner", "cooperation__tenant")
        .select_related("assignee")
        .order_by("tenant_id", "pk")
    )
    return items if tenants is None else items.filter(tenant__in=list(tenants))


def pending_obligations(
    today: date, tenants: Iterable[Tenant] | None = None
) -> list[DueObligation]:
    """Every period of every open recurring item that is due a task and has none yet."""
    items = list(_recurring_items(tenants))
    made = set(Obligation.objects.filter(item__in=items).values_list("item_id", "period_start"))
    return [
        due
        for item in items
        for due in due_periods(item, today)
        if (item.pk, due.period.start) not in made
    ]


def _obligation_title(due: DueObligation) -> str:
    months = rules.RECURRENCE_MONTHS[PlanItem.Recurrence(due.item.recurrence)]
    return _("%(activity)s (%(period)s)") % {
        "activity": due.item.activity,
        "period": period_label(due.period, months),
    }


@transaction.atomic
def create_obligation(due: DueObligation) -> Obligation | None:
    """The task (and event) of one period; None when a concurrent run made it first."""
    item = due.item
    try:
        with transaction.atomic():
            obligation = Obligation.objects.create(
                tenant_id=item.tenant_id,
                item=item,
                period_start=due.period.start,
                period_end=due.period.end,
                due_date=due.due,
            )
    except IntegrityError:
        return None
    assignee = responsible_person(item.cooperation, item.assignee)
    if assignee is None:
        raise Refused([_("Nobody in this government can be given the task.")])
    title = _obligation_title(due)[:250]
    obligation.task = create_task(
        item.tenant,
        by=None,
        title=title,
        assignee=assignee,
        due_date=due.due,
        cooperation=item.cooperation,
    )
    if item.generates == PlanItem.Generates.EVENT:
        obligation.event = create_event(
            item.tenant,
            by=None,
            name=title,
            starts_on=due.due,
            description=_(
                "Recurring obligation of the plan of action of %(title)s. The date is the "
                "latest it may take place; change it to the agreed date."
            )
            % {"title": item.cooperation.title},
        )
    obligation.save(update_fields=["task", "event"])
    return obligation


# --- Evaluation cycle -------------------------------------------------------------------------


def pending_evaluations(
    today: date, tenants: Iterable[Tenant] | None = None
) -> list[DueEvaluation]:
    """Signed cooperations whose plan ran in the last ended evaluation period, not yet evaluated
    nor asked for. Only the last period: older gaps show on the cooperation page instead.

    One query per evaluation cycle in use (at most three), however many tenants there are."""
    chosen = list(Tenant.objects.all() if tenants is None else tenants)
    by_cycle: dict[int, list[Tenant]] = {}
    for tenant in chosen:
        by_cycle.setdefault(cycle_months(tenant), []).append(tenant)
    pending = []
    for months, members in sorted(by_cycle.items()):
        period = previous_period(today, months)
        due = period.end + timedelta(days=rules.EVALUATION_GRACE_DAYS)
        pending += [DueEvaluation(coop, period, due) for coop in _not_evaluated(members, period)]
    order = {tenant.pk: index for index, tenant in enumerate(chosen)}
    return sorted(pending, key=lambda asked: order[asked.cooperation.tenant_id])


def _not_evaluated(tenants: list[Tenant], period: Period) -> QuerySet[Cooperation]:
    running = PlanItem.objects.filter(
        cooperation=OuterRef("pk"), start_date__lte=period.end
    ).exclude(status=PlanItem.Status.CANCELLED)
    evaluated = Evaluation.objects.filter(cooperation=OuterRef("pk"), period_start=period.start)
    asked = EvaluationReminder.objects.filter(cooperation=OuterRef("pk"), period_start=period.start)
    return (
        Cooperation.objects.filter(tenant__in=tenants, state__in=workflow.SIGNED)
        .filter(Exists(running), ~Exists(evaluated), ~Exists(asked))
        .select_related("tenant", "owner")
        .order_by("pk")
    )


@transaction.atomic
def create_evaluation_reminder(due: DueEvaluation) -> EvaluationReminder | None:
    coop = due.cooperation
    try:
        with transaction.atomic():
            reminder = EvaluationReminder.objects.create(
                tenant_id=coop.tenant_id, cooperation=coop, period_start=due.period.start
            )
    except IntegrityError:
        return None
    assignee = responsible_person(coop)
    if assignee is None:
        raise Refused([_("Nobody in this government can be given the task.")])
    months = cycle_months(coop.tenant)
    title = _("Evaluate the implementation of %(title)s for %(period)s") % {
        "title": coop.title,
        "period": period_label(due.period, months),
    }
    reminder.task = create_task(
        coop.tenant,
        by=None,
        title=title[:250],
        assignee=assignee,
        due_date=due.due,
        cooperation=coop,
    )
    reminder.save(update_fields=["task"])
    return reminder


# --- The run ----------------------------------------------------------------------------------


def generate_due_obligations(
    today: date, *, tenants: Iterable[Tenant] | None = None, dry_run: bool = False
) -> Outcome:
    """Create every task due by `today` for recurring items and evaluation cycles, each once.

    Titles are written in the installation's language (they are stored text). A refusal (no one
    to assign) is reported in the outcome and the run goes on.
    """
    tenants = None if tenants is None else list(tenants)
    outcome = Outcome()
    with translation.override(django_settings.LANGUAGE_CODE):
        for due in pending_obligations(today, tenants):
            if dry_run or _made(outcome, due.item.activity, partial(create_obligation, due)):
                outcome.obligations.append(due)
        for asked in pending_evaluations(today, tenants):
            name = asked.cooperation.title
            if dry_run or _made(outcome, name, partial(create_evaluation_reminder, asked)):
                outcome.evaluations.append(asked)
    return outcome


def _made(outcome: Outcome, name: str, create: Callable[[], object | None]) -> bool:
    try:
        return create() is not None
    except Refused as refusal:
        outcome.refused.append((name, refusal.problems))
        return False
