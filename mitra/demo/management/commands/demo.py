"""`mitra demo`: load the demo tenants, accounts and seed cases, once."""

import argparse
import time
from io import StringIO
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.db import transaction
from django.db.models import ProtectedError

from mitra.demo import load, seed
from mitra.lib.refusal import Refused


def accounts_table() -> str:
    rows = [
        (u.username, u.role + (", is_staff" if u.is_staff else ""))
        for t in seed.TENANTS
        for u in t.users
    ]
    rows += [(u.username, f"{u.role}, no tenant") for u in seed.CENTRAL_USERS]
    rows.append((seed.SUPERUSER, "superuser, only with --with-superuser"))
    return "\n".join(f"  {name:<21} {role}" for name, role in rows)


HELP = f"""Load the demo: Kota Bandung and Kota Makassar with their agencies, partners and the
seed cases of the domain guide (section 9), written through the same services as real data.

Accounts, all with the password {seed.PASSWORD}:
{accounts_table()}

Running it again changes nothing while any demo tenant or account exists. --reset first removes
the demo tenants' records, their audit rows and the demo accounts (never other tenants, and never
an existing `admin`), then loads afresh. The `admin` superuser is opt-in because the Django admin
is not limited to one tenant. Refuses to run with DEBUG off unless --allow-without-debug: the
password above is public.
"""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset", action="store_true", help="remove the demo data first, then load it again"
        )
        parser.add_argument(
            "--with-superuser",
            action="store_true",
            help=f"also create the superuser '{seed.SUPERUSER}' (same password) if missing",
        )
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="load even though DEBUG is off (never on a public server)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["allow_without_debug"]:
            raise CommandError(
                "DEBUG is off. The demo accounts share a published password; run with "
                "DEBUG=true, or pass --allow-without-debug if this is really a demo server."
            )
        if options["verbosity"] == 0:
            self.stdout = OutputWrapper(StringIO())
        started = time.monotonic()
        try:
            loaded = self._reset_and_load(reset=options["reset"])
        except (Refused, ProtectedError) as error:
            raise CommandError(f"Demo data not loaded: {error}") from error
        if options["with_superuser"]:
            self._superuser()
        if loaded:
            self._report(time.monotonic() - started)

    @transaction.atomic
    def _reset_and_load(self, *, reset: bool) -> bool:
        if reset:
            load.reset_demo()
            self.stdout.write("Removed the previous demo data.")
        present = load.demo_presence()
        if present:
            self.stdout.write(
                f"Demo data already present ({', '.join(present[:3])}"
                f"{', ...' if len(present) > 3 else ''}); nothing changed. Use --reset to reload."
            )
            return False
        load.load_demo()
        return True

    def _superuser(self) -> None:
        if load.create_superuser():
            self.stdout.write(f"Created superuser '{seed.SUPERUSER}'.")
        else:
            self.stdout.write(f"User '{seed.SUPERUSER}' exists; left as it is.")

    def _report(self, seconds: float) -> None:
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {seconds:.1f} s."))
        for tenant, counts in load.demo_counts().items():
            summary = ", ".join(f"{what} {n}" for what, n in counts.items())
            self.stdout.write(f"  {tenant}: {summary}")
        central = ", ".join(u.username for u in seed.CENTRAL_USERS)
        self.stdout.write(f"  Kemendagri: {central}")
        self.stdout.write(f"Password for every demo account: {seed.PASSWORD}")
