"""The report page's figures, counted by the database: the summaries, the follow-up health and
one page of the register, without building the whole register (read-only).

`queries.build_report` builds every row of the register, as the PDF, the XLSX and the API need
it: for a big city two thousand rows with their partners, sectors and agreements (1.5 s at
national size), of which the page showed twenty-five. The page reads instead, in a fixed
number of queries:

- the period's cooperations as keys (key, kind, title, state now and at the end of the period,
  whether a sector and a partner country are recorded): their number, the counts by state and
  by kind, the live ones, and the register's order (`queries.register_order`, applied here in
  Python so that it is the register's own, whatever the database's collation);
- the sectors and the partner countries, counted per label by the database;
- the rows of the page of the register asked for (`queries.register_rows`), numbered as in the
  whole register;
- the cooperations needing follow-up: how many, and the first few (`lib.shortlist.first_rows`).

Every figure is the one `build_report` gives for the same tenant, period and day
(`tests/test_overview.py` compares them over several tenants).
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.paginator import Page
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, CooperationPartner, CooperationSector, Sector
from mitra.cooperations.queries import StepRow, Tally, step_rows
from mitra.followups.rules import gaps_of, needing_follow_up
from mitra.lib.lookups import keys_of
from mitra.lib.shortlist import Shortlist, first_rows
from mitra.partners.models import Partner
from mitra.reports.periods import in_period, period_label, with_state_at_end
from mitra.reports.queries import (
    FollowUpRow,
    RegisterRow,
    country_tallies,
    follow_up_row,
    kind_tallies,
    register_order,
    register_rows,
    sector_tallies,
    state_tallies,
)
from mitra.reports.rollup import Rollup, rollup
from mitra.tenancy.models import Tenant

# Partners in Indonesia (`Partner.DOMESTIC_KINDS`) have no country recorded: the summary of
# partner countries (`queries._countries`) names them Indonesia.
DOMESTIC_KINDS = Partner.DOMESTIC_KINDS


@dataclass(frozen=True)
class FollowUpFigures:
    """`queries.FollowUpHealth` with the first few cooperations needing follow-up and their count."""

    live: int
    on_track: int
    needing: Shortlist[FollowUpRow]


@dataclass(frozen=True)
class Overview:
    """What the report page shows of `queries.Report`, and the register's keys in its order."""

    tenant_name: str
    start: date
    end: date
    period_label: str
    generated_on: date
    total: int
    by_state: list[Tally]
    by_kind: list[Tally]
    by_sector: list[Tally]
    by_country: list[Tally]
    steps: list[StepRow]
    follow_up: FollowUpFigures
    rollup: Rollup | None
    order: list[int]  # the register's cooperations, by key, in the register's order


@dataclass(frozen=True)
class _Key:
    pk: int
    kind: str
    title: str
    state: str  # now
    period_state: str  # at the end of the period
    has_sector: bool
    has_country: bool


def _has_country() -> Q:
    """A partner link that names a country: the partner's, or Indonesia for a domestic one."""
    return Q(partner__country__isnull=False) | Q(partner__kind__in=DOMESTIC_KINDS)


def _keys(tenant: Tenant, start: date, end: date) -> list[_Key]:
    period = in_period(Cooperation.objects.for_tenant(tenant), start, end)
    links = {"cooperation": OuterRef("pk"), "tenant": tenant}
    rows = (
        with_state_at_end(period, end)
        .annotate(
            has_sector=Exists(CooperationSector.objects.filter(**links)),
            has_country=Exists(CooperationPartner.objects.filter(_has_country(), **links)),
        )
        .order_by()
        .values_list("pk", "kind", "title", "state", "period_state", "has_sector", "has_country")
    )
    return [_Key(*row) for row in rows]


def _keys_of(keys: list[_Key]) -> Any:
    return keys_of(k.pk for k in keys) if keys else []


def _sector_counts(tenant: Tenant, keys: list[_Key]) -> Counter[str]:
    """By sector label, as `queries._by_sector` counts the register (a cooperation once under
    each of its sectors; "" those without)."""
    links = CooperationSector.objects.filter(tenant=tenant, cooperation__in=_keys_of(keys))
    counts: Counter[str] = Counter()
    for slug, n in links.values_list("sector").annotate(n=Count("pk")).order_by():
        counts[str(Sector.Slug(slug).label)] += n
    counts[""] = sum(1 for k in keys if not k.has_sector)
    return counts


def _country_name() -> Case:
    """What `queries._countries` calls a partner's country (`Country.name` in this language)."""
    english = (get_language() or "id").startswith("en")
    name = F("partner__country__name_en" if english else "partner__country__name_id")
    return Case(
        When(partner__country__isnull=False, then=name),
        When(partner__kind__in=DOMESTIC_KINDS, then=Value(_("Indonesia"))),
    )


def _country_counts(tenant: Tenant, keys: list[_Key]) -> Counter[str]:
    """By partner country, each cooperation once per country name ("" those without)."""
    links = CooperationPartner.objects.filter(
        _has_country(), tenant=tenant, cooperation__in=_keys_of(keys)
    )
    named = links.annotate(country_name=_country_name()).values_list("country_name")
    counts = Counter(dict(named.annotate(n=Count("cooperation", distinct=True)).order_by()))
    counts[""] = sum(1 for k in keys if not k.has_country)
    return counts


def _follow_up(tenant: Tenant, keys: list[_Key], today: date, shown: int) -> FollowUpFigures:
    """`queries.follow_up_health`, its cooperations needing follow-up counted by the database
    and the first `shown` of them (by title) read."""
    chosen = Cooperation.objects.for_tenant(tenant).filter(pk__in=_keys_of(keys))
    first = first_rows(needing_follow_up(chosen.order_by("title", "pk"), tenant, today), shown)
    needing = Shortlist([follow_up_row(g) for g in gaps_of(first.rows, tenant, today)], first.total)
    live = sum(1 for k in keys if k.state not in workflow.NOT_LIVE)
    return FollowUpFigures(live=live, on_track=live - needing.total, needing=needing)


def report_overview(
    tenant: Tenant, *, start: date, end: date, shown: int, today: date | None = None
) -> Overview:
    """The report page's figures for the period [start, end], both days included; `shown`
    cooperations needing follow-up are listed."""
    today = today or timezone.localdate()
    keys = _keys(tenant, start, end)
    ordered = sorted(keys, key=lambda k: register_order(k.kind, k.title, k.pk))
    return Overview(
        tenant_name=tenant.name,
        start=start,
        end=end,
        period_label=period_label(start, end),
        generated_on=today,
        total=len(keys),
        by_state=state_tallies(Counter(k.period_state for k in keys)),
        by_kind=kind_tallies(Counter(k.kind for k in keys)),
        by_sector=sector_tallies(_sector_counts(tenant, keys)),
        by_country=country_tallies(_country_counts(tenant, keys)),
        steps=step_rows(tenant),
        follow_up=_follow_up(tenant, keys, today, shown),
        rollup=rollup(tenant, start, end),
        order=[k.pk for k in ordered],
    )


def with_register_rows(page: Page[int], tenant: Tenant, overview: Overview) -> Page[RegisterRow]:
    """A page of `overview.order` turned into the register's rows, numbered as in the register."""
    first = page.start_index()
    numbers = {pk: first + index for index, pk in enumerate(page.object_list)}
    page.object_list = register_rows(tenant, numbers, overview.start, overview.end)  # type: ignore[assignment]
    return page  # type: ignore[return-value]
