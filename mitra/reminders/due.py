"""What is due to be reminded of on a day, and to whom: plain queries, nothing written.

Each source yields `Due` items computed from windows over dates ("due within the tenant's
reminder_task_days", "ends within 90 days", "this ISO week"), so the same day computed twice gives
the same items and a day after missed runs still gives everything not yet reminded of.
"""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Case, CharField, Exists, Func, OuterRef, Q, Value, When
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from mitra.cooperations import rules
from mitra.cooperations.models import Cooperation
from mitra.cooperations.queries import expiring_documents_in
from mitra.followups.models import Task, TaskQuerySet, task_urls
from mitra.followups.rules import needs_follow_up_in
from mitra.implementation.queries import dormant_rows_in
from mitra.lib.addresses import address_by_key
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
        return self.responsible(coop.tenant_id, coop.owner_id)

    def responsible(self, tenant_id: int, owner_id: int | None) -> list[int]:
        """`responsible_for` a cooperation read as plain values."""
        if owner_id is not None and self.is_member(tenant_id, owner_id):
            return [owner_id]
        return self.officers.get(tenant_id, [])


# The kinds sent once a week while their condition lasts, in the window `week_bucket` names.
WEEKLY = (K.RENEWAL_IN_PROGRESS, K.NEEDS_FOLLOW_UP, K.DORMANT_AGREEMENT, K.REVIEW_WAITING)


@dataclass
class Told:
    """Who has this week's reminder of each weekly kind and subject, read in one query before
    anything is worded: on every day but the first of a week nearly all of them have it."""

    keys: set[tuple[int, str, str]]

    @classmethod
    def this_week(cls, today: date) -> "Told":
        rows = Reminder.objects.filter(window=week_bucket(today), kind__in=WEEKLY)
        return cls(set(rows.values_list("recipient_id", "kind", "subject")))

    def not_yet(self, kind: str, subject: str, recipients: Iterable[int]) -> list[int]:
        """The recipients not yet told of `subject` this week."""
        return [user for user in recipients if (user, kind, subject) not in self.keys]


# The sources of tenants' reminders, each one set of queries for all the tenants together (so
# the daily run's queries do not grow with the number of regions).
def for_tenants(tenants: Sequence[Tenant], today: date, told: Told | None = None) -> list[Due]:
    """Everything due on `today` in the tenants, grouped by tenant in the tenants' order; the
    weekly kinds only for those not `told` this week (all of them without it)."""
    people, told = People.of(tenants), told or Told(set())
    items = [
        *task_reminders(tenants, today, people),
        *document_reminders(tenants, today, people),
        *renewal_reminders(tenants, today, people, told),
        *follow_up_reminders(tenants, today, people, told),
        *dormant_reminders(tenants, today, people, told),
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
    url_of = address_by_key("cooperations:detail")
    for doc in expiring_documents_in(leads, today):
        tenant = by_pk[doc.tenant_id]
        window = expiry_window((doc.valid_until - today).days, tenant.expiry_window_days)
        params = {
            "document": doc.title,
            "cooperation": doc.cooperation_title,
            "valid_until": doc.valid_until.isoformat(),
        }
        for user in people.responsible(doc.tenant_id, doc.owner_id):
            yield Due(
                tenant,
                user,
                K.DOCUMENT_EXPIRING,
                f"cooperations.document:{doc.pk}",
                f"{window}:{doc.valid_until.isoformat()}",
                url_of(doc.cooperation_id),
                params,
            )


def renewal_reminders(
    tenants: Sequence[Tenant], today: date, people: People, told: Told
) -> Iterator[Due]:
    """Cooperations in renewal, once a week until the renewal is done."""
    by_pk = {tenant.pk: tenant for tenant in tenants}
    renewing = Cooperation.objects.filter(
        tenant_id__in=by_pk, state=Cooperation.State.RENEWAL_IN_PROGRESS
    ).order_by("pk")
    url_of, week = address_by_key("cooperations:detail"), week_bucket(today)
    for pk, tenant_id, owner_id, title in renewing.values_list(*COOPERATION_COLUMNS):
        subject = f"cooperations.cooperation:{pk}"
        for user in told.not_yet(
            K.RENEWAL_IN_PROGRESS, subject, people.responsible(tenant_id, owner_id)
        ):
            yield Due(
                by_pk[tenant_id],
                user,
                K.RENEWAL_IN_PROGRESS,
                subject,
                week,
                url_of(pk),
                {"cooperation": title},
            )


# What a weekly reminder names of a cooperation.
COOPERATION_COLUMNS = ("pk", "tenant_id", "owner_id", "title")


def follow_up_reminders(
    tenants: Sequence[Tenant], today: date, people: People, told: Told
) -> Iterator[Due]:
    """Cooperations the follow-up rule flags, once a week while they stay flagged."""
    by_pk = {tenant.pk: tenant for tenant in tenants}
    url_of, week = address_by_key("cooperations:detail"), week_bucket(today)
    for gap in needs_follow_up_in(tenants, today):
        coop = gap.cooperation
        subject = f"cooperations.cooperation:{coop.pk}"
        for user in told.not_yet(K.NEEDS_FOLLOW_UP, subject, people.responsible_for(coop)):
            yield Due(
                by_pk[coop.tenant_id],
                user,
                K.NEEDS_FOLLOW_UP,
                subject,
                week,
                url_of(coop.pk),
                {"cooperation": coop.title, "reasons": [str(r) for r in gap.reasons]},
            )


def dormant_reminders(
    tenants: Sequence[Tenant], today: date, people: People, told: Told
) -> Iterator[Due]:
    """Dormant agreements, once a week to leadership and whoever is responsible, with what the
    plan of action promised and what is missing: worked out only for those with someone not
    yet told this week."""
    by_pk = {tenant.pk: tenant for tenant in tenants}
    dormant = Cooperation.objects.filter(tenant_id__in=by_pk, state=Cooperation.State.DORMANT)
    untold: dict[int, list[int]] = {}
    for pk, tenant_id, owner_id, _title in dormant.values_list(*COOPERATION_COLUMNS):
        everyone = sorted({*people.leaders_of(tenant_id), *people.responsible(tenant_id, owner_id)})
        if users := told.not_yet(K.DORMANT_AGREEMENT, f"cooperations.cooperation:{pk}", everyone):
            untold[pk] = users
    if not untold:
        return
    url_of, week = address_by_key("cooperations:detail"), week_bucket(today)
    for row in dormant_rows_in(tenants, today, among=list(untold)):
        coop = row.cooperation
        params = {
            "cooperation": coop.title,
            "promised": [str(p) for p in row.facts.promised],
            "missing": [str(m) for m in row.facts.missing],
        }
        for user in untold[coop.pk]:
            yield Due(
                by_pk[coop.tenant_id],
                user,
                K.DORMANT_AGREEMENT,
                f"cooperations.cooperation:{coop.pk}",
                week,
                url_of(coop.pk),
                params,
            )


def review_reminders(today: date, told: Told | None = None) -> Iterator[Due]:
    """Requests open for more than two weeks, to every central reviewer, once a week (to those
    not `told` this week)."""
    told = told or Told(set())
    cutoff = timezone.make_aware(
        datetime.combine(today - timedelta(days=REVIEW_WAITING_AFTER_DAYS), time.min)
    )
    reviewers = list(
        Membership.objects.filter(role=Membership.Role.CENTRAL_REVIEWER, user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    waiting = ReviewRequest.objects.waiting().filter(opened_at__lt=cutoff)
    url_of, week = address_by_key("reviews:detail"), week_bucket(today)
    for pk, title, tenant, opened_at in waiting.order_by("opened_at", "pk").values_list(
        "pk", "cooperation__title", "tenant__name", "opened_at"
    ):
        subject = f"reviews.reviewrequest:{pk}"
        params = {
            "cooperation": title,
            "tenant": tenant,
            "opened_on": timezone.localdate(opened_at).isoformat(),
        }
        for user in told.not_yet(K.REVIEW_WAITING, subject, reviewers):
            yield Due(None, user, K.REVIEW_WAITING, subject, week, url_of(pk), params)
