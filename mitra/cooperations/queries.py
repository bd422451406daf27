"""Read-only figures about a tenant's cooperations and documents, shared by the feature apps
(dashboard, reports, reminders) so none of them reads another's page queries."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mitra.cooperations import timing, workflow
from mitra.cooperations.models import Consideration, Cooperation, Document, DocumentQuerySet
from mitra.tenancy.models import Tenant


@dataclass(frozen=True)
class Tally:
    """How many cooperations have one value of a field (a state, a kind, a sector...), what the
    value means, and the cooperation list filtered to exactly those rows (where there is one)."""

    value: str
    label: str
    count: int
    url: str = ""
    description: str = ""


@dataclass(frozen=True)
class StepRow:
    """Completed stays in one procedure state: how many, the median and the slowest, in days."""

    state: str
    label: str
    count: int
    median_days: float
    max_days: int


def step_rows(tenant: Tenant) -> list[StepRow]:
    """`timing.step_durations` in procedure order, with the states' labels."""
    durations = timing.step_durations(tenant)
    return [
        StepRow(s.value, str(s.label), d.count, d.median_days, d.max_days)
        for s in Cooperation.State
        if (d := durations.get(s.value)) is not None
    ]


def expiring_documents(tenant: Tenant, today: date, lead_days: int) -> DocumentQuerySet:
    """The tenant's documents expiring on `today` with `lead_days` of notice, soonest first.

    The rule is `rules.document_is_expiring` (and `rules.expiry_lead_days` the notice the tenant
    chose); the dashboard and the expiry reminders both read this query."""
    return (
        Document.objects.for_tenant(tenant)
        .expiring(today, lead_days)
        .select_related("cooperation")
        .order_by("valid_until", "pk")
    )


@dataclass(frozen=True)
class ExpiringDocument:
    """What the expiry reminders name of a document and its cooperation (plain values)."""

    pk: int
    tenant_id: int
    title: str
    valid_until: date
    cooperation_id: int
    cooperation_title: str
    owner_id: int | None


EXPIRING_COLUMNS = (
    "pk",
    "tenant_id",
    "title",
    "valid_until",
    "cooperation_id",
    "cooperation__title",
    "cooperation__owner_id",
)


def expiring_documents_in(leads: dict[int, int], today: date) -> list[ExpiringDocument]:
    """`expiring_documents` of many tenants in one query: `leads` maps each tenant's pk to its
    notice in days. By tenant in pk order, then soonest first. Plain rows, not models: the
    country has thousands of them on any day."""
    widest = max(leads.values(), default=0)
    rows = (
        Document.objects.filter(tenant_id__in=leads)
        .expiring(today, widest)
        .order_by("tenant_id", "valid_until", "pk")
        .values_list(*EXPIRING_COLUMNS)
    )
    return [
        ExpiringDocument(*row)
        for row in rows
        # the tenant's own notice (`expiring` leaves out documents without an end)
        if (row[3] - today).days <= leads[row[1]]
    ]


def awaits_consideration(coop: Cooperation, considerations: Iterable[Consideration]) -> bool:
    """Whether the coordination team's (TKKSD) consideration of the step the cooperation is at
    is still to be recorded: one cooperation of the team's queue on its home page
    (`dashboard.mine.awaiting_consideration`)."""
    return coop.state in workflow.TEAM_STEPS and all(c.state != coop.state for c in considerations)
