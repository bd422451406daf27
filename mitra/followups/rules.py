"""The follow-up rules: what counts as follow-up, and every live cooperation has a next step.

Follow-up must not slip: a cooperation that is still under way needs either an open task or an
event scheduled for it, and something must have happened on it within the tenant's
`stale_after_days`. Both checks run in one query however many cooperations the tenant has.
Only the region's own activity is follow-up (`counts_as_follow_up`): a news report about a
cooperation is evidence of it, and moves none of its clocks.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mitra.cooperations import timing
from mitra.cooperations.models import Cooperation
from mitra.events.models import Event
from mitra.followups.models import Activity, Task
from mitra.lib.formatting import long_date
from mitra.tenancy.models import Tenant

# Activity kinds that record what others report about a cooperation, not what the region did.
EXTERNAL_EVIDENCE = frozenset({Activity.Kind.NEWS})


def counts_as_follow_up(kind: str) -> bool:
    """Whether an activity of `kind` is the region's own follow-up (a meeting, visit, letter,
    call, signing or report): only these stamp a cooperation's last activity, revive a dormant
    one and reset its stale clock. A news report is external evidence and does none of that."""
    return kind not in EXTERNAL_EVIDENCE


def follow_up_kinds() -> list[str]:
    """The activity kinds that count as follow-up, for filtering activities in queries."""
    return [kind for kind in Activity.Kind.values if counts_as_follow_up(kind)]


def held_by_today(day: date | None, today: date) -> list[str]:
    """An activity records something that took place: it cannot be dated after today (a meeting
    still to come is a task or an event)."""
    if day is not None and day > today:
        return [
            _(
                "An activity that took place cannot be dated in the future (%(date)s is after "
                "today); plan it as a task or an event instead."
            )
            % {"date": long_date(day)}
        ]
    return []


def due_once_given(due: date | None, given_on: date) -> list[str]:
    """A task is given on a day (today, or the day of the meeting that agreed it): it cannot
    fall due before that day. A task given late is due from now on, not years ago (a mistyped
    year would otherwise make it overdue for thousands of days)."""
    if due is not None and due < given_on:
        return [
            _(
                "A task cannot fall due before it is given (%(due)s is before %(given)s); "
                "set the day it is due from now on."
            )
            % {"due": long_date(due), "given": long_date(given_on)}
        ]
    return []


# Live (`CooperationQuerySet.live`) means still under way, dormant and renewal included:
# nothing follows up on rejected, withdrawn, terminated or expired cooperations.


@dataclass(frozen=True)
class FollowUpGap:
    """A live cooperation that needs follow-up, with every reason (translated)."""

    cooperation: Cooperation
    reasons: list[str]


def live_cooperations(tenant: Tenant) -> QuerySet[Cooperation]:
    return Cooperation.objects.for_tenant(tenant).live()


def with_follow_up_facts(cooperations: QuerySet[Cooperation], today: date) -> QuerySet[Cooperation]:
    """Whether each has a next step, and its latest activity per source, as columns: what
    `gaps_of` reads."""
    next_event = Event.objects.filter(cooperations=OuterRef("pk"), starts_on__gte=today)
    annotated = cooperations.annotate(
        has_open_task=Exists(Task.objects.open().filter(cooperation=OuterRef("pk"))),
        has_next_event=Exists(next_event),
    )
    for index, (rows, field) in enumerate(timing.activity_sources(OuterRef("pk"))):
        latest = rows.filter(**{f"{field}__isnull": False}).order_by(f"-{field}").values(field)
        annotated = annotated.annotate(**{f"latest_{index}": Subquery(latest[:1])})
    return annotated


def _last_activity(coop: Any, sources: int) -> date | None:
    days = []
    for index in range(sources):
        value: date | datetime | None = getattr(coop, f"latest_{index}")
        if value is not None:
            days.append(timezone.localdate(value) if isinstance(value, datetime) else value)
    return max(days, default=None)


def _reasons(coop: Any, tenant: Tenant, today: date, sources: int) -> list[str]:
    reasons = []
    if not coop.has_open_task and not coop.has_next_event:
        reasons.append(_("no open task or scheduled event"))
    last = _last_activity(coop, sources)
    if last is None:
        reasons.append(_("no activity recorded"))
    elif (today - last).days > tenant.stale_after_days:
        days = (today - last).days
        reasons.append(
            ngettext("no activity for %(days)d day", "no activity for %(days)d days", days)
            % {"days": days}
        )
    return reasons


def needing_follow_up(
    cooperations: QuerySet[Cooperation], tenant: Tenant, today: date
) -> QuerySet[Cooperation]:
    """Those of the tenant's `cooperations` that are live and need follow-up, filtered in the
    database (the rule of `_reasons`, in SQL) and annotated for `gaps_of`, in their order: a
    page of them, or the first few and their count, costs one query however many there are."""
    # Quiet for more than `stale_after_days`: no activity after this day (or none at all).
    quiet_since = today - timedelta(days=tenant.stale_after_days + 1)
    quiet = timing.inactive_since(Cooperation.objects.for_tenant(tenant), quiet_since)
    annotated = with_follow_up_facts(cooperations.filter(pk__in=Cooperation.objects.live()), today)
    return annotated.filter(
        Q(has_open_task=False, has_next_event=False) | Q(pk__in=quiet.values("pk"))
    )


def gaps_of(cooperations: Iterable[Any], tenant: Tenant, today: date) -> list[FollowUpGap]:
    """Each of `cooperations` (annotated by `needing_follow_up`) with its reasons."""
    sources = len(timing.activity_sources(OuterRef("pk")))
    gaps = []
    for coop in cooperations:
        reasons = _reasons(coop, tenant, today, sources)
        if reasons:
            gaps.append(FollowUpGap(coop, reasons))
    return gaps


def gaps_among(
    cooperations: QuerySet[Cooperation], tenant: Tenant, today: date | None = None
) -> list[FollowUpGap]:
    """The follow-up gaps of the given cooperations of `tenant`, in one query."""
    today = today or timezone.localdate()
    return gaps_of(needing_follow_up(cooperations, tenant, today), tenant, today)


def needs_follow_up(tenant: Tenant, today: date | None = None) -> list[FollowUpGap]:
    """Every live cooperation of the tenant without an open task or a future event, or without
    activity for more than `tenant.stale_after_days`; bounded queries, ordered by title."""
    return gaps_among(live_cooperations(tenant).order_by("title", "pk"), tenant, today)


def needs_follow_up_in(tenants: Sequence[Tenant], today: date) -> list[FollowUpGap]:
    """`needs_follow_up` of many tenants in one query, by tenant in pk order, then by title
    (the daily reminders). The database leaves out what the rule cannot flag with the shortest
    `stale_after_days` among them (each tenant's own is applied to the rest); the cooperations
    carry only what a reminder names (key, tenant, title, owner): at national scale there are
    82,000 live ones, and about one in ten needs follow-up."""
    by_pk = {tenant.pk: tenant for tenant in tenants}
    shortest = min((tenant.stale_after_days for tenant in tenants), default=0)
    # The tenants as a subquery the database reads once: a list of 552 keys would be compared
    # with each of the 100,000 cooperations (a third of this query's time).
    mine = Cooperation.objects.filter(tenant__in=Tenant.objects.filter(pk__in=list(by_pk)))
    quiet = timing.inactive_since(mine, today - timedelta(days=shortest + 1))
    live = mine.live().only("pk", "tenant_id", "title", "owner_id")
    candidates = with_follow_up_facts(live.order_by("tenant_id", "title", "pk"), today).filter(
        Q(has_open_task=False, has_next_event=False) | Q(pk__in=quiet.values("pk"))
    )
    sources = len(timing.activity_sources(OuterRef("pk")))
    gaps = []
    for coop in candidates:
        reasons = _reasons(coop, by_pk[coop.tenant_id], today, sources)
        if reasons:
            gaps.append(FollowUpGap(coop, reasons))
    return gaps
