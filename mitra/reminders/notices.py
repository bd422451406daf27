"""News told at once, by the service where it happens rather than by the nightly run: a task
given to someone, a central review decided, the team's (TKKSD) consideration recorded. Each is a reminder row due now (the notification
page shows it at once; the next digest e-mails it, as it does every reminder), written in the
same transaction as the change it tells of, through the hooks `followups.services`,
`reviews.services` and `cooperations.services` run (registered in `RemindersConfig.ready()`).
"""

from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from mitra.cooperations.models import Consideration, Cooperation
from mitra.followups.models import Task, task_urls
from mitra.lib import bulk
from mitra.lib.formatting import person
from mitra.reminders.due import People
from mitra.reminders.models import Reminder
from mitra.reviews.models import ReviewRequest

K = Reminder.Kind


def _stamp() -> str:
    """A window of its own for each piece of news (a task may be handed back and forth)."""
    return timezone.now().replace(tzinfo=None).isoformat()


def notify_assignees(tasks: Sequence[Task], by: User | None) -> None:
    """Tell the people tasks were given to, unless they gave them to themselves; the nightly
    reminders of a due date come on their own days (a different kind, never this one). One
    COPY for all of them on PostgreSQL (the daily run gives tens of thousands at once)."""
    now, window, url_of = timezone.now(), f"assigned:{_stamp()}", task_urls()
    rows = [
        {
            "tenant_id": task.tenant_id,
            "recipient_id": task.assignee_id,
            "kind": K.TASK_ASSIGNED,
            "subject": f"followups.task:{task.pk}",
            "window": window,
            "params": {
                "task": task.title,
                "due_date": task.due_date.isoformat(),
                "cooperation": task.cooperation.title if task.cooperation else "",
                "by": person(by) if by is not None else "",
            },
            "url": url_of(task.pk),
            "due_at": now,
        }
        for task in tasks
        if task.assignee.is_active and (by is None or by.pk != task.assignee_id)
    ]
    bulk.write(Reminder, rows)


def _tell_responsible(
    coop: Cooperation,
    *,
    kind: str,
    subject: str,
    window: str,
    params: dict[str, Any],
    url: str,
    besides: User | None = None,
) -> None:
    """One notice now to each officer responsible for the cooperation (its owner, else every
    cooperation officer), but `besides`; a notice already given for the same window is kept."""
    rows = [
        Reminder(
            tenant_id=coop.tenant_id,
            recipient_id=user,
            kind=kind,
            subject=subject,
            window=window,
            params=params,
            url=url,
            due_at=timezone.now(),
        )
        for user in People.of([coop.tenant]).responsible_for(coop)
        if besides is None or user != besides.pk
    ]
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)


def notify_decision(review: ReviewRequest, by: User | None) -> None:
    """Tell the officers responsible for the cooperation what Kemendagri decided, with its note."""
    coop = review.cooperation
    _tell_responsible(
        coop,
        kind=K.REVIEW_DECIDED,
        subject=f"reviews.reviewrequest:{review.pk}",
        window=f"decided:{review.status}",
        params={
            "cooperation": coop.title,
            "review": review.kind,
            "status": review.status,
            "note": review.decision_note,
        },
        url=coop.get_absolute_url(),
    )


def notify_consideration(consideration: Consideration, by: User | None) -> None:
    """Tell the officers responsible for the cooperation the team's recommendation at this
    step, with its notes; not the one who wrote it."""
    coop = consideration.cooperation
    _tell_responsible(
        coop,
        kind=K.CONSIDERATION_RECORDED,
        subject=f"cooperations.consideration:{consideration.pk}",
        window="recorded",
        params={
            "cooperation": coop.title,
            "recommendation": consideration.recommendation,
            "note": consideration.note,
        },
        url=f"{coop.get_absolute_url()}#considerations",
        besides=by,
    )
