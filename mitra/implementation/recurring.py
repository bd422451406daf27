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

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Self

from django.conf import settings as django_settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import TruncDate
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.events.models import Event
from mitra.events.services import create_event
from mitra.followups.models import Task
from mitra.followups.services import NewTask, create_tasks
from mitra.implementation import rules
from mitra.implementation.formatting import period_label
from mitra.implementation.models import Evaluation, EvaluationReminder, Obligation, PlanItem
from mitra.implementation.periods import Period, periods_overlapping, previous_period
from mitra.implementation.queries import cycle_months
from mitra.lib.keys import reserve_ids
from mitra.lib.refusal import Refused
from mitra.tenancy.models import Membership, Tenant

BATCH = 500  # periods created in one transaction
NOBODY = gettext_noop("Nobody in this government can be given the task.")
FALLBACK_ROLES = (Membership.Role.COOPERATION_OFFICER, Membership.Role.TENANT_ADMIN)


@dataclass
class Assignees:
    """Who gets generated tasks in many tenants, from one query of their memberships: the
    preferred person or else the cooperation's owner while a member, else the tenant's first
    cooperation officer, else its first administrator (`services.responsible_person`)."""

    members: dict[int, set[int]]
    fallback: dict[int, int]

    @classmethod
    def of(cls, tenant_ids: Iterable[int]) -> Self:
        people = cls({}, {})
        rows = Membership.objects.filter(tenant_id__in=set(tenant_ids)).order_by("pk")
        firsts: dict[tuple[int, str], int] = {}
        for tenant_id, user_id, role in rows.values_list("tenant_id", "user_id", "role"):
            people.members.setdefault(tenant_id, set()).add(user_id)
            firsts.setdefault((tenant_id, role), user_id)
        for tenant_id in people.members:
            found = (firsts.get((tenant_id, role)) for role in FALLBACK_ROLES)
            first = next((user for user in found if user is not None), None)
            if first is not None:
                people.fallback[tenant_id] = first
        return people

    def pick(self, tenant_id: int, *candidates: int | None) -> int | None:
        mine = self.members.get(tenant_id, set())
        chosen = next((c for c in candidates if c is not None and c in mine), None)
        return chosen if chosen is not None else self.fallback.get(tenant_id)


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


@dataclass(frozen=True)
class ItemDates:
    """What decides a recurring item's periods: read as plain values, not models, for every
    open recurring item (tens of thousands at national scale, nearly all with their tasks)."""

    recurrence: str
    start_date: date
    end: date | None  # the last day of its obligations: its own end, else its agreement's
    recorded: date  # the day the item was recorded, local time


def due_periods(item: ItemDates, today: date) -> list[tuple[Period, date]]:
    """The periods of a recurring item opened by `today`, due no earlier than it was recorded,
    each with its due date."""
    months = rules.RECURRENCE_MONTHS.get(PlanItem.Recurrence(item.recurrence))
    end = item.end
    last = today if end is None else min(today, end)
    if months is None or last < item.start_date:
        return []
    due = []
    for period in periods_overlapping(item.start_date, last, months):
        day = period.clipped(item.start_date, end).end
        if day >= item.recorded:
            due.append((period, day))
    return due


def _recurring_items(tenants: Iterable[Tenant] | None) -> QuerySet[PlanItem]:
    items = (
        PlanItem.objects.exclude(recurrence=PlanItem.Recurrence.NONE)
        .filter(status__in=[PlanItem.Status.PLANNED, PlanItem.Status.IN_PROGRESS])
        .exclude(cooperation__state__in=rules.ENDED_STATES)
        .order_by("tenant_id", "pk")
    )
    return items if tenants is None else items.filter(tenant__in=list(tenants))


DATE_COLUMNS = ("pk", "recurrence", "start_date", "end_date", "document__valid_until", "recorded")


def pending_obligations(
    today: date, tenants: Iterable[Tenant] | None = None
) -> list[DueObligation]:
    """Every period of every open recurring item that is due a task and has none yet.

    The periods are worked out from the items' dates alone; only the items with a period
    missing are then read whole (none on most days)."""
    recurring = _recurring_items(tenants)
    made = set(
        Obligation.objects.filter(item__in=recurring.values("pk")).values_list(
            "item_id", "period_start"
        )
    )
    missing: dict[int, list[tuple[Period, date]]] = {}
    # The day each was recorded, in the active time zone (`localdate`), from the database.
    rows = recurring.annotate(recorded=TruncDate("created_at")).values_list(*DATE_COLUMNS)
    for pk, recurrence, start, end, valid_until, recorded in rows:
        dates = ItemDates(recurrence, start, end or valid_until, recorded)
        periods = [due for due in due_periods(dates, today) if (pk, due[0].start) not in made]
        if periods:
            missing[pk] = periods
    if not missing:
        return []
    # What a task needs of its item: its agreement's end and its cooperation's title (the
    # people by key, the tenant for an event only).
    items = recurring.filter(pk__in=list(missing)).select_related("document", "cooperation")
    return [DueObligation(item, period, day) for item in items for period, day in missing[item.pk]]


def _obligation_title(due: DueObligation) -> str:
    months = rules.RECURRENCE_MONTHS[PlanItem.Recurrence(due.item.recurrence)]
    return _("%(activity)s (%(period)s)") % {
        "activity": due.item.activity,
        "period": period_label(due.period, months),
    }


def _create_obligations(batch: Sequence[DueObligation], outcome: Outcome) -> None:
    """The tasks (and events) of a batch of periods, in one transaction; the periods a concurrent
    run made first are left to it, those with nobody to assign are reported."""
    people = Assignees.of({due.item.tenant_id for due in batch})
    chosen = []
    for due in batch:
        item = due.item
        person = people.pick(item.tenant_id, item.assignee_id, item.cooperation.owner_id)
        if person is None:
            outcome.refused.append((item.activity, [_(NOBODY)]))
        else:
            chosen.append((due, person))
    # Each row carries its task's key from the start (the task is written next, in the same
    # transaction; the foreign key is checked at commit): no second pass to link them.
    task_ids = reserve_ids(Task, len(chosen))
    rows = [
        Obligation(
            pk=pk,
            tenant_id=due.item.tenant_id,
            item=due.item,
            period_start=due.period.start,
            period_end=due.period.end,
            due_date=due.due,
            task_id=task_id,
        )
        for (due, _person), pk, task_id in zip(
            chosen, reserve_ids(Obligation, len(chosen)), task_ids, strict=True
        )
    ]
    made = _inserted(Obligation, rows)
    mine = [
        (row, due, person) for row, (due, person) in zip(rows, chosen, strict=True) if made[row.pk]
    ]
    create_tasks(
        [
            NewTask(
                row.tenant_id,
                _obligation_title(due)[:250],
                person,
                due.due,
                due.item.cooperation,
                pk=row.task_id,
            )
            for row, due, person in mine
        ],
        by=None,
    )
    with_event = [
        (row, due) for row, due, _person in mine if due.item.generates == PlanItem.Generates.EVENT
    ]
    for row, due in with_event:
        row.event = _obligation_event(due)
    Obligation.objects.bulk_update([row for row, _due in with_event], ["event"])
    outcome.obligations += [due for _row, due, _person in mine]


def _obligation_event(due: DueObligation) -> Event:
    item = due.item
    return create_event(
        item.tenant,
        by=None,
        name=_obligation_title(due)[:250],
        starts_on=due.due,
        description=_(
            "Recurring obligation of the plan of action of %(title)s. The date is the "
            "latest it may take place; change it to the agreed date."
        )
        % {"title": item.cooperation.title},
    )


def _inserted(
    model: type[Obligation] | type[EvaluationReminder], rows: Sequence[Any]
) -> dict[int, bool]:
    """Insert `rows` (their keys reserved) but those another run wrote first (the unique rule
    per period skips them); by key, whether this run wrote the row."""
    model.objects.bulk_create(rows, ignore_conflicts=True)
    written = set(
        model.objects.filter(pk__in=[row.pk for row in rows]).values_list("pk", flat=True)
    )
    return {row.pk: row.pk in written for row in rows}


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
        .select_related("tenant")
        .order_by("pk")
    )


def create_evaluation_reminder(due: DueEvaluation) -> EvaluationReminder | None:
    """The task of one evaluation due (a batch of one); None when a concurrent run asked first,
    a refusal when nobody in the government can be given it."""
    outcome = Outcome()
    with transaction.atomic():
        made = _create_evaluation_tasks([due], outcome)
    if outcome.refused:
        raise Refused(outcome.refused[0][1])
    return made[0] if made else None


def _create_evaluation_tasks(
    batch: Sequence[DueEvaluation], outcome: Outcome
) -> list[EvaluationReminder]:
    """The evaluation tasks of a batch of cooperations, the way `_create_obligations` works;
    the rows this run made."""
    people = Assignees.of({asked.cooperation.tenant_id for asked in batch})
    chosen = []
    for asked in batch:
        coop = asked.cooperation
        person = people.pick(coop.tenant_id, coop.owner_id)
        if person is None:
            outcome.refused.append((coop.title, [_(NOBODY)]))
        else:
            chosen.append((asked, person))
    rows = [
        EvaluationReminder(
            pk=pk,
            tenant_id=asked.cooperation.tenant_id,
            cooperation=asked.cooperation,
            period_start=asked.period.start,
            task_id=task_id,  # written next, as `_create_obligations` does
        )
        for (asked, _person), pk, task_id in zip(
            chosen,
            reserve_ids(EvaluationReminder, len(chosen)),
            reserve_ids(Task, len(chosen)),
            strict=True,
        )
    ]
    made = _inserted(EvaluationReminder, rows)
    mine = [
        (row, asked, person)
        for row, (asked, person) in zip(rows, chosen, strict=True)
        if made[row.pk]
    ]
    create_tasks(
        [
            NewTask(
                row.tenant_id,
                _evaluation_title(asked)[:250],
                person,
                asked.due,
                asked.cooperation,
                pk=row.task_id,
            )
            for row, asked, person in mine
        ],
        by=None,
    )
    outcome.evaluations += [asked for _row, asked, _person in mine]
    return [row for row, _asked, _person in mine]


def _evaluation_title(asked: DueEvaluation) -> str:
    coop = asked.cooperation
    return _("Evaluate the implementation of %(title)s for %(period)s") % {
        "title": coop.title,
        "period": period_label(asked.period, cycle_months(coop.tenant)),
    }


# --- The run ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """What a run on a day has to create: periods of recurring items, evaluations."""

    obligations: list[DueObligation]
    evaluations: list[DueEvaluation]

    def __len__(self) -> int:
        return len(self.obligations) + len(self.evaluations)


def find_due(today: date, tenants: Iterable[Tenant] | None = None) -> Found:
    """Every period and evaluation due by `today` that has no task yet (nothing written)."""
    chosen = None if tenants is None else list(tenants)
    return Found(pending_obligations(today, chosen), pending_evaluations(today, chosen))


def create_due(found: Found, progress: Callable[[int], object] | None = None) -> Outcome:
    """Create the tasks of what `find_due` found, each once, in batches of `BATCH`: each batch
    one transaction of a fixed number of queries, however many tenants it spans. Titles are
    written in the installation's language (they are stored text). A period with nobody to
    assign is reported in the outcome and the run goes on. `progress` is told how many periods
    each batch handled."""
    outcome = Outcome()
    batches: list[tuple[Callable[[Sequence[Any], Outcome], object], Sequence[Any]]] = [
        *[(_create_obligations, batch) for batch in itertools.batched(found.obligations, BATCH)],
        *[
            (_create_evaluation_tasks, batch)
            for batch in itertools.batched(found.evaluations, BATCH)
        ],
    ]
    with translation.override(django_settings.LANGUAGE_CODE):
        for create, batch in batches:
            try:
                with transaction.atomic():
                    create(batch, outcome)
            except Refused as refusal:  # say, an assignee left the tenant meanwhile
                outcome.refused.append(
                    (
                        ngettext("%(count)d task", "%(count)d tasks", len(batch))
                        % {"count": len(batch)},
                        refusal.problems,
                    )
                )
            if progress:
                progress(len(batch))
    return outcome


def generate_due_obligations(
    today: date, *, tenants: Iterable[Tenant] | None = None, dry_run: bool = False
) -> Outcome:
    """`find_due`, then (unless `dry_run`) `create_due`: every task due by `today`, each once."""
    found = find_due(today, tenants)
    if dry_run:
        return Outcome(obligations=found.obligations, evaluations=found.evaluations)
    return create_due(found)
