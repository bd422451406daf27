"""News told at once, by the service where it happens rather than by the nightly run: a task
given to someone, a central review decided. Each is a reminder row due now (the notification
page shows it at once; the next digest e-mails it, as it does every reminder), written in the
same transaction as the change it tells of, through the hooks `followups.services` and
`reviews.services` run (registered in `RemindersConfig.ready()`).
"""

from django.contrib.auth.models import User
from django.utils import timezone

from mitra.followups.models import Task
from mitra.lib.formatting import person
from mitra.reminders.due import People
from mitra.reminders.models import Reminder
from mitra.reviews.models import ReviewRequest

K = Reminder.Kind


def _stamp() -> str:
    """A window of its own for each piece of news (a task may be handed back and forth)."""
    return timezone.now().replace(tzinfo=None).isoformat()


def notify_assignee(task: Task, by: User | None) -> None:
    """Tell the person a task was given to, unless they gave it to themselves; the nightly
    reminders of its due date come on their own days (a different kind, never this one)."""
    assignee = task.assignee
    if (by is not None and by.pk == assignee.pk) or not assignee.is_active:
        return
    Reminder.objects.create(
        tenant_id=task.tenant_id,
        recipient=assignee,
        kind=K.TASK_ASSIGNED,
        subject=f"followups.task:{task.pk}",
        window=f"assigned:{_stamp()}",
        params={
            "task": task.title,
            "due_date": task.due_date.isoformat(),
            "cooperation": task.cooperation.title if task.cooperation else "",
            "by": person(by) if by is not None else "",
        },
        url=task.get_absolute_url(),
        due_at=timezone.now(),
    )


def notify_decision(review: ReviewRequest, by: User | None) -> None:
    """Tell the officers responsible for the cooperation (its owner, else every cooperation
    officer) what Kemendagri decided, with its note."""
    coop = review.cooperation
    params = {
        "cooperation": coop.title,
        "review": review.kind,
        "status": review.status,
        "note": review.decision_note,
    }
    rows = [
        Reminder(
            tenant_id=coop.tenant_id,
            recipient_id=user,
            kind=K.REVIEW_DECIDED,
            subject=f"reviews.reviewrequest:{review.pk}",
            window=f"decided:{review.status}",
            params=params,
            url=coop.get_absolute_url(),
            due_at=timezone.now(),
        )
        for user in People.of(coop.tenant).responsible_for(coop)
    ]
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)
