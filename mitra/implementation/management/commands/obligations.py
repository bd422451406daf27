"""`mitra obligations`: the tasks of recurring plan items and evaluation cycles, run daily.

Each recurring plan-of-action item gets one task (and, for meetings, a calendar event) per
budget-year period as the period opens; each signed cooperation gets a task to evaluate it when
an evaluation period ends. Computed from dates, so a run after missed days creates what is
missing and a second run creates nothing.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from mitra.implementation.recurring import Outcome, create_due, find_due
from mitra.lib.commands import add_day_options, parse_day, progress_bar


class Command(BaseCommand):
    help = (
        "Create the tasks of recurring plan-of-action items for every period opened by today "
        "and ask for each evaluation due. Safe to run twice; catches up after missed days."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_day_options(parser, dry_run="list what would be created, create nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        today = parse_day(options["today"]) or timezone.localdate()
        dry_run: bool = options["dry_run"]
        found = find_due(today)
        if dry_run:
            outcome = Outcome(obligations=found.obligations, evaluations=found.evaluations)
        else:
            with progress_bar(len(found), "obligations") as step:
                outcome = create_due(found, progress=step)
        verb = "would create" if dry_run else "created"
        for due in outcome.obligations:
            item = due.item
            self.stdout.write(
                f"{verb}: #{item.pk} {item.activity} [{due.period.start.isoformat()}] "
                f"due {due.due.isoformat()}"
            )
        for asked in outcome.evaluations:
            self.stdout.write(
                f"{verb}: evaluation of #{asked.cooperation.pk} {asked.cooperation.title} "
                f"[{asked.period.start.isoformat()}] due {asked.due.isoformat()}"
            )
        for name, problems in outcome.refused:
            self.stderr.write(f"refused for {name}: {'; '.join(problems)}")
        self.stdout.write(
            f"obligations {today.isoformat()}: {len(outcome.obligations)} obligation tasks and "
            f"{len(outcome.evaluations)} evaluation tasks {verb}, {len(outcome.refused)} refused"
        )
