"""`mitra procedure COOPERATION [ACTION] --user NAME`: what is open, or take one step.

The same next-step query and the same `apply_transition` as the web, for scripts and support.
"""

from argparse import ArgumentParser
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import apply_transition, next_steps
from mitra.lib.refusal import Refused


class Command(BaseCommand):
    help = "List the next steps of a cooperation for a user, or perform one of them."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("cooperation", type=int, help="the cooperation's number (id)")
        parser.add_argument("action", nargs="?", help="the transition to perform, e.g. sign_loi")
        parser.add_argument("--user", required=True, help="the username acting")
        parser.add_argument("--note", default="", help="a note recorded with the step")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = User.objects.get(username=options["user"])
        except User.DoesNotExist:
            raise CommandError(f"No user called {options['user']!r}.") from None
        coop = Cooperation.objects.filter(pk=options["cooperation"]).first()
        if coop is None or not _may_see(user, coop):
            raise CommandError(f"No cooperation {options['cooperation']} for {user.username}.")
        if options["action"]:
            try:
                event = apply_transition(coop, options["action"], by=user, note=options["note"])
            except Refused as refused:
                raise CommandError("\n".join(refused.problems)) from None
            self.stdout.write(f"{coop.title}: {event.source} → {event.target}")
            return
        self.stdout.write(f"{coop.title} [{coop.state}]")
        for step in next_steps(coop, user):
            mark = "ready" if step.ready else "blocked"
            self.stdout.write(f"  {step.action} → {step.transition.target} ({mark})")
            for problem in step.problems:
                self.stdout.write(f"      - {problem}")


def _may_see(user: User, coop: Cooperation) -> bool:
    memberships = user.memberships.all()
    return any(m.tenant_id in (coop.tenant_id, None) for m in memberships)
