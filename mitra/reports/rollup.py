"""A province's roll-up: the regencies and cities beneath it that use Mitra, counted by state and kind.

Only tenants whose region lies in the province are listed; their cooperations are those of the
period (`periods.in_period`), each in its state at the end of the period.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.cooperations.queries import Tally
from mitra.regions.models import Region
from mitra.reports.periods import in_period, with_state_at_end
from mitra.tenancy.models import Tenant

STATE_ORDER: dict[str, int] = {state: rank for rank, state in enumerate(Cooperation.State)}


@dataclass(frozen=True)
class RollupRow:
    """One regency or city under a province; counts are aligned with `Rollup.states`/`kinds`."""

    tenant_id: int
    name: str  # "Pemerintah Kota Makassar"
    region: str  # "Kota Makassar"
    by_state: list[int]
    by_kind: list[int]
    total: int


@dataclass(frozen=True)
class Rollup:
    """A province's regencies and cities that use Mitra; columns are the states met and every kind."""

    rows: list[RollupRow]
    states: list[Tally]
    kinds: list[Tally]
    total: int


def _rollup_rows(province: Region, start: date, end: date) -> tuple[list[RollupRow], list[str]]:
    members = Tenant.objects.filter(region__province=province).select_related("region")
    cooperations = Cooperation.objects.filter(tenant__region__province=province)
    found = with_state_at_end(in_period(cooperations, start, end), end)
    counted = [
        (coop.tenant_id, getattr(coop, "period_state"), coop.kind)  # noqa: B009  (annotation)
        for coop in found.order_by().only("tenant", "kind", "state")
    ]
    per_state = Counter((tenant, state) for tenant, state, _kind in counted)
    per_kind = Counter((tenant, kind) for tenant, _state, kind in counted)
    states = sorted({state for _tenant, state, _kind in counted}, key=STATE_ORDER.__getitem__)
    rows = []
    for member in members.order_by("region__code"):
        by_kind = [per_kind[member.pk, kind] for kind in Cooperation.Kind]
        by_state = [per_state[member.pk, state] for state in states]
        region = member.region.official_name
        rows.append(RollupRow(member.pk, member.name, region, by_state, by_kind, sum(by_kind)))
    return rows, states


def rollup(tenant: Tenant, start: date, end: date) -> Rollup | None:
    """For a province: its regencies' and cities' tenants by state and kind, in two queries."""
    if tenant.region.type != Region.Type.PROVINCE:
        return None
    rows, states = _rollup_rows(tenant.region, start, end)
    return Rollup(
        rows=rows,
        states=[
            Tally(state, str(Cooperation.State(state).label), sum(r.by_state[i] for r in rows))
            for i, state in enumerate(states)
        ],
        kinds=[
            Tally(kind.value, workflow.abbreviation(kind), sum(r.by_kind[i] for r in rows))
            for i, kind in enumerate(Cooperation.Kind)
        ],
        total=sum(r.total for r in rows),
    )
