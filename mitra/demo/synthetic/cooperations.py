"""Synthetic cooperations with their history, documents, reviews, plans, activities and tasks.

Drawn in memory a chunk at a time and written with `bulk_create`, so the memory used stays flat
however many cooperations are asked for.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from mitra.cooperations import workflow
from mitra.cooperations.models import (
    AGREEMENT_KINDS,
    Affair,
    Cooperation,
    CooperationEvent,
    Document,
    DocumentParty,
    Sector,
)
from mitra.demo.synthetic.partners import PartnerPool, Reference, save_new_partners
from mitra.demo.synthetic.people import Staff
from mitra.demo.synthetic.procedure import Path, draw_path, pick_kind
from mitra.events.models import Event
from mitra.followups.models import Activity, Task
from mitra.implementation.models import PlanItem
from mitra.partners.models import Partner
from mitra.portal.models import Publication
from mitra.reviews.models import ReviewRequest

BATCH = 2000
Kind = Cooperation.Kind
TOPICS = (
    "pengembangan pariwisata", "peningkatan kapasitas aparatur", "kota cerdas",
    "pengelolaan sampah", "pendidikan vokasi", "layanan kesehatan", "promosi investasi",
    "pertukaran budaya", "air bersih", "transportasi publik", "UMKM dan perdagangan",
    "ketahanan pangan", "energi terbarukan", "penanggulangan bencana",
)  # fmt: skip
ACTIVITY_KINDS = [k for k in Activity.Kind if k != Activity.Kind.NEWS]
AGREEMENT_YEARS = (1, 2, 3, 5)


@dataclass
class Chunk:
    """The rows of one chunk of cooperations, written together."""

    cooperations: list[Cooperation] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    partners: list[list[Partner]] = field(default_factory=list)
    staff: list[Staff] = field(default_factory=list)


@dataclass
class Counts:
    cooperations: int = 0
    events: int = 0
    documents: int = 0
    reviews: int = 0
    plan_items: int = 0
    activities: int = 0
    tasks: int = 0
    meetings: int = 0
    publications: int = 0

    def add(self, other: "Counts") -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)


def at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def draw_cooperation(
    rng: random.Random, staff: Staff, pool: PartnerPool, ref: Reference, today: date
) -> tuple[Cooperation, Path, list[Partner]]:
    kind = pick_kind(rng)
    path = draw_path(rng, kind, staff.tenant.procedure_order, today)
    facts = workflow.KINDS[kind]
    partners = [pool.pick(rng, kind, ref) for _ in range(rng.choice((1, 1, 1, 2)))]
    topic = rng.choice(TOPICS)
    coop = Cooperation(
        tenant=staff.tenant,
        kind=kind,
        sub_form=rng.choice(sorted(facts.sub_forms)) if facts.sub_forms else "",
        title=f"Kerja sama {topic} dengan {partners[0].name}"[:250],
        summary=f"Kerja sama di bidang {topic}.",
        state=path.state,
        procedure_order=path.order,
        owner=rng.choice(staff.officers),
        initiating_agency=rng.choice(staff.agencies),
        start_date=path.started_on,
    )
    return coop, path, partners


def write_chunk(rng: random.Random, chunk: Chunk, pools: list[PartnerPool], today: date) -> Counts:
    """Insert one chunk: partners first, then cooperations and every row hanging from them."""
    save_new_partners(pools)
    logged = draw_activities(rng, chunk, today)  # dates each cooperation's last activity
    Cooperation.objects.bulk_create(chunk.cooperations, batch_size=BATCH)
    Activity.objects.bulk_create(logged, batch_size=BATCH)
    links(rng, chunk)
    events = history(chunk)
    documents = agreements(rng, chunk, today)
    counts = Counts(cooperations=len(chunk.cooperations), events=sum(map(len, events)))
    counts.documents = len(documents)
    counts.reviews = reviews(chunk, events)
    counts.plan_items = plans(rng, chunk, documents, today)
    counts.activities = len(logged)
    counts.meetings = meetings(rng, chunk, today)
    counts.publications = publications(rng, chunk)
    counts.tasks = tasks(rng, chunk, today)
    return counts


def links(rng: random.Random, chunk: Chunk) -> None:
    """Partners, sectors, affairs and implementing agencies of each cooperation."""
    sectors = list(Sector.objects.order_by("slug").values_list("slug", flat=True))
    affairs = list(Affair.objects.order_by("slug").values_list("slug", flat=True))
    partner_rows: list[Any] = []  # rows of the generated link tables
    sector_rows: list[Any] = []
    affair_rows: list[Any] = []
    agency_rows: list[Any] = []
    rows = zip(chunk.cooperations, chunk.partners, chunk.staff, strict=True)
    for coop, partners, staff in rows:
        partner_rows += [
            Cooperation.partners.through(
                tenant_id=coop.tenant_id, cooperation_id=coop.pk, partner_id=partner.pk
            )
            for partner in {p.pk: p for p in partners}.values()
        ]
        sector_rows += [
            Cooperation.sectors.through(
                tenant_id=coop.tenant_id, cooperation_id=coop.pk, sector_id=slug
            )
            for slug in rng.sample(sectors, rng.randint(1, 3))
        ]
        if coop.kind in workflow.DOMESTIC:
            affair_rows += [
                Cooperation.affairs.through(
                    tenant_id=coop.tenant_id, cooperation_id=coop.pk, affair_id=slug
                )
                for slug in rng.sample(affairs, rng.randint(1, 2))
            ]
        agency_rows += [
            Cooperation.implementing_agencies.through(
                tenant_id=coop.tenant_id, cooperation_id=coop.pk, agency_id=agency.pk
            )
            for agency in rng.sample(staff.agencies, 2)
        ]
    Cooperation.partners.through.objects.bulk_create(partner_rows, batch_size=BATCH)
    Cooperation.sectors.through.objects.bulk_create(sector_rows, batch_size=BATCH)
    Cooperation.affairs.through.objects.bulk_create(affair_rows, batch_size=BATCH)
    Cooperation.implementing_agencies.through.objects.bulk_create(agency_rows, batch_size=BATCH)


def history(chunk: Chunk) -> list[list[CooperationEvent]]:
    """One event per step of each path, by the cooperation's owner; per cooperation, in order."""
    events = [
        [
            CooperationEvent(
                tenant_id=coop.tenant_id,
                cooperation=coop,
                action=step.action,
                source=step.source,
                target=step.target,
                by=coop.owner,
                at=at(step.on),
            )
            for step in path.steps
        ]
        for coop, path in zip(chunk.cooperations, chunk.paths, strict=True)
    ]
    CooperationEvent.objects.bulk_create([e for row in events for e in row], batch_size=BATCH)
    return events


def agreements(rng: random.Random, chunk: Chunk, today: date) -> list[Document]:
    """The documents each path's signings produced, with two numbered parties each. Agreements
    run one to five years; before an expiry in the history they had lapsed."""
    documents: list[Document] = []
    for coop, path in zip(chunk.cooperations, chunk.paths, strict=True):
        expired_on = next((s.on for s in path.steps if s.target == Cooperation.State.EXPIRED), None)
        for step in path.steps:
            if not step.signs:
                continue
            until = step.on + timedelta(days=365 * rng.choice(AGREEMENT_YEARS))
            if expired_on is not None and step.on < expired_on:
                until = max(step.on, min(until, expired_on - timedelta(days=1)))
            agreement = step.signs in AGREEMENT_KINDS
            documents.append(
                Document(
                    tenant_id=coop.tenant_id,
                    cooperation=coop,
                    kind=step.signs,
                    title=f"{Document.Kind(step.signs).label} {coop.title}"[:250],
                    date_signed=step.on,
                    valid_from=step.on if agreement else None,
                    valid_until=until if agreement else None,
                    place_signed=coop.tenant.region.name,
                )
            )
    Document.objects.bulk_create(documents, batch_size=BATCH)
    parties = [
        DocumentParty(
            tenant_id=doc.tenant_id,
            document=doc,
            role=role,
            name=name,
            number=f"{number}/{doc.pk}/{doc.date_signed.year if doc.date_signed else ''}",
        )
        for doc in documents
        for role, name, number in (
            (DocumentParty.Role.FIRST, doc.cooperation.tenant.name, "KS"),
            (DocumentParty.Role.SECOND, "Mitra", "PKS"),
        )
    ]
    DocumentParty.objects.bulk_create(parties, batch_size=BATCH)
    return documents


def reviews(chunk: Chunk, events: list[list[CooperationEvent]]) -> int:
    """An open review request for every cooperation waiting in a central-review state."""
    requests = [
        ReviewRequest(
            cooperation=coop,
            tenant=coop.tenant,
            kind=workflow.STATES[coop.state].review,
            opened_at=history[-1].at,
            opened_by=coop.owner,
            opened_event=history[-1],
        )
        for coop, history in zip(chunk.cooperations, events, strict=True)
        if workflow.STATES[coop.state].review
    ]
    ReviewRequest.objects.bulk_create(requests, batch_size=BATCH)
    return len(requests)


def plans(rng: random.Random, chunk: Chunk, documents: list[Document], today: date) -> int:
    """Two or three plan-of-action items under each agreement of a signed cooperation."""
    staff = {s.tenant.pk: s for s in chunk.staff}
    items = []
    for doc in documents:
        coop = doc.cooperation
        if doc.valid_from is None or coop.state not in workflow.AFTER_SIGNING:
            continue
        for position in range(1, rng.randint(2, 3) + 1):
            recurring = position == 1 and rng.random() < 0.5
            items.append(
                PlanItem(
                    tenant=coop.tenant,
                    cooperation=coop,
                    document=doc,
                    activity=f"Kegiatan {position}: {rng.choice(TOPICS)}",
                    agency=rng.choice(staff[coop.tenant.pk].agencies),
                    assignee=coop.owner,
                    start_date=doc.valid_from,
                    end_date=doc.valid_until,
                    status=rng.choice(list(PlanItem.Status)[:3]),
                    recurrence=PlanItem.Recurrence.YEARLY
                    if recurring
                    else PlanItem.Recurrence.NONE,
                    position=position,
                )
            )
    PlanItem.objects.bulk_create(items, batch_size=BATCH)
    return len(items)


def draw_activities(rng: random.Random, chunk: Chunk, today: date) -> list[Activity]:
    """Meetings, letters and visits along each history; the last one dates the cooperation's
    last recorded activity."""
    rows = []
    for coop, path, partners in zip(chunk.cooperations, chunk.paths, chunk.partners, strict=True):
        span = max(1, (today - path.started_on).days)
        days = sorted(rng.randint(0, span) for _ in range(rng.randint(3, 14)))
        for offset in days:
            kind = rng.choice(ACTIVITY_KINDS)
            rows.append(
                Activity(
                    tenant=coop.tenant,
                    kind=kind,
                    date=path.started_on + timedelta(days=offset),
                    title=f"{Activity.Kind(kind).label}: {coop.title}"[:250],
                    cooperation=coop,
                    partner=partners[0],
                    recorded_by=coop.owner,
                )
            )
        coop.last_activity_on = rows[-1].date
    return rows


def meetings(rng: random.Random, chunk: Chunk, today: date) -> int:
    """Calendar events for about one cooperation in five, a few of them still ahead."""
    chosen = [coop for coop in chunk.cooperations if rng.random() < 0.2]
    events = [
        Event(
            tenant=coop.tenant,
            name=f"Rapat koordinasi: {coop.title}"[:250],
            place=coop.tenant.region.name,
            starts_on=today + timedelta(days=rng.randint(-300, 60)),
        )
        for coop in chosen
    ]
    Event.objects.bulk_create(events, batch_size=BATCH)
    Event.cooperations.through.objects.bulk_create(
        [
            Event.cooperations.through(
                tenant_id=coop.tenant_id, event_id=event.pk, cooperation_id=coop.pk
            )
            for event, coop in zip(events, chosen, strict=True)
        ],
        batch_size=BATCH,
    )
    return len(events)


def tasks(rng: random.Random, chunk: Chunk, today: date) -> int:
    """About three tasks per live cooperation, due from two months ago to two months ahead:
    some done, the rest open, so some are overdue."""
    rows = []
    for coop in chunk.cooperations:
        if not workflow.STATES[coop.state].live:
            continue
        for number in range(rng.randint(1, 5)):
            due = today + timedelta(days=rng.randint(-60, 60))
            done = due < today and rng.random() < 0.6
            rows.append(
                Task(
                    tenant=coop.tenant,
                    title=f"Tindak lanjut {number + 1}: {coop.title}"[:250],
                    cooperation=coop,
                    assignee=coop.owner,
                    due_date=due,
                    status=Task.Status.DONE if done else Task.Status.OPEN,
                    completed_at=at(due) if done else None,
                    created_by=coop.owner,
                )
            )
    Task.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def publications(rng: random.Random, chunk: Chunk) -> int:
    """Most signed cooperations on their region's public portal."""
    rows = [
        Publication(
            tenant=coop.tenant,
            cooperation=coop,
            public_title=coop.title,
            public_summary=coop.summary,
            published_at=at(coop.last_activity_on or path.started_on),
            published_by=coop.owner,
        )
        for coop, path in zip(chunk.cooperations, chunk.paths, strict=True)
        if coop.state in workflow.AFTER_SIGNING and rng.random() < 0.6
    ]
    Publication.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)
