"""`mitra serve`: Django's development server on 127.0.0.1:8000, with a pointer to the demo users.

Development only (`make run` sets DEBUG=true); production runs gunicorn, see README.
"""

import os
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Run Django's development server, on 127.0.0.1:8000 unless told otherwise."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "addrport", nargs="?", default="127.0.0.1:8000", help="address and port to listen on"
        )

    def handle(self, *args: Any, addrport: str, **options: Any) -> None:
        # The autoreloader runs this command again in a child process (RUN_MAIN=true): say it once.
        if os.environ.get("RUN_MAIN") != "true":
            self.stdout.write("Log in as one of the demo users: see README, section 'Demo users'.")
            if not settings.DEBUG:
                self.stderr.write(
                    "DEBUG is off: static files need collectstatic. For development run "
                    "`DEBUG=true mitra serve` (make run does); for production use gunicorn."
                )
        call_command("runserver", addrport)
