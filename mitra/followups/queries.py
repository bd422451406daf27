"""Read-only views of the follow-up log: last contact, and a person's tasks by due date."""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, cast

from django.db.models import Case, Model, OuterRef, QuerySet, Subquery, Value, When
from django.utils.translation import gettext as _

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.followups.models import Activity, Task
from mitra.followups.rules import follow_up_kinds, gaps_of, with_follow_up_facts
from mitra.lib.deadlines import SOON_DAYS, DueState, overdue_q
from mitra.lib.shortlist import Shortlist, first_rows_by
from mitra.partners.models import Partner

GROUP_SIZE = 15  # tasks a period of a person's list shows; the rest are counted


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


@lru_cache(maxsize=2)
def _follow_up_facts(today: date) -> QuerySet[Cooperation, Any]:
    """Every cooperation with its follow-up facts and last contact on `today`, built once per
    process and day and narrowed to one cooperation for each page: building the annotations'
    subqueries was a third of the time of reading them. Never evaluated itself."""
    return with_last_contact(with_follow_up_facts(Cooperation.objects.all(), today))


def cooperation_follow_up(coop: Cooperation, today: date) -> tuple[list[str], date | None]:
    """Why the cooperation needs follow-up (nothing for one that is fine or has ended) and its
    last contact, in one query."""
    row = _follow_up_facts(today).filter(pk=coop.pk).get()
    gaps = gaps_of([row], coop.tenant, today) if workflow.STATES[coop.state].live else []
    return (gaps[0].reasons if gaps else []), row.last_contact


def last_contact(subject: Cooperation | Partner) -> date | None:
    """The date of the latest follow-up logged on the cooperation or with the partner."""
    rows = _contacts(**{_owner_field(type(subject)): subject})
    return rows.order_by("-date").values_list("date", flat=True).first()


@dataclass(frozen=True)
class TaskGroup:
    """Tasks due in one period, for the person's list: the first ones and how many in all."""

    key: str
    label: str
    tasks: list[Task]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.tasks)


GROUP_OF_STATE: dict[DueState, str] = {
    DueState.OVERDUE: "overdue",
    DueState.TODAY: "today",
    DueState.SOON: "week",
    DueState.LATER: "later",
}


def _labels() -> dict[str, str]:
    return {
        "overdue": _("Overdue"),
        "today": _("Due today"),
        "week": _("In the next seven days"),
        "later": _("Later"),
    }


def group_by_due(tasks: QuerySet[Task], today: date, size: int = GROUP_SIZE) -> list[TaskGroup]:
    """Overdue, today, the next seven days, later (`mitra.lib.deadlines`, in SQL): in that
    order, each by due date, each with its first `size` tasks and its count; one query however
    many tasks there are."""
    period = Case(
        When(overdue_q("due_date", today), then=Value(GROUP_OF_STATE[DueState.OVERDUE])),
        When(due_date=today, then=Value(GROUP_OF_STATE[DueState.TODAY])),
        When(
            due_date__lte=today + timedelta(days=SOON_DAYS),
            then=Value(GROUP_OF_STATE[DueState.SOON]),
        ),
        default=Value(GROUP_OF_STATE[DueState.LATER]),
    )
    first = first_rows_by(tasks, size, period, ["due_date", "-priority", "pk"])
    return [
        TaskGroup(key, label, (group := first.get(key, Shortlist([], 0))).rows, group.total)
        for key, label in _labels().items()
    ]
