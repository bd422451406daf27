"""What is due to be reminded of on a day, and to whom: plain queries, nothing written.

Each source yields `Due` items computed from windows over dates ("due within the tenant's
reminder_task_days", "ends within 90 days", "this ISO week"), so the same day computed twice gives
the same items and a day after missed runs still gives everything not yet reminded of.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from mitra.cooperations import rules
from mitra.cooperations.models import Cooperation
from mitra.cooperations.queries import expiring_documents
from mitra.followups.models import Task
from mitra.followups.rules import needs_follow_up
from mitra.implementation.queries import dormant_rows
from mitra.lib.deadlines import is_overdue
from mitra.reminders.models import Reminder
from mitra.reviews.models import ReviewRequest
from mitra.tenancy.models import Membership, Tenant

K = Reminder.Kind
REVIEW_WAITING_AFTER_DAYS = 14  # the centre has no tenant settings; two weeks, then weekly


@dataclass(frozen=True)
class Due:
    """A reminder to create unless it exists: the Reminder fields that identify and describe it."""

    tenant: Tenant | None
    recipient_id: int
    kind: str
    subject: str
    window: str
    url: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def key(self) -> tuple[int, str, str, str]:
        return (self.recipient_id, self.kind, self.subject, self.window)


def week_bucket(today: date) -> str:
    year, week, _day = today.isocalendar()
    return f"week:{year}-W{week:02d}"


@dataclass
class People:
    """A tenant's members by role, fetched once per tenant."""

    members: set[int]
    officers: list[int]
    leadership: list[int]

    @classmethod
    def of(cls, tenant: Tenant) -> "People":
        rows = Membership.objects.filter(tenant=tenant, user__is_active=True)
        pairs = list(rows.values_list("user_id", "role"))
        return cls(
            members={user for user, _role in pairs},
            officers=sorted(u for u, r in pairs if r == Membership.Role.COOPERATION_OFFICER),
            leadership=sorted(u for u, r in pairs if r == Membership.Role.LEADERSHIP),
        )

    def responsible_for(self, coop: Cooperation) -> list[int]:
        """The cooperation's owner if still a member of its tenant, else the cooperation officers."""
        if coop.owner_id is not None and coop.owner_id in self.members:
            return [coop.owner_id]
        return self.officers


def for_tenant(tenant: Tenant, today: date) -> Iterator[Due]:
    people = People.of(tenant)
    yield from task_reminders(tenant, today, people)
    yield from document_reminders(tenant, today, people)
    yield from renewal_reminders(tenant, today, people)
    yield from follow_up_reminders(tenant, today, people)
    yield from dormant_reminders(tenant, today, people)


def task_reminders(tenant: Tenant, today: date, people: People) -> Iterator[Due]:
    """Open tasks due within `reminder_task_days` or overdue; past `escalation_days`, leadership."""
    horizon = today + timedelta(days=tenant.reminder_task_days)
    tasks = Task.objects.open().filter(tenant=tenant, due_date__lte=horizon)
    for task in tasks.select_related("cooperation", "assignee").order_by("due_date", "pk"):
        subject, url = f"followups.task:{task.pk}", task.get_absolute_url()
        params = {
            "task": task.title,
            "due_date": task.due_date.isoformat(),
            "cooperation": task.cooperation.title if task.cooperation else "",
        }
        if task.assignee_id in people.members:
            late = is_overdue(task.due_date, today)
            window = ("overdue:" if late else "due:") + task.due_date.isoformat()
            yield Due(tenant, task.assignee_id, K.TASK_DUE, subject, window, url, params)
        if (today - task.due_date).days > tenant.escalation_days:
            escalated = {**params, "assignee": task.assignee.get_full_name() or str(task.assignee)}
            window = f"escalation:{task.due_date.isoformat()}"
            for user in people.leadership:
                yield Due(tenant, user, K.TASK_OVERDUE_ESCALATION, subject, window, url, escalated)


def expiry_window(days_left: int, windows: list[int]) -> int | None:
    """The smallest window (in days) that `days_left` falls in; None if beyond the largest."""
    inside = [window for window in windows if days_left <= window]
    return min(inside) if inside else None


def document_reminders(tenant: Tenant, today: date, people: People) -> Iterator[Due]:
    """Expiring documents (`rules.document_is_expiring`, the dashboard's list), each in the
    smallest of the tenant's windows it has reached."""
    windows = tenant.expiry_window_days
    for doc in expiring_documents(tenant, today, rules.expiry_lead_days(tenant)):
        if doc.valid_until is None:  # excluded by the filter; narrows the type
            continue
        window = expiry_window((doc.valid_until - today).days, windows)
        params = {
            "document": doc.title,
            "cooperation": doc.cooperation.title,
            "valid_until": doc.valid_until.isoformat(),
        }
        for user in people.responsible_for(doc.cooperation):
            yield Due(
                tenant,
                user,
                K.DOCUMENT_EXPIRING,
                f"cooperations.document:{doc.pk}",
                f"{window}:{doc.valid_until.isoformat()}",
                doc.cooperation.get_absolute_url(),
                params,
            )


def renewal_reminders(tenant: Tenant, today: date, people: People) -> Iterator[Due]:
    """Cooperations in renewal, once a week until the renewal is done."""
    renewing = Cooperation.objects.for_tenant(tenant).filter(
        state=Cooperation.State.RENEWAL_IN_PROGRESS
    )
    for coop in renewing.order_by("pk"):
        for user in people.responsible_for(coop):
            yield Due(
                tenant,
                user,
                K.RENEWAL_IN_PROGRESS,
                f"cooperations.cooperation:{coop.pk}",
                week_bucket(today),
                coop.get_absolute_url(),
                {"cooperation": coop.title},
            )


def follow_up_reminders(tenant: Tenant, today: date, people: People) -> Iterator[Due]:
    """Cooperations the follow-up rule flags, once a week while they stay flagged."""
    for gap in needs_follow_up(tenant, today):
        coop = gap.cooperation
        for user in people.responsible_for(coop):
            yield Due(
                tenant,
                user,
                K.NEEDS_FOLLOW_UP,
                f"cooperations.cooperation:{coop.pk}",
                week_bucket(today),
                coop.get_absolute_url(),
                {"cooperation": coop.title, "reasons": [str(r) for r in gap.reasons]},
            )


def dormant_reminders(tenant: Tenant, today: date, people: People) -> Iterator[Due]:
    """Dormant agreements, once a week to leadership and whoever is responsible, with what the
    plan of action promised and what is missing."""
    for row in dormant_rows(tenant, today):
        coop = row.cooperation
        params = {
            "cooperation": coop.title,
            "promised": [str(p) for p in row.facts.promised],
            "missing": [str(m) for m in row.facts.missing],
        }
        for user in sorted({*people.leadership, *people.responsible_for(coop)}):
            yield Due(
                tenant,
                user,
                K.DORMANT_AGREEMENT,
                f"cooperations.cooperation:{coop.pk}",
                week_bucket(today),
                coop.get_absolute_url(),
                params,
            )


def review_reminders(today: date) -> Iterator[Due]:
    """Requests open for more than two weeks, to every central reviewer, once a week."""
    cutoff = timezone.make_aware(
        datetime.combine(today - timedelta(days=REVIEW_WAITING_AFTER_DAYS), time.min)
    )
    reviewers = list(
        Membership.objects.filter(role=Membership.Role.CENTRAL_REVIEWER, user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    waiting = ReviewRequest.objects.waiting().filter(opened_at__lt=cutoff)
    for request in waiting.select_related("cooperation", "tenant").order_by("opened_at", "pk"):
        params = {
            "cooperation": request.cooperation.title,
            "tenant": request.tenant.name,
            "opened_on": timezone.localdate(request.opened_at).isoformat(),
        }
        url = reverse("reviews:detail", args=[request.pk])
        for user in reviewers:
            subject = f"reviews.reviewrequest:{request.pk}"
            yield Due(None, user, K.REVIEW_WAITING, subject, week_bucket(today), url, params)
