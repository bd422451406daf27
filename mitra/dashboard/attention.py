"""What the leader asks of the dashboard beyond the counts (read-only): what is coming up and how
ready it is, what waits on Kemendagri and for how long, and which promises are at risk.

Each helper costs a fixed few queries whatever the number of events, requests or items.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from mitra.cooperations.models import Cooperation
from mitra.cooperations.transitions import guard_facts
from mitra.events.models import Event, PlannedSigning
from mitra.events.readiness import Readiness, readiness
from mitra.implementation.models import PlanItem
from mitra.implementation.progress import (
    ITEM_COLUMNS,
    LOADED_ITEMS,
    ItemFacts,
    ItemProgress,
    is_at_risk,
    item_facts,
    item_progress,
)
from mitra.implementation.queries import DormantRow, dormancy_facts
from mitra.lib.shortlist import Shortlist, first_rows
from mitra.reviews.models import ReviewRequest
from mitra.tenancy.models import Tenant

UPCOMING_DAYS = 90
UPCOMING_EVENTS = 3
SHOWN = 10  # rows a section lists before it says how many more there are


@dataclass(frozen=True)
class SigningCheck:
    signing: PlannedSigning
    readiness: Readiness


@dataclass(frozen=True)
class UpcomingEvent:
    """An event coming up, with each signing planned there and whether it could happen now."""

    event: Event
    days_away: int
    signings: list[SigningCheck]

    @property
    def ready(self) -> int:
        return sum(1 for check in self.signings if check.readiness.ready)

    @property
    def not_ready(self) -> list[SigningCheck]:
        return [check for check in self.signings if not check.readiness.ready]


def upcoming_events(
    tenant: Tenant, today: date, within_days: int = UPCOMING_DAYS
) -> list[UpcomingEvent]:
    """The tenant's next events within `within_days`, soonest first, with their planned
    signings' readiness (the events page's check), loaded in a fixed few queries."""
    signings = (
        PlannedSigning.objects.filter(status=PlannedSigning.Status.PLANNED)
        .select_related("cooperation")
        .prefetch_related(*guard_facts("cooperation__"))
    )
    events = (
        Event.objects.filter(
            tenant=tenant, starts_on__gte=today, starts_on__lte=today + timedelta(days=within_days)
        )
        .order_by("starts_on", "pk")
        .prefetch_related(Prefetch("signings", queryset=signings))[:UPCOMING_EVENTS]
    )
    return [
        UpcomingEvent(
            event,
            (event.starts_on - today).days,
            [
                SigningCheck(s, readiness(s.cooperation, s.document_kind))
                for s in event.signings.all()
            ],
        )
        for event in events
    ]


@dataclass(frozen=True)
class WaitingReview:
    """A request open at Kemendagri and the whole days it has waited."""

    review: ReviewRequest
    days: int


def waiting_reviews(tenant: Tenant) -> QuerySet[ReviewRequest]:
    """The tenant's requests waiting for the centre, the longest waiting first."""
    return (
        ReviewRequest.objects.waiting()
        .filter(tenant=tenant)
        .select_related("cooperation")
        .order_by("opened_at", "pk")
    )


def with_days_waited(reviews: Iterable[ReviewRequest], today: date) -> list[WaitingReview]:
    return [
        WaitingReview(r, max((today - timezone.localdate(r.opened_at)).days, 0)) for r in reviews
    ]


def waiting_at_centre(tenant: Tenant, today: date) -> Shortlist[WaitingReview]:
    """The first of the tenant's requests waiting for the centre, and how many; one query."""
    first = first_rows(waiting_reviews(tenant), SHOWN)
    return Shortlist(with_days_waited(first.rows, today), first.total)


@dataclass(frozen=True)
class PromiseAtRisk:
    """A plan-of-action item behind its target or its time, with the cooperation it belongs to."""

    cooperation: Cooperation
    progress: ItemProgress


@dataclass(frozen=True)
class Plans:
    """What the plans of action of the live cooperations say: the items at risk, and the
    dormant agreements with what they promised and still miss."""

    at_risk: Shortlist[PromiseAtRisk]
    dormant: Shortlist[DormantRow]


def plans(tenant: Tenant, today: date) -> Plans:
    """Items at risk (the implementation overview's rule) and dormant agreements, by title, over
    the live cooperations that are dormant or carry a plan; four queries whatever their number.
    Every item is judged from plain values (`ItemFacts`); model rows are made only of the rows
    shown, and only the dormant rows shown get their facts worked out."""
    with_plan = PlanItem.objects.filter(tenant=tenant).values("cooperation_id")
    chosen = (
        Cooperation.objects.for_tenant(tenant)
        .live()
        .filter(Q(state=Cooperation.State.DORMANT) | Q(pk__in=with_plan))
    )
    order: dict[int, str] = {}  # each chosen cooperation's state, by title
    rows = []
    joined = [f"plan_items__{column}" for column in ITEM_COLUMNS]
    items_in_order = [f"plan_items__{column}" for column in PlanItem._meta.ordering or ()]
    for pk, state, *row in chosen.order_by("title", "pk", *items_in_order).values_list(
        "pk", "state", *joined
    ):
        order[pk] = state
        if row[0] is not None:
            rows.append(row)
    facts = item_facts(rows, PlanItem.objects.filter(tenant=tenant, cooperation__in=chosen))
    by_cooperation: defaultdict[int, list[ItemFacts]] = defaultdict(list)
    for fact in facts:
        by_cooperation[fact.cooperation_id].append(fact)
    stale_days = tenant.stale_progress_days
    risky = [fact for fact in facts if is_at_risk(fact, today, stale_days)]
    dormant = [pk for pk, state in order.items() if state == Cooperation.State.DORMANT]
    shown_risky, shown_dormant = risky[:SHOWN], dormant[:SHOWN]
    cooperations = Cooperation.objects.in_bulk(
        {fact.cooperation_id for fact in shown_risky} | {*shown_dormant}
    )
    for pk in shown_dormant:
        setattr(cooperations[pk], LOADED_ITEMS, [f.as_item() for f in by_cooperation[pk]])
    at_risk = [
        PromiseAtRisk(
            cooperations[fact.cooperation_id], item_progress(fact.as_item(), today, stale_days)
        )
        for fact in shown_risky
    ]
    dormant_rows = [
        DormantRow(cooperations[pk], dormancy_facts(cooperations[pk], today=today))
        for pk in shown_dormant
    ]
    return Plans(Shortlist(at_risk, len(risky)), Shortlist(dormant_rows, len(dormant)))
