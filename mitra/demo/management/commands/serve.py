"""`mitra serve`: Django's development server on 127.0.0.1:8000 and the background worker beside
it (`mitra db_worker`, which makes the long reports and exports), with a pointer to the demo
users. `--no-worker` starts the server alone.

Development only (`make run` sets DEBUG=true); production runs gunicorn and the worker as two
services, see README.
"""

import os
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

WORKER = [sys.executable, "-m", "django", "db_worker"]


class Command(BaseCommand):
    help = (
        "Run Django's development server, on 127.0.0.1:8000 unless told otherwise, and the "
        "background worker beside it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "addrport", nargs="?", default="127.0.0.1:8000", help="address and port to listen on"
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="do not start the background worker (reports and exports then wait in the queue)",
        )

    def handle(self, *args: Any, addrport: str, no_worker: bool, **options: Any) -> None:
        # The autoreloader runs this command again in a child process (RUN_MAIN=true): say it,
        # and start the worker, once.
        first = os.environ.get("RUN_MAIN") != "true"
        worker = None
        if first:
            self.stdout.write("Log in as one of the demo users: see README, section 'Demo users'.")
            if not settings.DEBUG:
                self.stderr.write(
                    "DEBUG is off: static files need collectstatic. For development run "
                    "`DEBUG=true mitra serve` (make run does); for production use gunicorn."
                )
            if not no_worker:
                self.stdout.write("Starting the background worker (mitra db_worker).")
                env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}
                worker = subprocess.Popen(WORKER, env=env)  # noqa: S603  # our own fixed command
        try:
            call_command("runserver", addrport)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)
