"""The cooperation report of a tenant for a period, as plain data (read-only).

The entry point, kept stable for the web page, the PDF, the XLSX and the REST API:

    build_report(tenant, *, start: date, end: date, today: date | None = None) -> Report

`Report` and everything in it are frozen dataclasses holding strings, numbers, dates and lists,
so `dataclasses.asdict(report)` gives the whole report as data. Labels are translated into the
active language when the report is built. The number of queries is fixed whatever the data size.

Which cooperations belong to the period [start, end] (both days included) is defined once, in
`mitra.reports.periods.in_period`: those on which something happened within the period (a state
change, a document, an activity, an event) and those that existed during it (begun by its end and
not finished before its start).

Each register row gives the cooperation's state at the end of the period, from its state log (the
current state when the log has no entry by then, as with imported history); its agreements
(`REGISTER_DOCUMENT_KINDS`) signed or recorded by the end of the period, with the number each party
gave; the activities dated within the period; and the last contact on or before `end`.

The summaries count the register by state at the period's end, kind, sector and partner country (a
cooperation with two sectors or countries counts once under each). Time per step
(`mitra.cooperations.queries.step_rows`) covers every completed stay of the tenant's cooperations, and
follow-up health (`mitra.followups.rules.gaps_among`) is as of `today`: both describe how the office
works now rather than the period. A province also gets `rollup` (`mitra.reports.rollup`): the
tenants of the regencies and cities in it, with their cooperations of the period counted by state
and kind; any other tenant gets None.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.queries import StepRow, Tally, step_rows
from mitra.followups.models import Activity
from mitra.followups.rules import FollowUpGap, follow_up_kinds, gaps_among
from mitra.partners.models import Partner
from mitra.reports.periods import day_bounds, in_period, period_label, with_state_at_end
from mitra.reports.rollup import Rollup, rollup
from mitra.tenancy.models import Tenant

# The agreements a register lists; letters, notes and approvals stay on the cooperation's page.
REGISTER_DOCUMENT_KINDS = frozenset(
    {
        Document.Kind.LETTER_OF_INTENT,
        Document.Kind.FRAMEWORK_AGREEMENT,
        Document.Kind.MOU,
        Document.Kind.IMPLEMENTING_AGREEMENT,
        Document.Kind.CENTRAL_MEMORANDUM,
        Document.Kind.ADDENDUM,
        Document.Kind.RENEWAL,
    }
)
KIND_ORDER: dict[str, int] = {kind: rank for rank, kind in enumerate(Cooperation.Kind)}


@dataclass(frozen=True)
class PartyNumber:
    """The number one signing party gave a document (empty when not recorded)."""

    role: str
    name: str
    number: str


@dataclass(frozen=True)
class DocumentRow:
    id: int
    kind: str
    kind_label: str
    title: str
    numbers: list[PartyNumber]
    date_signed: date | None
    valid_from: date | None
    valid_until: date | None
    until_terminated: bool


@dataclass(frozen=True)
class RegisterRow:
    """One cooperation of the register; `number` is its place in the register, from 1."""

    number: int
    id: int
    title: str
    kind: str
    kind_label: str  # KSDD, KSDPK, KSDPL, KSDLL
    kind_name: str
    sub_form_label: str
    partners: list[str]
    countries: list[str]
    sectors: list[str]
    state: str  # at the end of the period
    state_label: str
    current_state: str
    documents: list[DocumentRow]
    activity_count: int
    last_contact: date | None


@dataclass(frozen=True)
class FollowUpRow:
    cooperation_id: int
    title: str
    state_label: str
    reasons: list[str]


@dataclass(frozen=True)
class FollowUpHealth:
    """Live cooperations of the register today: how many are on track, which need follow-up."""

    live: int
    on_track: int
    needing: list[FollowUpRow]


@dataclass(frozen=True)
class Report:
    tenant_name: str  # "Pemerintah Kota Makassar"
    region_name: str  # "Kota Makassar"
    cooperation_unit: str
    place: str  # where the report is signed: the seat of the government
    signatory_position: str
    start: date
    end: date
    period_label: str
    generated_on: date
    register: list[RegisterRow]
    total: int
    by_state: list[Tally]
    by_kind: list[Tally]
    by_sector: list[Tally]
    by_country: list[Tally]
    steps: list[StepRow]
    follow_up: FollowUpHealth
    rollup: Rollup | None


# --- The register ------------------------------------------------------------------------------


def _register_queryset(
    cooperations: QuerySet[Cooperation], start: date, end: date
) -> QuerySet[Cooperation]:
    _start_at, end_at = day_bounds(start, end)
    # The region's own activity only: a news report about a cooperation is not its follow-up.
    activities = Activity.objects.filter(cooperation=OuterRef("pk"), kind__in=follow_up_kinds())
    counted = (
        activities.filter(date__range=(start, end))
        .order_by()
        .values("cooperation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    latest = activities.filter(date__lte=end).order_by("-date").values("date")[:1]
    documents = (
        Document.objects.filter(kind__in=REGISTER_DOCUMENT_KINDS)
        .filter(Q(date_signed__lte=end) | Q(date_signed__isnull=True, created_at__lt=end_at))
        .prefetch_related(Prefetch("parties", to_attr="register_parties"))
    )
    return (
        with_state_at_end(cooperations, end)
        .annotate(
            activity_count=Coalesce(Subquery(counted), 0),
            last_contact_on=Subquery(latest),
        )
        .prefetch_related(  # as lists (to_attr): no queryset made for each of thousands of rows
            Prefetch(
                "partners",
                queryset=Partner.objects.select_related("country"),
                to_attr="register_partners",
            ),
            Prefetch("sectors", to_attr="register_sectors"),
            Prefetch("documents", queryset=documents, to_attr="register_documents"),
        )
    )


def _document_row(document: Document) -> DocumentRow:
    return DocumentRow(
        id=document.pk,
        kind=document.kind,
        kind_label=document.get_kind_display(),
        title=document.title,
        numbers=[PartyNumber(p.role, p.name, p.number) for p in document.register_parties],  # type: ignore[attr-defined]
        date_signed=document.date_signed,
        valid_from=document.valid_from,
        valid_until=document.valid_until,
        until_terminated=document.until_terminated,
    )


def _countries(partners: Iterable[Partner]) -> list[str]:
    """Partner countries, once each; Indonesian partners are in Indonesia."""
    names = []
    for partner in partners:
        if partner.country is not None:
            names.append(partner.country.name)
        elif not partner.is_foreign:
            names.append(_("Indonesia"))
    return list(dict.fromkeys(names))


def _register_row(number: int, coop: Any) -> RegisterRow:
    partners = list(coop.register_partners)
    documents = sorted(
        coop.register_documents,
        key=lambda d: (d.date_signed is None, d.date_signed or date.max, d.pk),
    )
    return RegisterRow(
        number=number,
        id=coop.pk,
        title=coop.title,
        kind=coop.kind,
        kind_label=workflow.abbreviation(coop.kind),
        kind_name=coop.get_kind_display(),
        sub_form_label=coop.get_sub_form_display() if coop.sub_form else "",
        partners=[p.name for p in partners],
        countries=_countries(partners),
        sectors=[str(s) for s in coop.register_sectors],
        state=coop.period_state,
        state_label=str(Cooperation.State(coop.period_state).label),
        current_state=coop.state,
        documents=[_document_row(d) for d in documents],
        activity_count=coop.activity_count,
        last_contact=coop.last_contact_on,
    )


def register_order(kind: str, title: str, pk: int) -> tuple[int, str, int]:
    """Where a cooperation stands in the register: by kind (KSDD first), then title."""
    return (KIND_ORDER[kind], title.casefold(), pk)


def register(tenant: Tenant, start: date, end: date) -> list[RegisterRow]:
    """The tenant's cooperations of the period, by kind (KSDD first) and title, in 6 queries."""
    period = in_period(Cooperation.objects.for_tenant(tenant), start, end)
    cooperations = sorted(
        _register_queryset(period, start, end), key=lambda c: register_order(c.kind, c.title, c.pk)
    )
    return [_register_row(number, coop) for number, coop in enumerate(cooperations, start=1)]


def register_rows(
    tenant: Tenant, numbers: dict[int, int], start: date, end: date
) -> list[RegisterRow]:
    """The register's rows of the cooperations `numbers` maps (key to place in the register),
    as `register` makes them, in the register's order, in 6 queries: a page of the register."""
    chosen = Cooperation.objects.for_tenant(tenant).filter(pk__in=list(numbers))
    rows = [_register_row(numbers[c.pk], c) for c in _register_queryset(chosen, start, end)]
    return sorted(rows, key=lambda row: row.number)


# --- Summaries ---------------------------------------------------------------------------------


def state_tallies(counts: Counter[str]) -> list[Tally]:
    """Cooperations counted by state, in the procedure's order."""
    return [Tally(s.value, str(s.label), counts[s]) for s in Cooperation.State if counts[s]]


def kind_tallies(counts: Counter[str]) -> list[Tally]:
    """Cooperations counted by kind, KSDD first, each with what its abbreviation stands for."""
    return [
        Tally(
            k.value,
            workflow.abbreviation(k),
            counts[k],
            description=workflow.kind_description(k),
        )
        for k in Cooperation.Kind
        if counts[k]
    ]


def _most_first(counts: Counter[str], missing: str) -> list[Tally]:
    """Largest count first, then by name as people read it ("ekonomi kreatif" before "UMKM
    dan perdagangan", whatever the capitals); the empty key (nothing recorded) last."""
    named = sorted((-n, label.casefold(), label) for label, n in counts.items() if label)
    tallies = [Tally(label, label, -n) for n, _folded, label in named]
    if counts[""]:
        tallies.append(Tally("", missing, counts[""]))
    return tallies


def sector_tallies(counts: Counter[str]) -> list[Tally]:
    """Cooperations counted by sector label; the key "" counts those without a sector."""
    return _most_first(counts, _("no sector recorded"))


def country_tallies(counts: Counter[str]) -> list[Tally]:
    """Cooperations counted by partner country; the key "" counts those without one."""
    return _most_first(counts, _("no country recorded"))


def _by_sector(rows: list[RegisterRow]) -> list[Tally]:
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(row.sectors or [""])
    return sector_tallies(counts)


def _by_country(rows: list[RegisterRow]) -> list[Tally]:
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(row.countries or [""])
    return country_tallies(counts)


def follow_up_health(
    tenant: Tenant, start: date, end: date, rows: list[RegisterRow], today: date
) -> FollowUpHealth:
    """The next-step rule of `mitra.followups.rules` applied today to the register's cooperations."""
    cooperations = in_period(Cooperation.objects.for_tenant(tenant), start, end)
    gaps = gaps_among(cooperations.order_by("title", "pk"), tenant, today)
    live = sum(1 for row in rows if row.current_state not in workflow.NOT_LIVE)
    needing = [follow_up_row(gap) for gap in gaps]
    return FollowUpHealth(live=live, on_track=live - len(needing), needing=needing)


def follow_up_row(gap: FollowUpGap) -> FollowUpRow:
    return FollowUpRow(
        cooperation_id=gap.cooperation.pk,
        title=gap.cooperation.title,
        state_label=str(gap.cooperation.get_state_display()),
        reasons=gap.reasons,
    )


# --- The whole report --------------------------------------------------------------------------


def signatory_position(tenant: Tenant) -> str:
    """ "Kepala Bagian Kerja Sama Setda Kota Makassar": the head of the tenant's cooperation unit."""
    if tenant.cooperation_unit:
        return _("Head of %(unit)s") % {"unit": tenant.cooperation_unit}
    return _("Head of the Cooperation Section")


def build_report(tenant: Tenant, *, start: date, end: date, today: date | None = None) -> Report:
    """The tenant's report for the period [start, end], both days included."""
    today = today or timezone.localdate()
    rows = register(tenant, start, end)
    region = tenant.region
    return Report(
        tenant_name=tenant.name,
        region_name=region.official_name,
        cooperation_unit=tenant.cooperation_unit,
        place=region.capital or region.name,
        signatory_position=signatory_position(tenant),
        start=start,
        end=end,
        period_label=period_label(start, end),
        generated_on=today,
        register=rows,
        total=len(rows),
        by_state=state_tallies(Counter(row.state for row in rows)),
        by_kind=kind_tallies(Counter(row.kind for row in rows)),
        by_sector=_by_sector(rows),
        by_country=_by_country(rows),
        steps=step_rows(tenant),
        follow_up=follow_up_health(tenant, start, end, rows, today),
        rollup=rollup(tenant, start, end),
    )
