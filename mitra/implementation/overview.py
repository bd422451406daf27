"""The leadership view (read-only): per signed cooperation and by sector and partner country,
what was promised, what was delivered, the benefits reported, and which are dormant.

One pass over the tenant's signed cooperations with everything prefetched: eight queries,
however many cooperations, items and reports there are.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.implementation.models import Evaluation, PlanItem
from mitra.implementation.progress import (
    Benefits,
    ItemProgress,
    TargetLine,
    add_benefits,
    benefit_rows,
    benefits_of,
    cooperation_evaluations,
    cooperation_items,
    open_or_done,
    plan_items_prefetch,
    progress_of,
    target_lines,
)
from mitra.partners.models import Partner
from mitra.tenancy.models import Tenant

# Signed and not ended: the cooperations whose results leadership asks about.
SHOWN_STATES = workflow.WITH_RESULTS


@dataclass
class CooperationRow:
    cooperation: Cooperation
    sectors: list[str]
    countries: list[str]
    progresses: list[ItemProgress]
    targets: list[TargetLine]
    benefits: Benefits
    last_evaluation: Evaluation | None

    @property
    def dormant(self) -> bool:
        return self.cooperation.state == Cooperation.State.DORMANT

    @property
    def items(self) -> int:
        return len(open_or_done(self.progresses))

    @property
    def done(self) -> int:
        return sum(1 for p in self.progresses if p.item.status == PlanItem.Status.DONE)

    @property
    def at_risk(self) -> list[ItemProgress]:
        return [p for p in self.progresses if p.at_risk]

    @property
    def benefit_rows(self) -> list[tuple[str, str, Decimal]]:
        return benefit_rows(self.benefits)


@dataclass
class GroupRow:
    """Cooperations of one sector or partner country taken together."""

    label: str
    cooperations: int = 0
    dormant: int = 0
    items: int = 0
    done: int = 0
    at_risk: int = 0
    progresses: list[ItemProgress] = field(default_factory=list)
    benefits: Benefits = field(default_factory=dict)

    @property
    def targets(self) -> list[TargetLine]:
        return target_lines(self.progresses)

    @property
    def benefit_rows(self) -> list[tuple[str, str, Decimal]]:
        return benefit_rows(self.benefits)

    def add(self, row: CooperationRow) -> None:
        self.cooperations += 1
        self.dormant += int(row.dormant)
        self.items += row.items
        self.done += row.done
        self.at_risk += len(row.at_risk)
        self.progresses += open_or_done(row.progresses)
        add_benefits(self.benefits, row.benefits)


@dataclass
class Overview:
    today: date
    rows: list[CooperationRow]
    by_sector: list[GroupRow]
    by_country: list[GroupRow]
    totals: GroupRow

    @property
    def dormant(self) -> list[CooperationRow]:
        return [row for row in self.rows if row.dormant]


def _signed(tenant: Tenant) -> list[Cooperation]:
    partners = Partner.objects.select_related("country")
    evaluations = Evaluation.objects.order_by("-period_start", "-date", "-pk")
    return list(
        Cooperation.objects.for_tenant(tenant)
        .filter(Q(state__in=SHOWN_STATES) | Q(plan_items__isnull=False))
        .distinct()
        .order_by("title", "pk")
        .prefetch_related(
            "sectors",
            Prefetch("partners", queryset=partners),
            plan_items_prefetch(),
            Prefetch("evaluations", queryset=evaluations),
        )
    )


def _countries(coop: Cooperation) -> list[str]:
    names = {
        p.country.name if p.country else _("Indonesia (domestic)") for p in coop.partners.all()
    }
    return sorted(names, key=str.casefold) or [_("no partner country")]


def _row(coop: Cooperation, today: date, stale_days: int) -> CooperationRow:
    progresses = progress_of(cooperation_items(coop), today, stale_days)
    evaluations = cooperation_evaluations(coop)
    return CooperationRow(
        cooperation=coop,
        sectors=sorted((str(s) for s in coop.sectors.all()), key=str.casefold),
        countries=_countries(coop),
        progresses=progresses,
        targets=target_lines(open_or_done(progresses)),
        benefits=benefits_of(open_or_done(progresses)),
        last_evaluation=evaluations[0] if evaluations else None,
    )


def _groups(rows: Iterable[CooperationRow], key: str) -> list[GroupRow]:
    groups: dict[str, GroupRow] = {}
    for row in rows:
        labels = getattr(row, key) or [_("no sector")]
        for label in labels:
            groups.setdefault(label, GroupRow(label)).add(row)
    return sorted(groups.values(), key=lambda g: g.label.casefold())


def overview(tenant: Tenant, today: date) -> Overview:
    """The tenant's signed cooperations with their plans, results, benefits and dormancy.

    A cooperation with two sectors counts in both sector groups; the totals count it once.
    """
    stale_days = tenant.stale_progress_days
    rows = [_row(coop, today, stale_days) for coop in _signed(tenant)]
    totals = GroupRow(_("All signed cooperations"))
    for row in rows:
        totals.add(row)
    return Overview(today, rows, _groups(rows, "sectors"), _groups(rows, "countries"), totals)
