"""One row of every tenant-owned model for a tenant, each marked with a word of that tenant.

The choice-scoping tests walk every admin and form and look for the other tenant's rows; they
can only find them if every model has some. The rows a service makes easily come through the
service; the rest (the end of a workflow: reviews, reminders, evaluations, news, imports) are
written directly, since only their existence and their tenant matter here.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from mitra.api.models import ApiToken
from mitra.cooperations.models import (
    Affair,
    Consideration,
    Cooperation,
    CooperationEvent,
    Document,
    DocumentParty,
    Sector,
)
from mitra.cooperations.services import create_agency
from mitra.downloads.services import request_file
from mitra.events.models import CalendarFeed, Event, PlannedSigning
from mitra.events.services import create_event
from mitra.followups.services import create_task, log_activity
from mitra.implementation.models import (
    Evaluation,
    EvaluationReminder,
    IntendedOutput,
    Obligation,
    PlanItem,
    ProgressUpdate,
)
from mitra.imports.models import ImportRun
from mitra.intake.models import NewsItem, NewsLink
from mitra.partners.services import add_contact
from mitra.portal.models import PortalPage, Publication
from mitra.reminders.models import Reminder
from mitra.reviews.models import ReviewRequest
from mitra.staff.services import create_staff_profile
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_cooperation, make_document, make_partner, make_tenant, make_user


@dataclass
class World:
    """A tenant's rows; `marker` is in the name or title of each that has one."""

    tenant: Tenant
    marker: str
    officer: User
    cooperation: Cooperation
    document: Document


def make_world(tenant: Tenant, marker: str) -> World:
    officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER, f"{marker}-officer")
    agency = create_agency(tenant, by=None, name=f"Dinas {marker}", acronym=marker[:10])
    partner = make_partner(tenant, name=f"Partner {marker}", aliases=[f"Alias {marker}"])
    contact = add_contact(partner, by=None, name=f"Contact {marker}")
    coop = make_cooperation(
        tenant,
        title=f"Cooperation {marker}",
        partners=[partner],
        initiating_agency=agency,
        implementing_agencies=[agency],
        sectors=[Sector.Slug.TOURISM],
        affairs=[Affair.objects.order_by("pk").first()],
    )
    parent = make_document(coop, title=f"Letter {marker}")
    document = make_document(
        coop, kind=Document.Kind.MOU, title=f"MoU {marker}", parent=parent, date_signed=_day(-30)
    )
    DocumentParty.objects.create(
        tenant=tenant, document=document, role="partner", name=f"Party {marker}"
    )
    activity = log_activity(
        tenant,
        by=officer,
        kind="meeting",
        date=_day(-1),
        title=f"Meeting {marker}",
        cooperation=coop,
        partner=partner,
        partner_contacts=[contact],
        staff=[officer],
    )
    task = create_task(
        tenant, by=officer, title=f"Task {marker}", assignee=officer, due_date=_day(7)
    )
    event = create_event(tenant, by=officer, name=f"Event {marker}", starts_on=_day(10))
    _workflow_rows(tenant, marker, officer, coop, document, activity, task, event)
    item = _plan_rows(tenant, marker, officer, coop, document, contact, agency, task, event)
    _news_rows(tenant, marker, officer, partner, coop, activity, item)
    return World(tenant, marker, officer, coop, document)


def _day(offset: int) -> date:
    return timezone.localdate() + timedelta(days=offset)


def _workflow_rows(
    tenant: Tenant,
    marker: str,
    officer: User,
    coop: Cooperation,
    document: Document,
    activity: Any,
    task: Any,
    event: Event,
) -> None:
    now = timezone.now()
    PlannedSigning.objects.create(
        tenant=tenant,
        event=event,
        cooperation=coop,
        document_kind="mou",
        action="record_mou",
        note=marker,
    )
    event.cooperations.add(coop, through_defaults={"tenant": tenant})
    CalendarFeed.objects.create(
        tenant=tenant, user=officer, created_by=officer, token_hash=f"feed-{marker}"
    )
    create_staff_profile(
        tenant,
        officer,
        by=None,
        position=f"Staff {marker}",
        sectors=[Sector.Slug.TOURISM],
        languages=[("en", "fluent")],
    )
    Reminder.objects.create(
        tenant=tenant,
        recipient=officer,
        kind=Reminder.Kind.TASK_DUE,
        subject=f"followups.task:{task.pk}",
        window=marker,
        url="/",
        due_at=now,
    )
    opened = CooperationEvent.objects.filter(cooperation=coop).first()
    ReviewRequest.objects.create(
        cooperation=coop,
        tenant=tenant,
        kind=ReviewRequest.Kind.VERIFICATION,
        opened_at=now,
        opened_by=officer,
        opened_event=opened,
        decision_document=document,
    )
    ApiToken.objects.create(
        user=officer, tenant=tenant, name=f"Token {marker}", prefix=marker[:8], token_hash=marker
    )
    Consideration.objects.create(
        tenant=tenant,
        cooperation=coop,
        state=coop.state,
        recommendation="agree",
        note=marker,
        by=officer,
        at=now,
    )
    Publication.objects.create(tenant=tenant, cooperation=coop, public_title=f"Public {marker}")
    PortalPage.objects.create(tenant=tenant, intro=marker)
    request_file(
        tenant, by=officer, kind="reports.xlsx", params={"year": [marker[:4]]}, language="id"
    )


def _plan_rows(
    tenant: Tenant,
    marker: str,
    officer: User,
    coop: Cooperation,
    document: Document,
    contact: Any,
    agency: Any,
    task: Any,
    event: Event,
) -> PlanItem:
    item = PlanItem.objects.create(
        tenant=tenant,
        cooperation=coop,
        document=document,
        activity=f"Plan {marker}",
        agency=agency,
        counterpart_contact=contact,
        assignee=officer,
        start_date=_day(-30),
    )
    ProgressUpdate.objects.create(
        tenant=tenant, item=item, date=_day(-2), note=marker, reported_by=officer
    )
    Obligation.objects.create(
        tenant=tenant,
        item=item,
        period_start=_day(-30),
        period_end=_day(30),
        due_date=_day(30),
        task=task,
        event=event,
    )
    Evaluation.objects.create(
        tenant=tenant,
        cooperation=coop,
        agreement=document,
        report=document,
        decision_task=task,
        evaluated_by=officer,
        period_start=_day(-365),
        period_end=_day(-1),
        date=_day(-1),
        outputs_achieved=marker,
        benefits=marker,
        partner_responsiveness=3,
        recommendation=Evaluation.Recommendation.CONTINUE,
    )
    EvaluationReminder.objects.create(
        tenant=tenant, cooperation=coop, period_start=_day(-365), task=task
    )
    IntendedOutput.objects.create(
        tenant=tenant, cooperation=coop, description=f"Output {marker}", plan_item=item
    )
    return item


def _news_rows(
    tenant: Tenant,
    marker: str,
    officer: User,
    partner: Any,
    coop: Cooperation,
    activity: Any,
    item: PlanItem,
) -> None:
    now = timezone.now()
    news = NewsItem.objects.create(
        tenant=tenant,
        title=f"News {marker}",
        text=marker,
        text_hash=marker,
        submitted_at=now,
        submitted_by=officer,
    )
    NewsItem.objects.create(
        tenant=tenant,
        title=f"Echo {marker}",
        text=marker,
        text_hash=f"{marker}-2",
        submitted_at=now,
        similar_to=news,
    )
    NewsLink.objects.create(
        tenant=tenant,
        news_item=news,
        name=marker,
        partner=partner,
        cooperation=coop,
        activity=activity,
    )
    run = ImportRun.objects.create(
        tenant=tenant,
        file=f"imports/{marker}.xlsx",  # only the name: no file is written outside a test's media
        file_name=f"{marker}.xlsx",
        sha256=marker,
        uploaded_by=officer,
        uploaded_at=now,
        checked_at=now,
    )
    run.cooperations.add(coop, through_defaults={"tenant": tenant})


@contextmanager
def two_worlds(blocker: Any) -> Iterator[tuple[World, World]]:
    """Makassar's and Bandung's worlds for a whole test module, rolled back after it.

    Building them takes seconds; each test still runs in its own savepoint inside.
    """
    with blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield (
                make_world(make_tenant("7371"), "MAKASSAR"),
                make_world(make_tenant("3273"), "BANDUNGONLY"),
            )
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
