"""Each role's own question at the top of its home page (read-only).

- An officer: what do I do today? Their tasks overdue and due today, and the next steps of the
  cooperations they own that their role may take.
- The coordination team (TKKSD): what awaits our consideration? Cooperations at a step where
  the procedure gives the team a part, with no consideration recorded at that step yet.
"""

from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import or_

from django.contrib.auth.models import User
from django.db.models import Case, Exists, F, OuterRef, Q, QuerySet, Subquery, Value, When

from mitra.cooperations import workflow
from mitra.cooperations.models import Consideration, Cooperation, CooperationEvent
from mitra.followups.models import Task
from mitra.lib.deadlines import DueState, overdue_q
from mitra.lib.shortlist import Shortlist, first_rows, first_rows_by
from mitra.tenancy.models import Tenant

SHOWN = 10  # rows of each list before it says how many more there are


@dataclass(frozen=True)
class OwnStep:
    """A cooperation the user owns and the labels of the next steps their role may take."""

    cooperation: Cooperation
    steps: list[str]


@dataclass(frozen=True)
class MyDay:
    overdue: Shortlist[Task]
    due_today: Shortlist[Task]
    next_steps: Shortlist[OwnStep]

    @property
    def empty(self) -> bool:
        return not (self.overdue.total or self.due_today.total or self.next_steps.total)


def _own(transition: workflow.Transition, role: str) -> bool:
    """A main step of `role`'s own: not a side action, and not one the centre takes part in."""
    return (
        role in transition.roles and not transition.side and not transition.roles & workflow.CENTRE
    )


def _steps(coop: Cooperation, role: str) -> list[str]:
    return [str(t.label) for t in workflow.transitions_from(coop) if _own(t, role)]


def _with_own_steps(role: str) -> Q:
    """The cooperations from which `role` has a main step of its own: each such step's state,
    kinds and procedure orders from the table, as one filter (`_steps` of every row it keeps
    is not empty)."""
    return reduce(
        or_,
        (
            Q(state=t.source, kind__in=t.kinds, procedure_order__in=t.orders)
            for t in workflow.TRANSITIONS
            if _own(t, role)
        ),
        Q(pk__in=[]),
    )


def my_day(tenant: Tenant, user: User, role: str, today: date) -> MyDay:
    """The user's open tasks overdue and due today (the first few of each, and how many) and
    their own cooperations' next steps; two queries however many there are."""
    tasks = (
        Task.objects.open()
        .filter(tenant=tenant, assignee=user, due_date__lte=today)
        .select_related("cooperation")
    )
    late = Case(
        When(overdue_q("due_date", today), then=Value(DueState.OVERDUE.value)),
        default=Value(DueState.TODAY.value),
    )
    due = first_rows_by(tasks, SHOWN, late, ["due_date", "-priority", "pk"])
    owned = first_rows(
        Cooperation.objects.for_tenant(tenant)
        .live()
        .filter(_with_own_steps(role), owner=user)
        .order_by("title", "pk"),
        SHOWN,
    )
    steps = [OwnStep(coop, _steps(coop, role)) for coop in owned.rows]
    return MyDay(
        overdue=due.get(DueState.OVERDUE.value, Shortlist([], 0)),
        due_today=due.get(DueState.TODAY.value, Shortlist([], 0)),
        next_steps=Shortlist(steps, owned.total),
    )


def awaiting_consideration(tenant: Tenant) -> Shortlist[Cooperation]:
    """The first few cooperations awaiting the team's consideration, and how many; one query."""
    return first_rows(awaiting_consideration_all(tenant), SHOWN)


def awaiting_consideration_all(tenant: Tenant) -> QuerySet[Cooperation]:
    """Live cooperations at one of the team's steps without its consideration of that step,
    each with when it entered the step (`entered_at`), the longest waiting first."""
    considered = Consideration.objects.filter(cooperation=OuterRef("pk"), state=OuterRef("state"))
    entered = CooperationEvent.objects.filter(
        cooperation=OuterRef("pk"), target=OuterRef("state")
    ).order_by("-at", "-pk")
    return (
        Cooperation.objects.for_tenant(tenant)
        .live()
        .filter(state__in=workflow.TEAM_STEPS)
        .exclude(Exists(considered))
        .annotate(entered_at=Subquery(entered.values("at")[:1]))
        .order_by(F("entered_at").asc(nulls_first=True), "updated_at", "pk")
    )
