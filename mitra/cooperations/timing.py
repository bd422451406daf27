"""How long cooperations spend in each state, and when they last showed activity (read-only).

Everything here is derived from the `CooperationEvent` log and the documents; nothing is written.
`last_activity` and `inactive_since` share one definition of "activity" (`activity_sources`), so
the detail page and `mitra advance` (which marks inactive cooperations dormant) agree. The apps
above this one (the follow-up log, progress on plans of action) report their activity through
the `Cooperation.last_activity_on` stamp (`services.note_activity`); nothing here imports them.
"""

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import (
    DateTimeField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.functions import Lead
from django.utils import timezone

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, CooperationEvent, Document
from mitra.tenancy.models import Tenant


@dataclass(frozen=True)
class StateSpan:
    """One stay in a state: entered at, left at (None while still there), whole days spent."""

    state: str
    entered_at: datetime
    left_at: datetime | None
    days: int


@dataclass(frozen=True)
class StepDuration:
    """Days spent in one state over a tenant's completed stays."""

    state: str
    count: int
    median_days: float
    max_days: int


def _spans(events: Iterable[tuple[str, datetime]], now: datetime) -> list[StateSpan]:
    # Each event starts a stay in its target; the next event ends it.
    ordered = list(events)
    spans = []
    for (state, entered), following in zip(ordered, [*ordered[1:], None], strict=True):
        left = following[1] if following else None
        spans.append(StateSpan(state, entered, left, ((left or now) - entered).days))
    return spans


def time_in_states(coop: Cooperation, now: datetime | None = None) -> list[StateSpan]:
    """Every stay of the cooperation in a state, oldest first; the last one is still open.
    What is recorded at a step without moving (an evaluation) neither ends nor splits a stay."""
    events = coop.events.moves().order_by("at", "pk").values_list("target", "at")
    return _spans(events, now or timezone.now())


@dataclass(frozen=True)
class StepTime:
    """How long the cooperation has been in its current state, against the expected duration."""

    days: int
    expected: int | None

    @property
    def overdue(self) -> int | None:
        if self.expected is None or self.days <= self.expected:
            return None
        return self.days - self.expected


def latest_move(events: Iterable[CooperationEvent]) -> CooperationEvent | None:
    """The latest of `events` (newest first, as a cooperation's history lists them) that moved
    the cooperation, or None."""
    return next((event for event in events if event.is_move), None)


def current_step_time(
    coop: Cooperation, today: date | None = None, latest: CooperationEvent | None = None
) -> StepTime | None:
    """None for a cooperation whose log does not record how it entered its current state.
    `latest` is its latest move (`latest_move`), when the caller has the history at hand."""
    last = latest if latest is not None else coop.events.moves().order_by("-at", "-pk").first()
    if last is None or last.target != coop.state:
        return None
    today = today or timezone.localdate()
    days = (today - timezone.localdate(last.at)).days
    return StepTime(days=days, expected=workflow.EXPECTED_DAYS.get(coop.state))


def current_step_overdue(coop: Cooperation, today: date | None = None) -> int | None:
    """Days beyond `workflow.EXPECTED_DAYS` spent in the current state; None if not overdue.

    None too for states without an expected duration (implementation, ended states) and for a
    cooperation whose log does not record how it entered its current state.
    """
    step = current_step_time(coop, today)
    return step.overdue if step is not None else None


def step_durations(tenant: Tenant) -> dict[str, StepDuration]:
    """Median and longest completed stay per state over the tenant's cooperations, in one query:
    each move carries how long the cooperation stayed in the state it entered (the time to its
    next move, a window over its history in the database).

    Stays still under way are left out: they have not ended, and the ended states never do.
    """
    left_at = Window(
        Lead("at"), partition_by=[F("cooperation_id")], order_by=[F("at").asc(), F("pk").asc()]
    )
    stays = (
        CooperationEvent.objects.filter(cooperation__tenant=tenant)
        .moves()
        .annotate(stay=ExpressionWrapper(left_at - F("at"), output_field=DurationField()))
        .order_by()
        .values_list("target", "stay")
    )
    days: dict[str, list[int]] = {}
    for state, stay in stays:
        if stay is not None:
            days.setdefault(state, []).append(stay.days)
    return {
        state: StepDuration(state, len(values), statistics.median(values), max(values))
        for state, values in sorted(days.items())
    }


# --- Activity --------------------------------------------------------------------------------


def activity_sources(cooperation: Any) -> list[tuple[QuerySet[Any], str]]:
    """What counts as activity of a cooperation: (rows, date or datetime field) pairs.

    `cooperation` is a Cooperation, a pk or an `OuterRef`: its state changes, the documents
    attached or signed, and the stamp of the latest meeting, visit, letter or call in the
    follow-up log or progress reported on its plan of action.
    """
    events = CooperationEvent.objects.filter(cooperation=cooperation)
    documents = Document.objects.filter(cooperation=cooperation)
    stamp = Cooperation.objects.filter(pk=getattr(cooperation, "pk", cooperation))
    return [
        (events, "at"),
        (documents, "created_at"),
        (documents, "date_signed"),
        (stamp, "last_activity_on"),
    ]


def _as_date(value: date | datetime) -> date:
    return timezone.localdate(value) if isinstance(value, datetime) else value


def last_activity(coop: Cooperation) -> date | None:
    """The day of the cooperation's latest activity (local time), None if it has none."""
    days = []
    for rows, field in activity_sources(coop):
        latest = rows.aggregate(latest=Max(field))["latest"]
        if latest is not None:
            days.append(_as_date(latest))
    return max(days, default=None)


def inactive_since(cooperations: QuerySet[Cooperation], day: date) -> QuerySet[Cooperation]:
    """The cooperations with no activity after `day` (local time), filtered in the database."""
    for rows, field in activity_sources(OuterRef("pk")):
        bound: date | datetime = day + timedelta(days=1)
        if isinstance(rows.model._meta.get_field(field), DateTimeField):
            bound = timezone.make_aware(datetime.combine(bound, time.min))
        cooperations = cooperations.filter(~Exists(rows.filter(**{f"{field}__gte": bound})))
    return cooperations


def annotate_last_activity(cooperations: QuerySet[Cooperation]) -> QuerySet[Cooperation]:
    """Each cooperation's latest activity per source as columns, in the same query; read them
    with `annotated_last_activity` (the same day `last_activity` computes in four queries)."""
    for index, (rows, field) in enumerate(activity_sources(OuterRef("pk"))):
        latest = rows.filter(**{f"{field}__isnull": False}).order_by(f"-{field}").values(field)
        cooperations = cooperations.annotate(**{f"latest_activity_{index}": Subquery(latest[:1])})
    return cooperations


def annotated_last_activity(coop: Cooperation) -> date | None:
    """`last_activity` of a cooperation loaded through `annotate_last_activity`."""
    sources = len(activity_sources(coop.pk))
    values = [getattr(coop, f"latest_activity_{index}") for index in range(sources)]
    return max((_as_date(value) for value in values if value is not None), default=None)
