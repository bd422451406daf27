"""What is due to be reminded of on a day, and to whom: plain queries, nothing written.

Each source yields `Due` items computed from windows over dates ("due within the tenant's
reminder_task_days", "ends within 90 days", "this ISO week"), so the same day computed twice gives
the same items and a day after missed runs still gives everything not yet reminded of.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Case, CharField, Exists, Func, OuterRef, Q, Value, When
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone

from mitra.cooperations import rules
from mitra.cooperations.models import Cooperation
from mitra.cooperations.queries import expiring_documents_in
from mitra.followups.models import Task, TaskQuerySet, task_urls
from mitra.followups.rules import needs_follow_up_in
from mitra.implementation.queries import dormant_rows_in
from mitra.lib.deadlines import (
    is_overdue,
    overdue_for_more_than,
    overdue_for_more_than_q,
    overdue_q,
)
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
    """The members of the tenants by role, fetched in one query for all of them."""

    members: dict[int, set[int]]
    officers: dict[int, list[int]]
    leadership: dict[int, list[int]]

    @classmethod
    def of(cls, tenants: Sequence[Tenant]) -> "People":
        rows = Membership.objects.filter(
            tenant_id__in=[t.pk for t in tenants], user__is_active=True
        ).order_by("user_id")
        people = cls({}, {}, {})
        for tenant_id, user, role in rows.values_list("tenant_id", "user_id", "role"):
            people.members.setdefault(tenant_id, set()).add(user)
            if role == Membership.Role.COOPERATION_OFFICER:
                people.officers.setdefault(tenant_id, []).append(user)
            elif role == Membership.Role.LEADERSHIP:
                people.leadership.setdefault(tenant_id, []).append(user)
        return people

    def is_member(self, tenant_id: int, user_id: int | None) -> bool:
        return user_id in self.members.get(tenant_id, set())

    def leaders_of(self, tenant_id: int) -> list[int]:
        return self.leadership.get(tenant_id, [])

    def responsible_for(self, coop: Cooperation) -> list[int]:
        """The cooperation's owner if still a member of its tenant, else the cooperation officers."""
        if coop.owner_id is not None and self.is_member(coop.tenant_id, coop.owner_id):
            return [coop.owner_id]
        return self.officers.get(coop.tenant_id, [])


# The sources of tenants' reminders, each one set of queries for all the tenants together (so
# the daily run's queries do not grow with the number of regions).
def for_tenants(tenants: Sequence[Tenant], today: date) -> list[Due]:
    """Everything due on `today` in the tenants, grouped by tenant in the tenants' order."""
    people = People.of(tenants)
    items = [
        *task_reminders(tenants, today, people),
        *document_reminders(tenants, today, people),
        *renewal_reminders(tenants, today, people),
        *follow_up_reminders(tenants, today, people),
        *dormant_reminders(tenants, today, people),
    ]
    order = {tenant.pk: index for index, tenant in enumerate(tenants)}
    return sorted(items, key=lambda item: order[item.tenant.pk] if item.tenant else -1)


def task_reminders(tenants: Sequence[Tenant], today: date, people: People) -> Iterator[Due]:
    """Open tasks due within `reminder_task_days` or overdue; past `escalation_days`, leadership.

    Read as plain rows, not models: at national scale there are a hundred thousand of them."""
    by_pk = {tenant.pk: tenant for tenant in tenants}
    widest = max((tenant.reminder_task_days for tenant in tenants), default=0)
    tasks = Task.objects.open().filter(
        tenant_id__in=by_pk, due_date__lte=today + timedelta(days=widest)
    )
    tasks = not_yet_reminded(tasks, tenants, today)
    url_of = task_urls()
    for pk, tenant_id, title, due_date, assignee_id, cooperation, *name in tasks.order_by(
        "due_date", "pk"
    ).values_list(*TASK_COLUMNS):
        tenant = by_pk[tenant_id]
        if (due_date - today).days > tenant.reminder_task_days:
            continue  # within another tenant's horizon, not this one's
        subject, url = f"followups.task:{pk}", url_of(pk)
        params = {"task": title, "due_date": due_date.isoformat(), "cooperation": cooperation or ""}
        if people.is_member(tenant_id, assignee_id):
            window = ("overdue:" if is_overdue(due_date, today) else "due:") + due_date.isoformat()
            yield Due(tenant, assignee_id, K.TASK_DUE, subject, window, url, params)
        if overdue_for_more_than(due_date, today, tenant.escalation_days):
            first, last, username = name
            escalated = {**params, "assignee": f"{first} {last}".strip() or username}
            window = f"escalation:{due_date.isoformat()}"
            for user in people.leaders_of(tenant_id):
                yield Due(tenant, user, K.TASK_OVERDUE_ESCALATION, subject, window, url, escalated)


def not_yet_reminded(tasks: TaskQuerySet, tenants: Sequence[Tenant], today: date) -> TaskQuerySet:
    """The tasks with a reminder of today's windows still missing: an assignee still a member
    not told in the task's window, or past the escalation days a leader not told.

    Decided in SQL over the reminders' unique rule, before any reminder is worded: in the daily
    steady state nearly every one of a hundred thousand open tasks has all its reminders."""
    escalating = Q(pk__in=[])
    for days in sorted({tenant.escalation_days for tenant in tenants}):
        within = [tenant.pk for tenant in tenants if tenant.escalation_days == days]
        escalating |= Q(tenant_id__in=within) & overdue_for_more_than_q("due_date", today, days)
    first = Case(When(overdue_q("due_date", today), then=Value("overdue:")), default=Value("due:"))
    tasks = tasks.annotate(
        reminder_subject=Concat(Value("followups.task:"), Cast("pk", CharField())),
        due_window=Concat(first, IsoDate("due_date")),
        escalation_window=Concat(Value("escalation:"), IsoDate("due_date")),
    )
    active = Membership.objects.filter(tenant_id=OuterRef("tenant_id"), user__is_active=True)
    told = Reminder.objects.filter(
        recipient_id=OuterRef("assignee_id"),
        kind=K.TASK_DUE,
        subject=OuterRef("reminder_subject"),
        window=OuterRef("due_window"),
    )
    leader_told = Reminder.objects.filter(
        recipient_id=OuterRef("user_id"),
        kind=K.TASK_OVERDUE_ESCALATION,
        subject=OuterRef(OuterRef("reminder_subject")),
        window=OuterRef(OuterRef("escalation_window")),
    )
    leader_not_told = active.filter(role=Membership.Role.LEADERSHIP).exclude(Exists(leader_told))
    member = active.filter(user_id=OuterRef("assignee_id"))
    return tasks.filter((Exists(member) & ~Exists(told)) | (escalating & Exists(leader_not_told)))


class IsoDate(Func):
    """A date as text, `YYYY-MM-DD` like `date.isoformat`, whatever PostgreSQL's DateStyle."""

    template = "to_char(%(expressions)s, 'YYYY-MM-DD')"
    output_field = CharField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return Cast(self.source_expressions[0], CharField()).as_sql(compiler, connection)


# A task's columns the reminders need; the last three name its assignee (`get_full_name`, else
# the username).
TASK_COLUMNS = (
    "pk",
    "tenant_id",
    "title",
    "due_date",
    "assignee_id",
    "cooperation__title",
    "assignee__first_name",
    "assignee__last_name",
    "assignee__username",
)


def expiry_window(days_left: int, windows: list[int]) -> int | None:
    """The smallest window (in days) that `days_left` falls in; None if beyond the largest."""
    inside = [window for window in windows if days_left <= window]
    return min(inside) if inside else None


def document_reminders(tenants: Sequence[Tenant], today: date, people: People) -> Iterator[Due]:
    """Expiring documents (`rules.document_is_expiring`, the dashboard's list), each in the
    smallest of its tenant's windows it has reached."""
    by_pk = {tenant.pk: tenant for tenant in tenants}
    leads = {tenant.pk: rules.expiry_lead_days(tenant) for tenant in tenants}
    for doc in expiring_documents_in(leads, today):
        tenant = by_pk[doc.cooperation.tenant_id]
        if doc.valid_until is None:  # excluded by the filter; narrows the type
            continue
        window = expiry_window((doc.valid_until - today).days, tenant.expiry_window_days)
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


def renewal_reminders(tenants: Sequence[Tenant], today: date, people: People) -> Iterator[Due]:
    """Cooperations in renewal, once a week until the renewal is done."""
    renewing = Cooperation.objects.filter(
        tenant__in=tenants, state=Cooperation.State.RENEWAL_IN_PROGRESS
    ).select_related("tenant")
    for coop in renewing.order_by("pk"):
        for user in people.responsible_for(coop):
            yield Due(
                coop.tenant,
                user,
                K.RENEWAL_IN_PROGRESS,
                f"cooperations.cooperation:{coop.pk}",
                week_bucket(today),
                coop.get_absolute_url(),
                {"cooperation": coop.title},
            )


def follow_up_reminders(tenants: Sequence[Tenant], today: date, people: People) -> Iterator[Due]:
    """Cooperations the follow-up rule flags, once a week while they stay flagged."""
    by_pk = {tenant.pk: tenant for tenant in tenants}
    for gap in needs_follow_up_in(tenants, today):
        coop = gap.cooperation
        for user in people.responsible_for(coop):
            yield Due(
                by_pk[coop.tenant_id],
                user,
                K.NEEDS_FOLLOW_UP,
                f"cooperations.cooperation:{coop.pk}",
                week_bucket(today),
                coop.get_absolute_url(),
                {"cooperation": coop.title, "reasons": [str(r) for r in gap.reasons]},
            )


def dormant_reminders(tenants: Sequence[Tenant], today: date, people: People) -> Iterator[Due]:
    """Dormant agreements, once a week to leadership and whoever is responsible, with what the
    plan of action promised and what is missing."""
    for row in dormant_rows_in(tenants, today):
        coop = row.cooperation
        params = {
            "cooperation": coop.title,
            "promised": [str(p) for p in row.facts.promised],
            "missing": [str(m) for m in row.facts.missing],
        }
        for user in sorted({*people.leaders_of(coop.tenant_id), *people.responsible_for(coop)}):
            yield Due(
                coop.tenant,
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
