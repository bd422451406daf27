"""Read-only figures for a tenant's dashboard; each helper costs a fixed few queries whatever the
size of the tenant, and each list that grows with it is cut to its first rows.

Live cooperations are `Cooperation.objects.live()`: still going, dormant and on hold included;
the charts show them all. The headline counts only those under way
(`Cooperation.objects.under_way()`: neither dormant nor on hold) and says how many stand still. Figures other apps need too live
with their data: steps and expiring documents in `cooperations.queries`, dormant agreements in
`implementation.queries`.
"""

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.models import User
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils.translation import get_language, gettext

from mitra.cooperations import rules, workflow
from mitra.cooperations.filters import LIVE, UNDER_WAY
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.queries import StepRow, Tally, expiring_documents, step_rows
from mitra.dashboard import attention, mine
from mitra.followups.models import Task
from mitra.followups.rules import FollowUpGap, gaps_of, live_cooperations, needing_follow_up
from mitra.implementation.queries import DormantRow
from mitra.lib.shortlist import Shortlist, first_rows
from mitra.lib.tenant_changes import remembered
from mitra.partners.models import Country, Partner
from mitra.tenancy.models import WRITE_ROLES, Tenant

TOP = 5  # cooperations needing follow-up and overdue tasks shown on the dashboard
SHOWN = attention.SHOWN  # rows of the other growing sections


def _list_of(**filters: str) -> str:
    return f"{reverse('cooperations:list')}?{urlencode(filters)}"


def live_tallies(tenant: Tenant) -> tuple[list[Tally], list[Tally]]:
    """Live cooperations by state (procedure order) and by kind, from one grouped query."""
    rows = live_cooperations(tenant).order_by().values_list("state", "kind").annotate(n=Count("pk"))
    states: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for state, kind, n in rows:
        states[state] += n
        kinds[kind] += n
    by_state = [
        Tally(s.value, str(s.label), states[s], _list_of(state=s.value))
        for s in Cooperation.State
        if states[s]
    ]
    by_kind = [
        Tally(
            k.value,
            workflow.abbreviation(k),
            kinds[k],
            _list_of(kind=k.value, state=LIVE),
            workflow.kind_description(k),
        )
        for k in Cooperation.Kind
        if kinds[k]
    ]
    return by_state, by_kind


def overdue_tasks(tenant: Tenant, today: date) -> QuerySet[Task]:
    """The tenant's open tasks past their due date, the oldest first."""
    return (
        Task.objects.overdue(today)
        .filter(tenant=tenant)
        .select_related("cooperation", "assignee")
        .order_by("due_date", "-priority", "pk")
    )


def _list_url(country: str) -> str:
    return f"{reverse('cooperations:list')}?country={country}"


def partner_countries(tenant: Tenant) -> list[dict[str, Any]]:
    """Countries of the tenant's partners with the number of the tenant's cooperations there."""
    countries = (
        Country.objects.filter(partners__tenant=tenant, partners__cooperations__tenant=tenant)
        .annotate(cooperations=Count("partners__cooperations", distinct=True))
        .order_by("code")
    )
    return [
        {
            "code": c.code,
            "numeric": c.numeric,
            "name": c.name,
            "count": c.cooperations,
            "url": _list_url(c.code),
        }
        for c in countries
    ]


def _marker(partner: Any, latitude: float, longitude: float) -> dict[str, Any]:
    return {
        "name": partner.name,
        "lat": latitude,
        "lon": longitude,
        "count": partner.cooperations_count,
        "url": partner.get_absolute_url(),
    }


def partner_places(tenant: Tenant) -> list[dict[str, Any]]:
    """Foreign partners with a place in the gazetteer, as map markers."""
    partners = (
        Partner.objects.for_tenant(tenant)
        .filter(place__isnull=False)
        .select_related("place")
        .annotate(cooperations_count=Count("cooperations"))
        .order_by("name")
    )
    return [_marker(p, p.place.latitude, p.place.longitude) for p in partners if p.place]


def partner_regions(tenant: Tenant) -> list[dict[str, Any]]:
    """Indonesian region partners whose region has coordinates, as map markers."""
    partners = (
        Partner.objects.for_tenant(tenant)
        .filter(
            kind=Partner.Kind.INDONESIAN_REGION,
            region__latitude__isnull=False,
            region__longitude__isnull=False,
        )
        .select_related("region")
        .annotate(cooperations_count=Count("cooperations"))
        .order_by("name")
    )
    return [
        _marker(p, p.region.latitude, p.region.longitude)
        for p in partners
        if p.region and p.region.latitude is not None and p.region.longitude is not None
    ]


def partner_map(tenant: Tenant) -> dict[str, list[dict[str, Any]]]:
    """What the partner map draws: countries shaded by cooperations, partner places and
    Indonesian partner regions as markers; three queries."""
    return {
        "countries": partner_countries(tenant),
        "places": partner_places(tenant),
        "regions": partner_regions(tenant),
    }


def _chart(tallies: list[Tally]) -> dict[str, list[Any]]:
    return {
        "labels": [f"{t.label} ({t.count})" for t in tallies],
        "counts": [t.count for t in tallies],
        "urls": [t.url for t in tallies],
    }


def charts(tenant: Tenant) -> dict[str, Any]:
    """What the two charts draw: live cooperations by state and by kind, each segment with the
    list of its rows; one query. The page shows the same numbers in its legend tables."""
    by_state, by_kind = live_tallies(tenant)
    return {
        "byState": _chart(by_state),
        "byKind": _chart(by_kind),
        "text": {"cooperations": gettext("Cooperations")},
    }


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard page shows for one tenant on one day. Each list that grows with
    the tenant is a `Shortlist`: its first rows and how many there are; the charts and the map
    are fetched apart (`charts`, `partner_map`)."""

    by_state: list[Tally]
    by_kind: list[Tally]
    follow_up: Shortlist[FollowUpGap]
    overdue: Shortlist[Task]
    expiring: Shortlist[Document]
    expiry_days: int  # how far ahead `expiring` looks: the tenant's notice
    steps: list[StepRow]
    dormant: Shortlist[DormantRow]
    upcoming: list[attention.UpcomingEvent]
    waiting: Shortlist[attention.WaitingReview]
    at_risk: Shortlist[attention.PromiseAtRisk]
    my_day: mine.MyDay | None = None
    awaiting: Shortlist[Cooperation] | None = None

    @property
    def live_count(self) -> int:
        return sum(t.count for t in self.by_state)

    def _count_in(self, state: str) -> int:
        return sum(t.count for t in self.by_state if t.value == state)

    @property
    def dormant_count(self) -> int:
        return self._count_in(Cooperation.State.DORMANT)

    @property
    def on_hold_count(self) -> int:
        return self._count_in(Cooperation.State.ON_HOLD_CENTRAL_REVIEW)

    @property
    def under_way_count(self) -> int:
        """Live and neither dormant nor on hold: the ones actually moving, the headline."""
        return sum(t.count for t in self.by_state if t.value not in workflow.PAUSED)

    @property
    def live_url(self) -> str:
        return _list_of(state=LIVE)

    @property
    def under_way_url(self) -> str:
        return _list_of(state=UNDER_WAY)

    @property
    def dormant_url(self) -> str:
        return _list_of(state=Cooperation.State.DORMANT)


def _follow_up(tenant: Tenant, today: date) -> Shortlist[FollowUpGap]:
    """The first cooperations needing follow-up and how many there are, in one query."""
    first = first_rows(
        needing_follow_up(live_cooperations(tenant).order_by("title", "pk"), tenant, today), TOP
    )
    return Shortlist(gaps_of(first.rows, tenant, today), first.total)


def dashboard(
    tenant: Tenant, today: date, *, user: User | None = None, role: str = ""
) -> Dashboard:
    """The tenant's dashboard in a fixed number of queries, whatever the size of the tenant;
    with the user and their role, the part of it that answers that role's own question (an
    officer's day, the team's queue). Both are kept in the process until the tenant's data
    changes (`lib.tenant_changes`), the officer's day for each officer."""
    team = role in workflow.TEAM
    key = ("dashboard", today, get_language(), team)
    board = remembered(tenant, key, lambda: _tenant_board(tenant, today, team=team))
    if user is not None and role in WRITE_ROLES:
        own = ("my day", user.pk, role, today, get_language())
        return replace(
            board, my_day=remembered(tenant, own, lambda: mine.my_day(tenant, user, role, today))
        )
    return board


def _tenant_board(tenant: Tenant, today: date, *, team: bool) -> Dashboard:
    """What every member of the tenant sees, the team's queue for the team."""
    by_state, by_kind = live_tallies(tenant)
    lead_days = rules.expiry_lead_days(tenant)
    plans = attention.plans(tenant, today)
    return Dashboard(
        by_state=by_state,
        by_kind=by_kind,
        follow_up=_follow_up(tenant, today),
        overdue=first_rows(overdue_tasks(tenant, today), TOP),
        expiring=first_rows(expiring_documents(tenant, today, lead_days), SHOWN),
        expiry_days=lead_days,
        steps=step_rows(tenant),
        dormant=plans.dormant,
        upcoming=attention.upcoming_events(tenant, today),
        waiting=attention.waiting_at_centre(tenant, today),
        at_risk=plans.at_risk,
        awaiting=mine.awaiting_consideration(tenant) if team else None,
    )
