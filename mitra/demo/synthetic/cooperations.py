"""Synthetic cooperations with their history, documents, reviews, plans, activities and tasks.

Drawn in memory a chunk at a time and written with `mitra.lib.bulk.write` (COPY on PostgreSQL), so the
memory used stays flat however many cooperations are asked for. Most rows are plain dicts: only
cooperations, partners and documents, which the drawing reads back, are model instances.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from mitra.cooperations import workflow
from mitra.cooperations.models import (
    AGREEMENT_KINDS,
    Affair,
    Cooperation,
    CooperationAffair,
    CooperationAgency,
    CooperationEvent,
    CooperationPartner,
    CooperationSector,
    Document,
    DocumentParty,
    Sector,
)
from mitra.demo.synthetic.partners import PartnerPool, Reference, save_new_partners
from mitra.demo.synthetic.people import Staff
from mitra.demo.synthetic.procedure import Path, draw_path, pick_kind
from mitra.events.models import Event, EventCooperation
from mitra.followups.models import Activity, Task
from mitra.implementation.models import PlanItem
from mitra.lib.bulk import Row, write, write_objects
from mitra.lib.deadlines import is_overdue
from mitra.lib.keys import reserve_ids
from mitra.partners.models import Partner
from mitra.portal.models import Publication
from mitra.reviews.models import ReviewRequest

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
    for coop, pk in zip(
        chunk.cooperations, reserve_ids(Cooperation, len(chunk.cooperations)), strict=True
    ):
        coop.pk = pk
    logged = draw_activities(rng, chunk, today)  # dates each cooperation's last activity
    write_objects(Cooperation, chunk.cooperations)
    write(Activity, logged)
    links(rng, chunk)
    last_events = history(chunk)
    documents = agreements(rng, chunk, today)
    counts = Counts(
        cooperations=len(chunk.cooperations), events=sum(len(path.steps) for path in chunk.paths)
    )
    counts.documents = len(documents)
    counts.reviews = reviews(chunk, last_events)
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
    partner_rows: list[Row] = []
    sector_rows: list[Row] = []
    affair_rows: list[Row] = []
    agency_rows: list[Row] = []
    rows = zip(chunk.cooperations, chunk.partners, chunk.staff, strict=True)
    for coop, partners, staff in rows:
        mine = {"tenant_id": coop.tenant_id, "cooperation_id": coop.pk}
        partner_rows += [{**mine, "partner_id": pk} for pk in dict.fromkeys(p.pk for p in partners)]
        sector_rows += [
            {**mine, "sector_id": slug} for slug in rng.sample(sectors, rng.randint(1, 3))
        ]
        if coop.kind in workflow.DOMESTIC:
            affair_rows += [
                {**mine, "affair_id": slug} for slug in rng.sample(affairs, rng.randint(1, 2))
            ]
        agency_rows += [
            {**mine, "agency_id": agency.pk} for agency in rng.sample(staff.agencies, 2)
        ]
    write(CooperationPartner, partner_rows)
    write(CooperationSector, sector_rows)
    write(CooperationAffair, affair_rows)
    write(CooperationAgency, agency_rows)


def history(chunk: Chunk) -> list[Row]:
    """One event per step of each path, by the cooperation's owner; each cooperation's last."""
    ids = iter(reserve_ids(CooperationEvent, sum(len(path.steps) for path in chunk.paths)))
    events: list[Row] = []
    last: list[Row] = []
    for coop, path in zip(chunk.cooperations, chunk.paths, strict=True):
        events += [
            {
                "id": next(ids),
                "tenant_id": coop.tenant_id,
                "cooperation_id": coop.pk,
                "action": step.action,
                "source": step.source,
                "target": step.target,
                "by_id": coop.owner_id,
                "at": at(step.on),
            }
            for step in path.steps
        ]
        last.append(events[-1])
    write(CooperationEvent, events)
    return last


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
    for document, pk in zip(documents, reserve_ids(Document, len(documents)), strict=True):
        document.pk = pk
    write_objects(Document, documents)
    parties = [
        {
            "tenant_id": doc.tenant_id,
            "document_id": doc.pk,
            "role": role,
            "name": name,
            "number": f"{number}/{doc.pk}/{doc.date_signed.year if doc.date_signed else ''}",
        }
        for doc in documents
        for role, name, number in (
            (DocumentParty.Role.FIRST, doc.cooperation.tenant.name, "KS"),
            (DocumentParty.Role.SECOND, "Mitra", "PKS"),
        )
    ]
    write(DocumentParty, parties)
    return documents


def reviews(chunk: Chunk, last_events: list[Row]) -> int:
    """An open review request for every cooperation waiting in a central-review state."""
    requests = [
        {
            "cooperation_id": coop.pk,
            "tenant_id": coop.tenant_id,
            "kind": workflow.STATES[coop.state].review,
            "opened_at": last["at"],
            "opened_by_id": coop.owner_id,
            "opened_event_id": last["id"],
        }
        for coop, last in zip(chunk.cooperations, last_events, strict=True)
        if workflow.STATES[coop.state].review
    ]
    write(ReviewRequest, requests)
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
                {
                    "tenant_id": coop.tenant_id,
                    "cooperation_id": coop.pk,
                    "document_id": doc.pk,
                    "activity": f"Kegiatan {position}: {rng.choice(TOPICS)}",
                    "agency_id": rng.choice(staff[coop.tenant_id].agencies).pk,
                    "assignee_id": coop.owner_id,
                    "start_date": doc.valid_from,
                    "end_date": doc.valid_until,
                    "status": rng.choice(list(PlanItem.Status)[:3]),
                    "recurrence": PlanItem.Recurrence.YEARLY
                    if recurring
                    else PlanItem.Recurrence.NONE,
                    "position": position,
                }
            )
    write(PlanItem, items)
    return len(items)


def draw_activities(rng: random.Random, chunk: Chunk, today: date) -> list[Row]:
    """Meetings, letters and visits along each history; the last one dates the cooperation's
    last recorded activity."""
    rows: list[Row] = []
    for coop, path, partners in zip(chunk.cooperations, chunk.paths, chunk.partners, strict=True):
        span = max(1, (today - path.started_on).days)
        days = sorted(rng.randint(0, span) for _ in range(rng.randint(3, 14)))
        for offset in days:
            kind = rng.choice(ACTIVITY_KINDS)
            rows.append(
                {
                    "tenant_id": coop.tenant_id,
                    "kind": kind,
                    "date": path.started_on + timedelta(days=offset),
                    "title": f"{Activity.Kind(kind).label}: {coop.title}"[:250],
                    "cooperation_id": coop.pk,
                    "partner_id": partners[0].pk,
                    "recorded_by_id": coop.owner_id,
                }
            )
        coop.last_activity_on = rows[-1]["date"]
    return rows


def meetings(rng: random.Random, chunk: Chunk, today: date) -> int:
    """Calendar events for about one cooperation in five, a few of them still ahead."""
    chosen = [coop for coop in chunk.cooperations if rng.random() < 0.2]
    events = [
        {
            "id": pk,
            "tenant_id": coop.tenant_id,
            "name": f"Rapat koordinasi: {coop.title}"[:250],
            "place": coop.tenant.region.name,
            "starts_on": today + timedelta(days=rng.randint(-300, 60)),
        }
        for coop, pk in zip(chosen, reserve_ids(Event, len(chosen)), strict=True)
    ]
    write(Event, events)
    write(
        EventCooperation,
        [
            {"tenant_id": coop.tenant_id, "event_id": event["id"], "cooperation_id": coop.pk}
            for event, coop in zip(events, chosen, strict=True)
        ],
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
            done = is_overdue(due, today) and rng.random() < 0.6
            rows.append(
                {
                    "tenant_id": coop.tenant_id,
                    "title": f"Tindak lanjut {number + 1}: {coop.title}"[:250],
                    "cooperation_id": coop.pk,
                    "assignee_id": coop.owner_id,
                    "due_date": due,
                    "status": Task.Status.DONE if done else Task.Status.OPEN,
                    "completed_at": at(due) if done else None,
                    "created_by_id": coop.owner_id,
                }
            )
    write(Task, rows)
    return len(rows)


def publications(rng: random.Random, chunk: Chunk) -> int:
    """Most signed cooperations on their region's public portal."""
    rows = [
        {
            "tenant_id": coop.tenant_id,
            "cooperation_id": coop.pk,
            "public_title": coop.title,
            "public_summary": coop.summary,
            "published_at": at(coop.last_activity_on or path.started_on),
            "published_by_id": coop.owner_id,
        }
        for coop, path in zip(chunk.cooperations, chunk.paths, strict=True)
        if coop.state in workflow.AFTER_SIGNING and rng.random() < 0.6
    ]
    write(Publication, rows)
    return len(rows)
