"""`mitra daily`: the one periodic entry point for cron, a systemd timer and the worker alike.

Runs, in this order, `advance` (the workflow's date-driven moves), `obligations` (recurring
obligations' tasks) and `remind` (reminders and digests). Each step works from dates and is
idempotent, so a second run changes nothing and a run after missed days catches up. It lives in
reminders, the highest of the three apps whose steps it runs.
"""

import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from mitra.lib.commands import add_day_options, parse_day
from mitra.reminders.tasks import add_schedule_option, queue_daily

STEPS = ("advance", "obligations", "remind")


class Command(BaseCommand):
    help = (
        "Run the daily work in order: advance, obligations, remind. Safe to run twice; "
        "catches up after missed days."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_day_options(parser, dry_run="list what each step would do")
        add_schedule_option(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schedule"]:
            self.stdout.write(queue_daily())
            return
        parse_day(options["today"])  # refuse a malformed day before any step runs
        passed = {"dry_run": options["dry_run"], "today": options["today"]}
        started = time.perf_counter()
        for step in STEPS:
            extra = {"after_obligations": True} if step == "remind" else {}
            call_command(step, stdout=self.stdout, stderr=self.stderr, **passed, **extra)
        seconds = time.perf_counter() - started
        self.stdout.write(f"daily: {', '.join(STEPS)} done in {seconds:.1f} s")
