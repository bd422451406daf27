"""Loading and removing the demo data.

Every record is written through the application's services (regions, tenancy, partners,
cooperations, agencies included), so demo data passes the same rules and leaves the same audit
rows as real data. Past states are recorded with `record_past_state` (history that happened before
Mitra), which opens no review request, so the pending ones are opened afterwards. This module
writes directly only user accounts (Django's own manager), event times moved into the past by a
queryset update (demo history only), and `reset_demo`, a purge of demo data that deliberately
leaves no audit trail.
"""

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone

from mitra.audit.models import AuditEntry
from mitra.audit.services import record_key
from mitra.cooperations.models import (
    Affair,
    Agency,
    Cooperation,
    CooperationEvent,
    Document,
)
from mitra.cooperations.services import (
    PAST_STATE,
    attach_document,
    create_agency,
    create_cooperation,
    record_past_state,
)
from mitra.demo import seed
from mitra.demo.seed import central_review
from mitra.events.demo import load_events_demo
from mitra.followups.demo import load_followups_demo
from mitra.implementation.demo import load_implementation_demo
from mitra.partners.models import Contact, Country, Partner, Place
from mitra.partners.services import add_contact, create_partner
from mitra.portal.demo import load_portal_demo
from mitra.regions.models import Region
from mitra.regions.services import create_tenant
from mitra.reviews.demo import load_reviews_demo
from mitra.reviews.services import open_missing_reviews
from mitra.staff.demo import load_staff_demo
from mitra.tenancy.models import Membership, Tenant
from mitra.tenancy.services import add_member

DEMO_REGIONS = tuple(t.region for t in seed.TENANTS)
NEWEST_EVENT_AGO = timedelta(days=14)
AGREEMENTS = (Document.Kind.MOU, Document.Kind.FRAMEWORK_AGREEMENT)


def demo_tenants() -> list[Tenant]:
    return list(Tenant.objects.filter(region__code__in=DEMO_REGIONS).order_by("name"))


def demo_presence() -> list[str]:
    """What of the demo already exists: tenants of its regions, accounts with its usernames."""
    found = [t.name for t in demo_tenants()]
    found += User.objects.filter(username__in=seed.USERNAMES).values_list("username", flat=True)
    return found


@transaction.atomic
def load_demo(*, today: date | None = None) -> list[Tenant]:
    """Create both demo tenants with their people, agencies, partners and cooperations."""
    shift = _shift(today or timezone.localdate())
    # One hash for all: a slow password hash per account would make up most of the run time.
    password = make_password(seed.PASSWORD)
    for spec in seed.CENTRAL_USERS:
        _create_user(spec, tenant=None, password=password)
    tenants, officers, agencies = {}, {}, {}
    for tenant_spec in seed.TENANTS:
        tenant = _load_tenant(tenant_spec, password=password)
        tenants[tenant_spec.region] = tenant
        officers[tenant_spec.region] = _officer(tenant)
        agencies[tenant_spec.region] = {a.acronym: a for a in tenant.agencies.all()}
    partners = {
        p.key: _load_partner(p, tenants[p.tenant], by=officers[p.tenant]) for p in seed.PARTNERS
    }
    for coop in seed.COOPERATIONS:
        _load_cooperation(
            coop,
            tenant=tenants[coop.tenant],
            partners=partners,
            agencies=agencies[coop.tenant],
            by=officers[coop.tenant],
            shift=shift,
        )
    # History recorded with record_past_state opened no review request: open the ones still pending.
    open_missing_reviews()
    load_reviews_demo(
        User.objects.get(username=seed.CENTRAL_USERS[0].username), central_review.DECISIONS
    )
    day = today or timezone.localdate()
    load_events_demo(tenants, officers, day)
    load_followups_demo(tenants, officers, day)
    load_staff_demo(tenants, day)
    load_implementation_demo(tenants, officers, day)
    load_portal_demo(tenants, officers)
    return list(tenants.values())


@transaction.atomic
def reset_demo() -> None:
    """Remove the demo tenants' records, their audit rows and the demo accounts; nothing else.

    Reference data, other tenants and users outside the demo list are untouched. The audit rows
    go too: they belong to the tenants being removed and would keep them alive (PROTECT).
    """
    tenants = demo_tenants()
    users = list(User.objects.filter(username__in=seed.USERNAMES))
    # Document.parent is PROTECT even when both ends are deleted together; unchain first.
    Document.objects.filter(cooperation__tenant__in=tenants).update(parent=None)
    Cooperation.objects.filter(tenant__in=tenants).delete()
    Partner.objects.filter(tenant__in=tenants).delete()
    Agency.objects.filter(tenant__in=tenants).delete()
    _delete_rows_pointing_at(Tenant, tenants)
    _delete_rows_pointing_at(User, users)
    memberships = Membership.objects.filter(Q(tenant__in=tenants) | Q(tenant=None, user__in=users))
    keys = [record_key(m) for m in memberships]
    AuditEntry.objects.filter(
        Q(tenant__in=tenants) | Q(tenant=None, user__in=users) | Q(tenant=None, record__in=keys)
    ).delete()
    memberships.delete()
    Tenant.objects.filter(pk__in=[t.pk for t in tenants]).delete()
    User.objects.filter(pk__in=[u.pk for u in users]).delete()


def _delete_rows_pointing_at(target: type[Model], objects: list[Any]) -> None:
    """Delete the rows of every other app (tasks, events, reminders, staff ...) that point at
    the demo tenants or accounts, so a model added later cannot block the reset."""
    kept = {Tenant, Membership, AuditEntry, User}
    for model in apps.get_models():
        if model in kept:
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is target:
                model._default_manager.filter(**{f"{field.name}__in": objects}).delete()


def create_superuser() -> bool:
    """Create the `admin` superuser with the demo password, unless that username exists."""
    if User.objects.filter(username=seed.SUPERUSER).exists():
        return False
    User.objects.create_superuser(
        seed.SUPERUSER, email=f"{seed.SUPERUSER}@example.org", password=seed.PASSWORD
    )
    return True


def demo_counts() -> dict[str, dict[str, int]]:
    """Per demo tenant, how many records of each kind it holds."""
    return {
        tenant.name: {
            "users": tenant.memberships.count(),
            "agencies": tenant.agencies.count(),
            "partners": tenant.partners.count(),
            "contacts": Contact.objects.filter(partner__tenant=tenant).count(),
            "cooperations": tenant.cooperations.count(),
            "documents": Document.objects.filter(cooperation__tenant=tenant).count(),
            "events": CooperationEvent.objects.filter(cooperation__tenant=tenant).count(),
        }
        for tenant in demo_tenants()
    }


def _shift(today: date) -> timedelta:
    """How far to move the story's dates so the newest one lands two weeks before `today`."""
    newest = max(
        day
        for coop in seed.COOPERATIONS
        for day in (
            coop.created[0],
            *(step[1] for step in coop.steps),
            *(doc.date_signed for doc in coop.documents),
        )
    )
    return (today - NEWEST_EVENT_AGO) - newest


def _last_valid_day(start: date, years: int) -> date:
    """The day before the anniversary: a five-year term from 1 March ends on 28 or 29 February."""
    try:
        anniversary = start.replace(year=start.year + years)
    except ValueError:  # 29 February in a year without one
        anniversary = start.replace(year=start.year + years, day=28) + timedelta(days=1)
    return anniversary - timedelta(days=1)


def _moment(day: date, shift: timedelta) -> datetime:
    return timezone.make_aware(datetime.combine(day + shift, time(9, 0)))


def _create_user(spec: seed.DemoUser, *, tenant: Tenant | None, password: str) -> User:
    user = User.objects.create(
        username=spec.username,
        email=f"{spec.username}@example.org",
        password=password,
        first_name=spec.first_name,
        last_name=spec.last_name,
        is_staff=spec.is_staff,
    )
    add_member(user, spec.role, tenant=tenant, by=None)
    return user


def _load_tenant(spec: seed.DemoTenant, *, password: str) -> Tenant:
    region = Region.objects.get(code=spec.region)
    tenant = create_tenant(region, by=None, name=spec.name, cooperation_unit=spec.cooperation_unit)
    for user in spec.users:
        _create_user(user, tenant=tenant, password=password)
    for name, acronym in spec.agencies:
        create_agency(tenant, by=None, name=name, acronym=acronym)
    return tenant


def _officer(tenant: Tenant) -> User:
    return Membership.objects.get(tenant=tenant, role=Membership.Role.COOPERATION_OFFICER).user


def _place(spec: seed.DemoPartner) -> Place | None:
    if spec.place is None:
        return None
    place = Place.objects.get(pk=spec.place)
    if place.name != spec.place_name or place.country_id != spec.country:
        raise ValueError(f"GeoNames {spec.place} is {place}, not {spec.place_name}")
    return place


def _load_partner(spec: seed.DemoPartner, tenant: Tenant, *, by: User) -> Partner:
    partner = create_partner(
        tenant,
        by=by,
        aliases=spec.aliases,
        kind=spec.kind,
        name=spec.name,
        country=Country.objects.get(code=spec.country) if spec.country else None,
        region=Region.objects.get(code=spec.region) if spec.region else None,
        place=_place(spec),
        notes=spec.notes,
    )
    for contact in spec.contacts:
        add_contact(
            partner,
            by=by,
            name=contact.name,
            position=contact.position,
            email=contact.email,
            language=contact.language,
        )
    return partner


def _term(spec: seed.DemoCooperation, shift: timedelta) -> tuple[date | None, date | None]:
    """A signed cooperation runs for the term of its first MoU or KB."""
    for doc in spec.documents:
        if doc.kind in AGREEMENTS and doc.valid_years is not None:
            signed = doc.date_signed + shift
            return signed, _last_valid_day(signed, doc.valid_years)
    return None, None


def _load_cooperation(
    spec: seed.DemoCooperation,
    *,
    tenant: Tenant,
    partners: dict[str, Partner],
    agencies: dict[str, Agency],
    by: User,
    shift: timedelta,
) -> Cooperation:
    affairs = list(Affair.objects.filter(slug__in=spec.affairs))
    if len(affairs) != len(spec.affairs):
        raise ValueError(f"unknown affairs in {spec.affairs}")
    start, end = _term(spec, shift)
    coop = create_cooperation(
        tenant,
        by=by,
        kind=spec.kind,
        sub_form=spec.sub_form,
        route=spec.route,
        title=spec.title,
        summary=spec.summary,
        partners=[partners[key] for key in spec.partners],
        sectors=spec.sectors,
        affairs=affairs,
        objects_of_cooperation=spec.objects,
        initiating_agency=agencies[spec.initiating_agency] if spec.initiating_agency else None,
        implementing_agencies=[agencies[a] for a in spec.implementing_agencies],
        budget=spec.budget,
        budget_line=spec.budget_line,
        owner=by,
        start_date=start,
        end_date=end,
        note=spec.created[1],
    )
    coop.events.update(at=_moment(spec.created[0], shift))
    _replay_steps(coop, spec, by=by, shift=shift)
    _attach_documents(coop, spec, by=by, shift=shift)
    return coop


def _replay_steps(
    coop: Cooperation, spec: seed.DemoCooperation, *, by: User, shift: timedelta
) -> None:
    for step in spec.steps:
        state, day = step[0], step[1]
        note = step[2] if len(step) == 3 else seed.STEP_NOTES[Cooperation.State(state)]
        action = "put_on_hold" if state == Cooperation.State.ON_HOLD_CENTRAL_REVIEW else PAST_STATE
        event = record_past_state(coop, state, by=by, action=action, note=note)
        CooperationEvent.objects.filter(pk=event.pk).update(at=_moment(day, shift))


def _attach_documents(
    coop: Cooperation, spec: seed.DemoCooperation, *, by: User, shift: timedelta
) -> None:
    attached: dict[str, Document] = {}
    for doc in spec.documents:
        signed = doc.date_signed + shift
        attached[doc.key] = attach_document(
            coop,
            by=by,
            parties=[replace(p, number=p.number.format(year=signed.year)) for p in doc.parties],
            kind=doc.kind,
            title=doc.title,
            scope=doc.scope,
            parent=attached[doc.parent] if doc.parent else None,
            place_signed=doc.place_signed,
            date_signed=signed,
            valid_from=signed if doc.valid_years else None,
            valid_until=_last_valid_day(signed, doc.valid_years) if doc.valid_years else None,
            languages=doc.languages,
            prevailing_language=doc.prevailing_language,
            custody=doc.custody,
        )
