"""The `mitra` console command: Mitra's management commands under one name.

`mitra serve`, `mitra demo`, `mitra migrate`, ... all run through Django's command runner with
Mitra's settings, so `.venv/bin/mitra` works from any folder. A setting that is missing or wrong
(no SECRET_KEY with DEBUG off, a bad number) is reported in one line, never as a traceback.
"""

import os
import sys

from django.core.exceptions import ImproperlyConfigured


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:] if argv is None else argv
    try:
        execute_from_command_line(["mitra", *args])
    except ImproperlyConfigured as error:
        sys.stderr.write(
            f"Mitra is not configured: {error}\n"
            "Set it in the environment (see .env.example), or DEBUG=true for development.\n"
        )
        return 2
    return 0
