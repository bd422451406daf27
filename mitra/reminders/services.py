"""Reminders: create the rows that are due, send each person one digest, mark rows read.

`collect_reminders` is idempotent (one row per recipient, kind, subject and window, enforced by a
unique constraint), and `send_digests` claims every row with a conditional update before putting
it in an e-mail, so two overlapping runs never send a reminder twice (house style §7). Claiming
commits before the e-mail goes out: a failed delivery loses that e-mail, never repeats it, and
the reminder stays on the user's notification page either way.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone, translation

from mitra.lib import emails
from mitra.reminders import due
from mitra.reminders.models import Reminder, ReminderQuerySet
from mitra.tenancy.models import Tenant


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def pending_reminders(today: date) -> list[due.Due]:
    """Everything due on `today` that has no row yet, in a stable order (nothing written)."""
    # The follow-up rule words its reasons in the active language; store them in Indonesian.
    with translation.override(settings.LANGUAGE_CODE):
        items = [
            item
            for tenant in Tenant.objects.order_by("pk")
            for item in due.for_tenant(tenant, today)
        ]
        items += list(due.review_reminders(today))
    existing = set(
        Reminder.objects.filter(subject__in={item.subject for item in items}).values_list(
            "recipient_id", "kind", "subject", "window"
        )
    )
    unique = {item.key: item for item in items if item.key not in existing}
    return list(unique.values())


def collect_reminders(today: date) -> int:
    """Create the rows due on `today` (a missed day's rows too); returns how many are new."""
    rows = [
        Reminder(
            tenant=item.tenant,
            recipient_id=item.recipient_id,
            kind=item.kind,
            subject=item.subject,
            window=item.window,
            params=item.params,
            url=item.url,
            due_at=start_of(today),
        )
        for item in pending_reminders(today)
    ]
    # A concurrent run may have created some meanwhile: the constraint keeps one of each.
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


@dataclass
class DigestOutcome:
    emails: int = 0
    reminders: int = 0
    in_app_only: int = 0  # claimed for recipients without an e-mail address


def send_digests(now: datetime) -> DigestOutcome:
    """One e-mail per person with every reminder due by `now` that this run claimed."""
    outcome = DigestOutcome()
    recipient_ids = set(Reminder.objects.unsent(now).values_list("recipient_id", flat=True))
    for user in User.objects.filter(pk__in=recipient_ids).order_by("pk"):
        claimed = _send_digest(user, now)
        outcome.reminders += len(claimed)
        if claimed and user.email:
            outcome.emails += 1
        elif claimed:
            outcome.in_app_only += len(claimed)
    return outcome


@transaction.atomic
def _send_digest(user: User, now: datetime) -> list[Reminder]:
    candidates = Reminder.objects.unsent(now).filter(recipient=user).order_by("pk")
    stamp = timezone.now()
    # In pk order, so two runs lock rows in the same order and cannot deadlock.
    claimed = [
        reminder
        for reminder in candidates
        if Reminder.objects.filter(pk=reminder.pk, sent_at=None).update(sent_at=stamp) == 1
    ]
    if claimed and user.email:
        emails.send("reminder_digest", [user.email], {"user": user, "reminders": claimed})
    return claimed


def mark_read(reminder: Reminder, *, by: User) -> None:
    """Mark one of the user's reminders read (the access helper has checked it is theirs)."""
    if reminder.read_at is None:
        reminder.read_at = timezone.now()
        reminder.save(update_fields=["read_at"])


def mark_all_read(reminders: ReminderQuerySet, *, by: User) -> int:
    """Mark the given reminders of `by` read (from the access helper); returns how many."""
    return reminders.filter(recipient=by).unread().update(read_at=timezone.now())
