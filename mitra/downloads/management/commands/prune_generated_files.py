"""`mitra prune_generated_files`: delete generated files (stored file and row) older than N days."""

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mitra.downloads.services import prune_files

DEFAULT_DAYS = 7
MOST_DAYS = 36500


class Command(BaseCommand):
    help = "Delete the generated files (reports, exports) asked for more than N days ago."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days", type=int, default=DEFAULT_DAYS, help=f"age in days (default {DEFAULT_DAYS})"
        )

    def handle(self, *args: Any, days: int, **options: Any) -> None:
        if not 0 <= days <= MOST_DAYS:
            raise CommandError(f"--days takes a whole number of days from 0 to {MOST_DAYS}.")
        count = prune_files(older_than=timedelta(days=days))
        self.stdout.write(f"prune_generated_files: {count} deleted (older than {days} days)")
