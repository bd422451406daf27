"""`mitra remind`: create the reminders due today and send each person one digest e-mail.

Run daily from cron or a systemd timer. Reminders are computed from windows over dates, not from
"since the last run", so a run after missed days catches up and a second run sends nothing: each
row is created once (unique constraint) and claimed once (conditional update) before it is sent.
"""

import argparse
from datetime import date, datetime, time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from mitra.implementation.recurring import Found, create_due, find_due
from mitra.lib.commands import add_day_options, parse_day, progress_bar
from mitra.reminders import services
from mitra.reminders.models import Reminder
from mitra.reminders.tasks import add_schedule_option, queue_daily


class Command(BaseCommand):
    help = (
        "Create the reminders due today (tasks, ending documents, renewals, reviews, follow-up) "
        "and send each person one digest e-mail. Safe to run twice; catches up after missed days."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_day_options(parser, dry_run="list what would be created, send nothing")
        add_schedule_option(parser)
        # `mitra daily` has just run `obligations` itself.
        parser.add_argument("--after-obligations", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schedule"]:
            # The worker runs the whole daily work (`mitra daily`), not the reminders alone.
            self.stdout.write(queue_daily())
            return
        day = parse_day(options["today"])
        today = day or timezone.localdate()
        # With --today, send what is due by the end of that day; otherwise what is due by now.
        now = timezone.make_aware(datetime.combine(day, time.max)) if day else timezone.now()
        if options["dry_run"]:
            self._dry_run(today, now)
            return
        # Recurring obligations first, so this morning's digest already lists their tasks.
        found = Found([], []) if options["after_obligations"] else find_due(today)
        with progress_bar(len(found), "obligations") as step:
            obligations = create_due(found, progress=step)
        created = services.collect_reminders(today)
        with progress_bar(Reminder.objects.unsent(now).count(), "remind") as claimed:
            outcome = services.send_digests(now, progress=claimed)
        made = len(obligations.obligations) + len(obligations.evaluations)
        self.stdout.write(f"obligations {today.isoformat()}: {made} new tasks")
        self.stdout.write(
            f"remind {today.isoformat()}: {created} new reminders; sent {outcome.reminders} "
            f"reminders in {outcome.emails} e-mails ({outcome.in_app_only} in the app only)"
        )

    def _dry_run(self, today: date, now: datetime) -> None:
        pending = services.pending_reminders(today)
        for item in pending:
            self.stdout.write(
                f"would create: {item.kind} {item.subject} [{item.window}] for user #{item.recipient_id}"
            )
        unsent = Reminder.objects.unsent(now).count()
        self.stdout.write(
            f"remind {today.isoformat()} (dry run): {len(pending)} reminders to create; "
            f"{unsent} already waiting to be sent"
        )
