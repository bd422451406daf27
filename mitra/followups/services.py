"""Every write to the follow-up log goes through these functions.

Each one checks that everything it links belongs to the tenant, writes inside a transaction and
leaves an audit entry behind, attached to the cooperation when there is one so its trail shows
the follow-up too.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypedDict, Unpack

from django.contrib.auth.models import User
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.audit.services import (
    record_created,
    record_created_in_bulk,
    record_updated,
    snapshot,
    unchanged,
    void,
)
from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import note_activity, reason_problems
from mitra.followups import rules
from mitra.followups.models import Activity, Task
from mitra.lib import bulk
from mitra.lib.keys import reserve_ids
from mitra.lib.refusal import Refused, refuse_if, refuse_on_fields
from mitra.partners.models import Contact, Partner
from mitra.tenancy.models import WRITE_ROLES, Membership, Tenant

ACTIVITY_MANY = ("staff", "partner_contacts")


@dataclass(frozen=True)
class Commitment:
    """A task agreed in a meeting: one row of the activity form; a blank title means no task."""

    title: str
    assignee: User | None
    due_date: date | None
    priority: int = Task.Priority.NORMAL


def is_member(tenant: Tenant, user: User) -> bool:
    return Membership.objects.filter(tenant=tenant, user=user).exists()


def may_write(tenant: Tenant, user: User | None) -> bool:
    return (
        user is not None
        and Membership.objects.filter(tenant=tenant, user=user, role__in=WRITE_ROLES).exists()
    )


def _link_problems(
    tenant: Tenant,
    cooperation: Cooperation | None,
    partner: Partner | None,
    contacts: Iterable[Contact],
    staff: Iterable[User],
) -> list[str]:
    problems = []
    if cooperation is None and partner is None:
        problems.append(_("Link the activity to a cooperation, a partner or both."))
    foreign = (cooperation is not None and cooperation.tenant_id != tenant.pk) or (
        partner is not None and partner.tenant_id != tenant.pk
    )
    if foreign or any(c.partner.tenant_id != tenant.pk for c in contacts):
        problems.append(_("A cooperation, partner or contact belongs to another government."))
    if any(not is_member(tenant, user) for user in staff):
        problems.append(_("Staff present must work for this regional government."))
    return problems


def _commitment_problems(
    tenant: Tenant, commitments: Sequence[Commitment], given_on: date | None = None
) -> dict[str, list[str]]:
    """What is wrong with tasks to be given, each problem under the row's input it is about
    (`commitments.<row>.<field>`, rows counted from 0 in `commitments`), so that a form shows it
    beside that input. `given_on`: the day the tasks are given, if it is known (the meeting's
    date for tasks agreed in a meeting)."""
    found: dict[str, list[str]] = {}
    for number, row in enumerate(commitments):
        at = f"commitments.{number}."
        if row.assignee is None or row.due_date is None:
            field = "assignee" if row.assignee is None else "due_date"
            found[at + field] = [
                _("Task “%(title)s” needs an assignee and a due date.") % {"title": row.title}
            ]
        elif not is_member(tenant, row.assignee):
            found[at + "assignee"] = [
                _("The assignee of “%(title)s” does not work for this regional government.")
                % {"title": row.title}
            ]
        elif given_on is not None:
            found[at + "due_date"] = [
                _("Task “%(title)s”: %(problem)s") % {"title": row.title, "problem": problem}
                for problem in rules.due_once_given(row.due_date, given_on)
            ]
    return found


class ActivityFields(TypedDict, total=False):
    """A meeting, visit, letter or call as `log_activity` takes it."""

    kind: str
    date: datetime.date
    title: str
    notes: str
    cooperation: Cooperation | None
    partner: Partner | None
    staff: Sequence[User]
    partner_contacts: Sequence[Contact]
    other_participants: str
    attachment: File[bytes] | None


@transaction.atomic
def log_activity(
    tenant: Tenant,
    *,
    by: User | None,
    commitments: Iterable[Commitment] = (),
    today: date | None = None,
    **given: Unpack[ActivityFields],
) -> Activity:
    """Record a meeting, visit, letter or call that took place, with the tasks agreed in it, all
    or nothing; only the region's own follow-up (`rules.counts_as_follow_up`) stamps the
    cooperation's last activity and revives it if dormant. `today` is the day the activity's
    date is judged against (tests and commands judging another day pass it)."""
    fields: dict[str, Any] = dict(given)
    staff = list(fields.pop("staff", ()))
    contacts = list(fields.pop("partner_contacts", ()))
    rows = [c for c in commitments if c.title.strip()]
    cooperation, partner = fields.get("cooperation"), fields.get("partner")
    refuse_on_fields(
        {
            "date": rules.held_by_today(fields.get("date"), today or timezone.localdate()),
            **_commitment_problems(tenant, rows, fields.get("date")),
        },
        general=_link_problems(tenant, cooperation, partner, contacts, staff),
    )
    activity = Activity.objects.create(tenant=tenant, recorded_by=by, **fields)
    activity.staff.set(staff, through_defaults={"tenant": tenant})
    activity.partner_contacts.set(contacts, through_defaults={"tenant": tenant})
    record_created(activity, by=by, many=ACTIVITY_MANY, parent=cooperation or partner)
    for row in rows:
        create_task(
            tenant,
            by=by,
            title=row.title.strip(),
            assignee=row.assignee,
            due_date=row.due_date,
            priority=row.priority,
            cooperation=cooperation,
            activity=activity,
        )
    # A news report is evidence, not the region's follow-up: it moves none of the clocks.
    if cooperation is not None and rules.counts_as_follow_up(activity.kind):
        because = _("Activity recorded: %(title)s") % {"title": activity.title}
        note_activity(cooperation, activity.date, by=by, because=because)
    return activity


ACTIVITY_FIELDS = frozenset(ActivityFields.__annotations__)


def _not_voided(activity: Activity) -> list[str]:
    return [_("This activity was voided; it can no longer be changed.")] if activity.voided else []


@transaction.atomic
def update_activity(
    activity: Activity, *, by: User | None, **changes: Unpack[ActivityFields]
) -> bool:
    """Correct a recorded activity (its kind, date, subject, links, people, notes, attachment),
    re-checking the links; the audit row keeps every value before and after. A correction is not
    new activity: it stamps no follow-up clock and revives nothing. Whether anything changed: if
    nothing did, nothing is saved and no row written."""
    unknown = set(changes) - ACTIVITY_FIELDS
    if unknown:
        raise TypeError(f"unknown activity fields: {sorted(unknown)}")
    fields: dict[str, Any] = dict(changes)
    if fields.get("attachment", True) is None:  # no new file: the recorded one stays
        del fields["attachment"]
    staff = list(fields.pop("staff", activity.staff.all()))
    contacts = list(fields.pop("partner_contacts", activity.partner_contacts.all()))
    cooperation = fields.get("cooperation", activity.cooperation)
    partner = fields.get("partner", activity.partner)
    refuse_on_fields(
        {"date": rules.held_by_today(fields.get("date"), timezone.localdate())},
        general=_not_voided(activity)
        + _link_problems(activity.tenant, cooperation, partner, contacts, staff),
    )
    before = snapshot(activity, ACTIVITY_MANY)
    for name, value in fields.items():
        setattr(activity, name, value)
    if unchanged(activity, before, links={"staff": staff, "partner_contacts": contacts}):
        return False
    activity.save(update_fields=list(fields))
    links = {"tenant_id": activity.tenant_id}
    activity.staff.set(staff, through_defaults=links)
    activity.partner_contacts.set(contacts, through_defaults=links)
    record_updated(activity, before, by=by, many=ACTIVITY_MANY, parent=cooperation or partner)
    return True


@transaction.atomic
def void_activity(activity: Activity, *, by: User | None, reason: str) -> Activity:
    """Void an activity recorded by mistake, with a reason: the trail keeps it, struck through;
    it no longer counts in lists, the calendar, reports or the API."""
    locked = Activity.with_voided.select_for_update().get(pk=activity.pk)
    refuse_if(_not_voided(locked) + reason_problems(reason))
    void(locked, by=by, reason=reason, parent=activity.cooperation or activity.partner)
    activity.voided_at, activity.void_reason = locked.voided_at, locked.void_reason
    return locked


@transaction.atomic
def create_task(
    tenant: Tenant,
    *,
    by: User | None,
    title: str,
    assignee: User | None,
    due_date: date | None,
    cooperation: Cooperation | None = None,
    priority: int = Task.Priority.NORMAL,
    activity: Activity | None = None,
    given_on: date | None = None,
) -> Task:
    """Give someone of the tenant something to do by a date, on one of the tenant's cooperations.

    `given_on` is the day the task is given, which it cannot fall due before
    (`rules.due_once_given`): the day of the meeting that agreed it, else today (tests and
    commands judging another day pass it)."""
    found = _commitment_problems(tenant, [Commitment(title, assignee, due_date)])
    problems = [problem for some in found.values() for problem in some]
    if cooperation is not None and cooperation.tenant_id != tenant.pk:
        problems.append(_("The cooperation belongs to another regional government."))
    given = given_on or (activity.date if activity is not None else timezone.localdate())
    refuse_on_fields({"due_date": rules.due_once_given(due_date, given)}, general=problems)
    assert assignee is not None and due_date is not None  # noqa: S101 (checked just above)
    task = Task.objects.create(
        tenant=tenant,
        title=title.strip(),
        assignee=assignee,
        due_date=due_date,
        priority=priority,
        cooperation=cooperation,
        activity=activity,
        created_by=by,
    )
    record_created(task, by=by, parent=cooperation)
    _assigned([task], by)
    return task


@dataclass(frozen=True)
class NewTask:
    """A task the daily run generates: `create_task`'s arguments, the assignee by key."""

    tenant_id: int
    title: str
    assignee_id: int
    due_date: date
    cooperation: Cooperation
    pk: int | None = None  # reserved beforehand (`mitra.lib.keys`) when rows point at it


@transaction.atomic
def create_tasks(new: Sequence[NewTask], *, by: User | None) -> list[Task]:
    """`create_task` for many tasks of any tenants at once, in order: the same checks, over one
    query of the memberships; one COPY (PostgreSQL) for the tasks and one for their audit rows."""
    members = set(
        Membership.objects.filter(
            tenant_id__in={n.tenant_id for n in new}, user_id__in={n.assignee_id for n in new}
        ).values_list("tenant_id", "user_id")
    )
    outside = [n for n in new if (n.tenant_id, n.assignee_id) not in members]
    refuse_if(
        [
            _("The assignee of “%(title)s” does not work for this regional government.")
            % {"title": n.title}
            for n in outside
        ]
        + [
            _("The cooperation belongs to another regional government.")
            for n in new
            if n.cooperation.tenant_id != n.tenant_id
        ]
    )
    # Keys first (those not reserved by the caller), so the rows go in with COPY (PostgreSQL).
    ids = iter(reserve_ids(Task, sum(n.pk is None for n in new)))
    created_at = timezone.now()
    tasks = [
        Task(
            pk=n.pk if n.pk is not None else next(ids),
            tenant_id=n.tenant_id,
            title=n.title.strip(),
            assignee_id=n.assignee_id,
            due_date=n.due_date,
            cooperation=n.cooperation,
            created_by=by,
            created_at=created_at,
        )
        for n in new
    ]
    bulk.write_objects(Task, tasks)
    record_created_in_bulk([(task, task.cooperation) for task in tasks], by=by)
    people = User.objects.in_bulk({task.assignee_id for task in tasks})
    for task in tasks:
        task.assignee = people[task.assignee_id]
    _assigned(tasks, by)
    return tasks


def _refuse_unless_open(task: Task) -> None:
    if task.status != Task.Status.OPEN:
        raise Refused([_("This task is already closed.")])


def _close(task: Task, status: str, note: str, *, by: User | None) -> Task:
    _refuse_unless_open(task)
    before = snapshot(task)
    task.status = status
    task.completion_note = note.strip()
    task.completed_at = timezone.now()
    task.save(update_fields=["status", "completion_note", "completed_at"])
    record_updated(task, before, by=by, parent=task.cooperation)
    return task


@transaction.atomic
def complete_task(task: Task, *, by: User, note: str = "") -> Task:
    """Mark a task done; its assignee may, whatever their role, and so may any writing role."""
    if by.pk != task.assignee_id and not may_write(task.tenant, by):
        raise Refused([_("Only the assignee or the cooperation unit may complete this task.")])
    return _close(task, Task.Status.DONE, note, by=by)


@transaction.atomic
def cancel_task(task: Task, *, by: User, note: str = "") -> Task:
    """Cancel a task that is no longer needed; the reason is kept as its note."""
    refuse_if([] if may_write(task.tenant, by) else [_("Your role may not cancel tasks.")])
    return _close(task, Task.Status.CANCELLED, note, by=by)


@transaction.atomic
def reassign_task(task: Task, *, by: User, assignee: User) -> Task:
    """Hand an open task to another member of the tenant."""
    _refuse_unless_open(task)
    problems = [] if may_write(task.tenant, by) else [_("Your role may not reassign tasks.")]
    if not is_member(task.tenant, assignee):
        problems.append(_("The new assignee does not work for this regional government."))
    refuse_if(problems)
    before = snapshot(task)
    changed = task.assignee_id != assignee.pk
    task.assignee = assignee
    task.save(update_fields=["assignee"])
    record_updated(task, before, by=by, parent=task.cooperation)
    if changed:
        _assigned([task], by)
    return task


AssignmentHook = Callable[[Sequence[Task], User | None], None]

# What apps beside this one do when tasks are given to someone, by `create_task`, `create_tasks`
# or `reassign_task` (the only writers of a task's assignee), in the same transaction
# (reminders: the assignee's notification, at once rather than at the nightly run). A hook gets
# every task of one call at once (the daily run gives tens of thousands). Each registers in its
# AppConfig.ready(); this module imports none of them.
AFTER_ASSIGNMENT: list[AssignmentHook] = []


def after_assignment(hook: AssignmentHook) -> None:
    """Run `hook(tasks, by)` whenever tasks are given to someone (once, however often
    registered)."""
    if hook not in AFTER_ASSIGNMENT:
        AFTER_ASSIGNMENT.append(hook)


def _assigned(tasks: Sequence[Task], by: User | None) -> None:
    for hook in AFTER_ASSIGNMENT:
        hook(tasks, by)
