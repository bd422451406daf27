"""The `mitra` console command: Mitra's management commands under one name.

`mitra serve`, `mitra demo`, `mitra migrate`, ... all run through Django's command runner with
Mitra's settings, so `.venv/bin/mitra` works from any folder.
"""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:] if argv is None else argv
    execute_from_command_line(["mitra", *args])
    return 0
