"""`mitra daily`: the one periodic entry point for cron, a systemd timer and the worker alike.

Runs, in this order, `advance` (the workflow's date-driven moves), `obligations` (recurring
obligations' tasks) and `remind` (reminders and digests). Each step works from dates and is
idempotent, so a second run changes nothing and a run after missed days catches up. It lives in
reminders, the highest of the three apps whose steps it runs.
"""

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from mitra.lib.commands import parse_day
from mitra.reminders.tasks import remind_daily

STEPS = ("advance", "obligations", "remind")


class Command(BaseCommand):
    help = (
        "Run the daily work in order: advance, obligations, remind. Safe to run twice; "
        "catches up after missed days."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="list what each step would do")
        parser.add_argument(
            "--today", metavar="YYYY-MM-DD", help="compute as on this day (default: today)"
        )
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="queue a daily run for the django-tasks-db worker (`mitra db_worker`) instead",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schedule"]:
            result = remind_daily.enqueue()
            self.stdout.write(f"daily: run queued for the worker (task {result.id})")
            return
        parse_day(options["today"])  # refuse a malformed day before any step runs
        passed = {"dry_run": options["dry_run"], "today": options["today"]}
        for step in STEPS:
            call_command(step, stdout=self.stdout, stderr=self.stderr, **passed)
