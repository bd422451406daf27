"""A tenant the size of a big city, for the tests that pages stay small and fast as it grows.

Hundreds of rows of every kind a page lists: partners (foreign cities with a place, Indonesian
regions), cooperations spread over every step of both boards (dormant, on hold, signed with
agreements running out), their events, tasks, activities, notifications, review requests at the
centre, published cooperations, events and staff. The rows are written directly with
`bulk_create`, as `tests/tenant_world.py` does for the end of a workflow: building six hundred
cooperations through the services would take minutes, and only their number, their state and
their tenant matter to the pages measured here. Every row carries its tenant.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import cycle

from django.contrib.auth.models import User
from django.utils import timezone

from mitra.cooperations import workflow
from mitra.cooperations.models import (
    Cooperation,
    CooperationEvent,
    CooperationPartner,
    CooperationSector,
    Document,
    DocumentParty,
    Sector,
)
from mitra.events.models import Event, EventCooperation, PlannedSigning
from mitra.followups.models import Activity, Task
from mitra.implementation.models import PlanItem, ProgressUpdate
from mitra.partners.models import Country, Partner, Place
from mitra.portal.models import Publication
from mitra.regions.models import Region
from mitra.reminders.models import Reminder
from mitra.reviews.models import ReviewRequest
from mitra.staff.models import StaffProfile
from mitra.tenancy.models import Membership, Tenant

State = Cooperation.State

# Where the cooperations stand: every step of both boards, and the states several pages count
# apart (dormant, on hold at the centre, signed and being carried out).
FOREIGN_STATES = [*workflow.FOREIGN_STEPS[Tenant.ProcedureOrder.COUNCIL_FIRST]]
DOMESTIC_STATES = [*workflow.DOMESTIC_STEPS]
SIDE_STATES = [State.DORMANT, State.ON_HOLD_CENTRAL_REVIEW, State.RENEWAL_IN_PROGRESS]
SIGNED_STATES = frozenset(s for s, facts in workflow.STATES.items() if facts.signed)


@dataclass(frozen=True)
class Size:
    cooperations: int = 600
    tasks: int = 1500
    partners: int = 300
    reminders: int = 400
    events: int = 300
    staff: int = 150


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9)))


def _partners(tenant: Tenant, size: Size, tag: str) -> list[Partner]:
    countries = cycle(Country.objects.filter(cooperation_blocked=False).order_by("code")[:60])
    places = cycle(Place.objects.order_by("pk")[:200] or [None])
    regions = cycle(Region.objects.filter(latitude__isnull=False).order_by("code")[:100])
    rows = []
    for n in range(size.partners):
        if n % 5 == 4:
            region = next(regions)
            rows.append(
                Partner(
                    tenant=tenant,
                    kind=Partner.Kind.INDONESIAN_REGION,
                    name=f"{tag} {region.name} {n}",
                    region=region,
                )
            )
        else:
            place = next(places)
            rows.append(
                Partner(
                    tenant=tenant,
                    kind=Partner.Kind.FOREIGN_CITY_OR_REGION,
                    name=f"{tag} Mitra luar negeri {n}",
                    country=place.country if place else next(countries),
                    place=place,
                )
            )
    return Partner.objects.bulk_create(rows)


def _states_and_kinds(count: int) -> list[tuple[str, str]]:
    """One in ten at a side state, a third of the rest domestic; each board's steps in turn."""
    foreign, domestic, side = cycle(FOREIGN_STATES), cycle(DOMESTIC_STATES), cycle(SIDE_STATES)
    rows: list[tuple[str, str]] = []
    for n in range(count):
        if n % 10 == 9:
            rows.append((next(side), Cooperation.Kind.FOREIGN_REGION))
        elif n % 3 == 2:
            rows.append((next(domestic), Cooperation.Kind.DOMESTIC_REGION))
        else:
            rows.append((next(foreign), Cooperation.Kind.FOREIGN_REGION))
    return rows


def _cooperations(
    tenant: Tenant, officer: User, size: Size, tag: str, today: date
) -> list[Cooperation]:
    rows = []
    for n, (state, kind) in enumerate(_states_and_kinds(size.cooperations)):
        sub_form = (
            Cooperation.SubForm.SISTER_CITY
            if kind == Cooperation.Kind.FOREIGN_REGION
            else Cooperation.SubForm.VOLUNTARY
        )
        rows.append(
            Cooperation(
                tenant=tenant,
                kind=kind,
                sub_form=sub_form,
                state=state,
                title=f"{tag} Kerja sama pembangunan kota nomor {n}",
                summary="Kerja sama di bidang pariwisata, pendidikan dan ekonomi kreatif.",
                owner=officer,
                procedure_order=tenant.procedure_order,
                last_activity_on=today - timedelta(days=n % 400),
            )
        )
    return Cooperation.objects.bulk_create(rows)


def _links(tenant: Tenant, coops: list[Cooperation], partners: list[Partner], today: date) -> None:
    partner_of = cycle(partners)
    sectors = cycle(Sector.objects.order_by("pk")[:8])
    CooperationPartner.objects.bulk_create(
        CooperationPartner(tenant=tenant, cooperation=c, partner=next(partner_of)) for c in coops
    )
    CooperationSector.objects.bulk_create(
        CooperationSector(tenant=tenant, cooperation=c, sector=next(sectors)) for c in coops
    )
    CooperationEvent.objects.bulk_create(
        CooperationEvent(
            tenant=tenant,
            cooperation=c,
            action="create",
            target=c.state,
            at=_aware(today - timedelta(days=n % 300)),
        )
        for n, c in enumerate(coops)
    )


def _documents(tenant: Tenant, coops: list[Cooperation], today: date) -> list[Document]:
    """An agreement for each signed or dormant cooperation, numbered by both parties, many of
    them running out within the notice; a plan of action on each, half of it behind."""
    agreements = Document.objects.bulk_create(
        Document(
            tenant=tenant,
            cooperation=c,
            kind=Document.Kind.FRAMEWORK_AGREEMENT,
            title=f"Kesepakatan bersama {c.title}",
            date_signed=today - timedelta(days=700),
            valid_from=today - timedelta(days=700),
            valid_until=today + timedelta(days=n % 120),
        )
        for n, c in enumerate(coops)
        if c.state in SIGNED_STATES or c.state == State.DORMANT
    )
    DocumentParty.objects.bulk_create(
        DocumentParty(tenant=tenant, document=d, role=role, name=name, number=f"{n}/KS/{role}")
        for n, d in enumerate(agreements)
        for role, name in (("first", "Pemerintah Kota"), ("second", "Mitra"))
    )
    items = PlanItem.objects.bulk_create(
        PlanItem(
            tenant=tenant,
            cooperation_id=d.cooperation_id,
            document=d,
            activity=f"Pelatihan aparatur angkatan {n}",
            target_quantity=Decimal(100),
            unit="orang",
            start_date=today - timedelta(days=200),
            end_date=today + timedelta(days=100),
        )
        for n, d in enumerate(agreements)
    )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(tenant=tenant, item=item, date=today - timedelta(days=10), value=n % 100)
        for n, item in enumerate(items)
    )
    return agreements


def _follow_up(
    tenant: Tenant, officer: User, coops: list[Cooperation], size: Size, today: date
) -> None:
    activities = Activity.objects.bulk_create(
        Activity(
            tenant=tenant,
            kind=Activity.Kind.MEETING,
            date=today - timedelta(days=n % 90),
            title=f"Rapat koordinasi {n}",
            cooperation=c,
            recorded_by=officer,
        )
        for n, c in enumerate(coops)
    )
    coop_of = cycle(coops)
    activity_of = cycle(activities)
    Task.objects.bulk_create(
        Task(
            tenant=tenant,
            title=f"Tindak lanjut rapat nomor {n}",
            cooperation=next(coop_of),
            activity=next(activity_of),
            assignee=officer,
            due_date=today + timedelta(days=n % 60 - 20),
            created_by=officer,
        )
        for n in range(size.tasks)
    )


def _reminders(tenant: Tenant, officer: User, size: Size, today: date) -> None:
    Reminder.objects.bulk_create(
        Reminder(
            tenant=tenant,
            recipient=officer,
            kind=Reminder.Kind.TASK_DUE,
            subject=f"followups.task:{n}",
            window=f"due:{today.isoformat()}",
            params={"task": f"Tugas {n}", "due_date": today.isoformat(), "cooperation": ""},
            url="/followups/tasks/mine/",
            due_at=_aware(today - timedelta(days=n % 30)),
            sent_at=_aware(today),
        )
        for n in range(size.reminders)
    )


def _central(tenant: Tenant, officer: User, coops: list[Cooperation], today: date) -> None:
    """Review requests for those at the centre; the signed ones published on the portal."""
    review_kind = {state: kind for kind, state in workflow.STATE_OF_REVIEW.items()}
    ReviewRequest.objects.bulk_create(
        ReviewRequest(
            tenant=tenant,
            cooperation=c,
            kind=review_kind[c.state],
            opened_at=_aware(today - timedelta(days=n % 50)),
            opened_by=officer,
        )
        for n, c in enumerate(coops)
        if c.state in review_kind
    )
    Publication.objects.bulk_create(
        Publication(
            tenant=tenant,
            cooperation=c,
            public_title=f"Kerja sama untuk publik {c.title}",
            public_summary="Ringkasan untuk masyarakat.",
            published_at=_aware(today),
            published_by=officer,
        )
        for c in coops
        if c.state in SIGNED_STATES
    )


def _events(tenant: Tenant, coops: list[Cooperation], size: Size, today: date) -> None:
    """Events from today on, each with a cooperation on its programme; a letter of intent to
    be signed by each cooperation at the letter-of-intent step, at the first events."""
    events = Event.objects.bulk_create(
        Event(tenant=tenant, name=f"Forum kerja sama {n}", starts_on=today + timedelta(days=n))
        for n in range(size.events)
    )
    EventCooperation.objects.bulk_create(
        EventCooperation(tenant=tenant, event=e, cooperation=c)
        for e, c in zip(events, coops, strict=False)
    )
    signing = [c for c in coops if c.state == State.LETTER_OF_INTENT]
    PlannedSigning.objects.bulk_create(
        PlannedSigning(
            tenant=tenant,
            event=events[n % 3],
            cooperation=c,
            document_kind=Document.Kind.LETTER_OF_INTENT,
            action="sign_loi",
            order=n,
        )
        for n, c in enumerate(signing)
    )


def _staff(tenant: Tenant, size: Size, tag: str) -> None:
    users = User.objects.bulk_create(
        User(username=f"{tag.lower()}-staf-{n}", first_name="Staf", last_name=str(n))
        for n in range(size.staff)
    )
    Membership.objects.bulk_create(
        Membership(user=u, tenant=tenant, role=Membership.Role.COOPERATION_OFFICER) for u in users
    )
    StaffProfile.objects.bulk_create(
        StaffProfile(tenant=tenant, user=u, position=f"Analis kerja sama {n}")
        for n, u in enumerate(users)
    )


def fill(tenant: Tenant, officer: User, size: Size = Size(), tag: str = "Besar") -> None:
    """Give `tenant` a big city's register; `officer` owns the cooperations and the tasks."""
    today = timezone.localdate()
    partners = _partners(tenant, size, tag)
    coops = _cooperations(tenant, officer, size, tag, today)
    _links(tenant, coops, partners, today)
    _documents(tenant, coops, today)
    _follow_up(tenant, officer, coops, size, today)
    _reminders(tenant, officer, size, today)
    _central(tenant, officer, coops, today)
    _events(tenant, coops, size, today)
    _staff(tenant, size, tag)
