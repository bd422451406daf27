"""Each role's own question at the top of its home page (read-only).

- An officer: what do I do today? Their tasks overdue and due today, and the next steps of the
  cooperations they own that their role may take.
- The coordination team (TKKSD): what awaits our consideration? Cooperations at a step where
  the procedure gives the team a part, with no consideration recorded at that step yet.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef

from mitra.cooperations import workflow
from mitra.cooperations.models import Consideration, Cooperation
from mitra.followups.models import Task
from mitra.lib.deadlines import DueState, due_status
from mitra.tenancy.models import Tenant


@dataclass(frozen=True)
class OwnStep:
    """A cooperation the user owns and the labels of the next steps their role may take."""

    cooperation: Cooperation
    steps: list[str]


@dataclass(frozen=True)
class MyDay:
    overdue: list[Task]
    due_today: list[Task]
    next_steps: list[OwnStep]

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.due_today or self.next_steps)


def _steps(coop: Cooperation, role: str) -> list[str]:
    return [
        str(t.label)
        for t in workflow.transitions_from(coop)
        if role in t.roles and not t.side and not t.roles & workflow.CENTRE
    ]


def my_day(tenant: Tenant, user: User, role: str, today: date) -> MyDay:
    """The user's open tasks due by today and their own cooperations' next steps; two queries."""
    tasks = list(
        Task.objects.open()
        .filter(tenant=tenant, assignee=user, due_date__lte=today)
        .select_related("cooperation")
        .order_by("due_date", "-priority", "pk")
    )
    owned = Cooperation.objects.for_tenant(tenant).live().filter(owner=user).order_by("title", "pk")
    steps = [OwnStep(coop, labels) for coop in owned if (labels := _steps(coop, role))]
    states = {t.pk: due_status(t.due_date, today).state for t in tasks}
    return MyDay(
        overdue=[t for t in tasks if states[t.pk] == DueState.OVERDUE],
        due_today=[t for t in tasks if states[t.pk] == DueState.TODAY],
        next_steps=steps,
    )


def awaiting_consideration(tenant: Tenant) -> list[Cooperation]:
    """Live cooperations at one of the team's steps without its consideration of that step,
    the longest untouched first; one query."""
    considered = Consideration.objects.filter(cooperation=OuterRef("pk"), state=OuterRef("state"))
    return list(
        Cooperation.objects.for_tenant(tenant)
        .live()
        .filter(state__in=workflow.TEAM_STEPS)
        .exclude(Exists(considered))
        .order_by("updated_at", "pk")
    )
