"""Read-only views of the follow-up log: last contact, and a person's tasks by due date."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.utils.translation import gettext as _

from mitra.cooperations.models import Cooperation
from mitra.followups.models import Activity, Task
from mitra.followups.rules import follow_up_kinds
from mitra.lib.deadlines import DueState, due_status
from mitra.partners.models import Partner


def _owner_field(model: type[Model]) -> str:
    return "cooperation" if issubclass(model, Cooperation) else "partner"


def _contacts(**owner: Any) -> QuerySet[Activity]:
    # A news report is evidence, not contact: only the region's own follow-up counts.
    return Activity.objects.filter(kind__in=follow_up_kinds(), **owner)


def with_last_contact[M: Model](queryset: QuerySet[M, Any]) -> QuerySet[M, Any]:
    """Cooperations or partners annotated with `last_contact`: the date of the latest activity
    that counts as follow-up."""
    rows = _contacts(**{_owner_field(queryset.model): OuterRef("pk")})
    latest = Subquery(rows.order_by("-date").values("date")[:1])
    return cast("QuerySet[M, Any]", queryset.annotate(last_contact=latest))


def last_contact(subject: Cooperation | Partner) -> date | None:
    """The date of the latest follow-up logged on the cooperation or with the partner."""
    rows = _contacts(**{_owner_field(type(subject)): subject})
    return rows.order_by("-date").values_list("date", flat=True).first()


@dataclass(frozen=True)
class TaskGroup:
    """Tasks due in one period, for the person's list."""

    key: str
    label: str
    tasks: list[Task]


GROUP_OF_STATE: dict[DueState, str] = {
    DueState.OVERDUE: "overdue",
    DueState.TODAY: "today",
    DueState.SOON: "week",
    DueState.LATER: "later",
}


def group_by_due(tasks: Iterable[Task], today: date) -> list[TaskGroup]:
    """Overdue, today, the next seven days, later (`mitra.lib.deadlines`): in that order, each
    by due date."""
    buckets: dict[str, list[Task]] = {"overdue": [], "today": [], "week": [], "later": []}
    for task in tasks:
        state = due_status(task.due_date, today, soon_days=7).state
        buckets[GROUP_OF_STATE[state]].append(task)
    labels = {
        "overdue": _("Overdue"),
        "today": _("Due today"),
        "week": _("In the next seven days"),
        "later": _("Later"),
    }
    return [TaskGroup(key, labels[key], rows) for key, rows in buckets.items()]
