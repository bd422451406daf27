"""Reminders: create the rows that are due, send each person one digest, mark rows read.

`collect_reminders` is idempotent (one row per recipient, kind, subject and window, enforced by a
unique constraint), and `send_digests` claims the rows in batches of locked rows (`SKIP LOCKED`)
before putting them in an e-mail, so two overlapping runs never send a reminder twice (house
style §7). Claiming commits before the e-mail goes out: a failed delivery loses that e-mail, never
repeats it, and the reminder stays on the user's notification page either way. Both take the
same number of queries for two tenants as for 552.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation

from mitra.lib import bulk, emails
from mitra.lib.lookups import one_of
from mitra.reminders import due
from mitra.reminders.models import Reminder, ReminderQuerySet, reminder_title
from mitra.tenancy.models import Tenant


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def pending_reminders(today: date) -> list[due.Due]:
    """Everything due on `today` that has no row yet, in a stable order (nothing written)."""
    # The follow-up rule words its reasons in the active language; store them in Indonesian.
    with translation.override(settings.LANGUAGE_CODE):
        told = due.Told.this_week(today)  # the weekly kinds: left out before they are worded
        items = due.for_tenants(list(Tenant.objects.order_by("pk")), today, told)
        items += list(due.review_reminders(today, told))
    # Rows of these subjects in these windows (a few more than the exact keys, never many):
    # over the subject index, not the table, which grows by every week's reminders.
    existing = set(
        Reminder.objects.filter(
            subject__in=one_of(item.subject for item in items),
            window__in=one_of(item.window for item in items),
        ).values_list("recipient_id", "kind", "subject", "window")
    )
    unique = {item.key: item for item in items if item.key not in existing}
    return list(unique.values())


def collect_reminders(today: date) -> int:
    """Create the rows due on `today` (a missed day's rows too); returns how many are new.

    One run collects at a time (a lock held to the end of the transaction): a second run started
    at once, on this machine or another, waits, then finds the first run's rows and creates and
    counts none of them again. The unique rule alone would keep one row of each, but both runs
    would count it as new."""
    with transaction.atomic():
        _one_collector_at_a_time()
        due_at = start_of(today)
        rows = [
            {
                "tenant_id": item.tenant.pk if item.tenant is not None else None,
                "recipient_id": item.recipient_id,
                "kind": item.kind,
                "subject": item.subject,
                "window": item.window,
                "params": item.params,
                "url": item.url,
                "due_at": due_at,
            }
            for item in pending_reminders(today)
        ]
        # COPY on PostgreSQL (a first national run writes 205,000); the constraint still keeps
        # one of each should anything else write reminders.
        bulk.write(Reminder, rows, ignore_conflicts=True)
    if len(rows) >= FRESH_STATISTICS_AFTER:
        _refresh_statistics()
    return len(rows)


COLLECTING = 0x4D49_5452_4152  # the advisory lock's number: "MITRAR" in ASCII


def _one_collector_at_a_time() -> None:
    """Wait for any other run collecting reminders (PostgreSQL; SQLite writes one at a time)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [COLLECTING])


# After this many new reminders (a first run, a run after missed days), the table's statistics
# are refreshed before the rows are claimed: PostgreSQL would otherwise plan each claim for the
# few unsent rows it last counted and sort every one of them to take 500 (a second each).
FRESH_STATISTICS_AFTER = 10_000


def _refresh_statistics() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(Reminder._meta.db_table)}")


@dataclass
class DigestOutcome:
    emails: int = 0
    reminders: int = 0
    in_app_only: int = 0  # claimed for recipients without an e-mail address


CLAIM_BATCH = 500


@dataclass(frozen=True)
class Claimed:
    """What a digest needs of a claimed reminder: plain values, not a model (a first national
    run claims 260,000)."""

    recipient_id: int
    kind: str
    window: str
    params: dict[str, Any]
    url: str


def send_digests(now: datetime, progress: Callable[[int], object] | None = None) -> DigestOutcome:
    """One e-mail per person with every reminder due by `now` that this run claimed.

    Reminders are claimed in batches (`claim_batch`), then grouped by person: two overlapping
    runs each send what they claimed, so a person may get two e-mails, never a reminder twice.
    `progress` is told how many were claimed after each batch."""
    claimed: dict[int, list[Claimed]] = {}
    while (batch := claim_batch(now)) is not None:
        for reminder in batch:
            claimed.setdefault(reminder.recipient_id, []).append(reminder)
        if progress:
            progress(len(batch))
    outcome = DigestOutcome()
    people = User.objects.only(*DIGEST_USER_FIELDS).in_bulk(list(claimed))
    for user_id, reminders in sorted(claimed.items()):
        user = people.get(user_id)  # deleted since (its reminders with it): nobody to mail
        outcome.reminders += len(reminders)
        if user is not None and user.email:
            lines = digest_lines(reminders)
            emails.send("reminder_digest", [user.email], {"user": user, "reminders": lines})
            outcome.emails += 1
        else:
            outcome.in_app_only += len(reminders)
    return outcome


# What the digest reads of its recipient: the address and the name it greets.
DIGEST_USER_FIELDS = ("email", "first_name", "last_name", "username")


@dataclass(frozen=True)
class DigestLine:
    """What the digest shows of a reminder (the attributes its templates read)."""

    title: str
    cooperation: str
    url: str


def digest_lines(reminders: list[Claimed]) -> list[DigestLine]:
    """The digest's lines, each title worded once in the digest's language (the text and HTML
    parts both show it; a first national run words 200,000 of them)."""
    with translation.override(settings.LANGUAGE_CODE):
        return [
            DigestLine(
                reminder_title(r.kind, r.params, r.window),
                str(r.params.get("cooperation") or ""),
                r.url,
            )
            for r in reminders
        ]


# The claim's order (the unsent index's) comes first: a digest lists its lines in that order.
CLAIMED_COLUMNS = ("due_at", "id", "recipient_id", "kind", "window", "params", "url")


@transaction.atomic
def claim_batch(now: datetime) -> list[Claimed] | None:
    """Mark up to CLAIM_BATCH unsent reminders due by `now` sent and return those this run
    claimed (one query on PostgreSQL); None when none is left.

    The rows are locked (`FOR UPDATE SKIP LOCKED`) before they are stamped, so an overlapping run
    passes over the rows this one holds and picks others, and once this transaction commits they
    are no longer unsent: each reminder is claimed by exactly one run. The stamp commits before
    any e-mail goes out: a failed delivery loses that e-mail, never repeats it."""
    locked = (
        Reminder.objects.unsent(now)
        .select_for_update(skip_locked=True)
        .order_by("due_at", "pk")  # the unsent index's order
        .values_list("pk", flat=True)[:CLAIM_BATCH]
    )
    stamp = timezone.now()
    if connection.vendor == "postgresql":
        rows = _stamp_returning(locked, stamp)
    else:
        rows = _stamp_then_read(locked, stamp)
    if not rows:
        return None
    return [Claimed(*row[2:]) for row in sorted(rows, key=lambda row: row[:2])]


def _stamp_returning(locked: QuerySet[Reminder, int], stamp: datetime) -> list[Any]:
    """Stamp the locked rows and read them back in the same statement (`UPDATE … RETURNING`).

    The locking query is a MATERIALIZED common table expression, run once. Written as
    `WHERE id IN (subquery)`, PostgreSQL may plan a nested loop that runs the subquery again for
    every row it updates; each run skips the rows this statement has just updated and locks the
    next ones, so one statement claimed every due reminder however small the batch."""
    table, quote = Reminder._meta.db_table, connection.ops.quote_name
    subquery, params = locked.query.sql_with_params()
    returning = ", ".join(f"{quote(table)}.{quote(column)}" for column in CLAIMED_COLUMNS)
    sql = (
        f"WITH {quote('claimed')} AS MATERIALIZED ({subquery}) "  # noqa: S608 (quoted model identifiers)
        f"UPDATE {quote(table)} SET {quote('sent_at')} = %s FROM {quote('claimed')} "
        f"WHERE {quote(table)}.{quote('id')} = {quote('claimed')}.{quote('pk')} "
        f"AND {quote(table)}.{quote('sent_at')} IS NULL "
        f"RETURNING {returning}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, stamp])
        rows = cursor.fetchall()
    # Django has the driver hand JSON over as text (its field decodes it).
    return [(*row[:5], _json(row[5]), row[6]) for row in rows]


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def _stamp_then_read(locked: QuerySet[Reminder, int], stamp: datetime) -> list[Any]:
    """Without row locks (SQLite, which writes one transaction at a time): stamp the rows still
    unsent, then read those carrying this run's stamp."""
    ids = list(locked)
    if not ids:
        return []
    Reminder.objects.filter(pk__in=ids, sent_at=None).update(sent_at=stamp)
    mine = Reminder.objects.filter(pk__in=ids, sent_at=stamp)
    return list(mine.values_list(*CLAIMED_COLUMNS))


def mark_read(reminder: Reminder, *, by: User) -> None:
    """Mark one of the user's reminders read (the access helper has checked it is theirs)."""
    if reminder.read_at is None:
        reminder.read_at = timezone.now()
        reminder.save(update_fields=["read_at"])


def mark_all_read(reminders: ReminderQuerySet, *, by: User) -> int:
    """Mark the given reminders of `by` read (from the access helper); returns how many."""
    return reminders.filter(recipient=by).unread().update(read_at=timezone.now())
