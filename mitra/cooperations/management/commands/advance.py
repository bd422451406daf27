"""`mitra advance`: the date-driven moves of the workflow table, run daily from cron or a timer.

It expires signed cooperations whose agreements have all lapsed and marks cooperations in
implementation dormant after the tenant's `dormant_after_days` without activity. Everything is
computed from dates, never from "since the last run", so running it twice, or after missed days,
does each move once. Each move goes through `apply_transition` as the system (`by=None`); a
refusal (say, an officer moved the cooperation meanwhile) is reported and the run goes on.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Min, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.cooperations import rules, timing, workflow
from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import apply_transition
from mitra.lib.commands import add_day_options, parse_day, progress_bar
from mitra.lib.formatting import long_date
from mitra.lib.refusal import Refused
from mitra.tenancy.models import Tenant

# The table's date-driven moves (performed by `workflow.SYSTEM`), by the state they lead to.
EXPIRE = workflow.date_driven_action(Cooperation.State.EXPIRED)
MARK_DORMANT = workflow.date_driven_action(Cooperation.State.DORMANT)


@dataclass
class Outcome:
    """What one action did (or would do, with --dry-run) in this run."""

    action: str
    done: list[Cooperation] = field(default_factory=list)
    refused: list[tuple[Cooperation, list[str]]] = field(default_factory=list)


def expiry_candidates(today: date) -> QuerySet[Cooperation]:
    """Signed cooperations with an agreement and none in force on `today`.

    A database pre-filter; `rules.agreements_have_lapsed` has the last word on each candidate.
    """
    return (
        Cooperation.objects.lapsed(today)
        .select_related("tenant")
        .prefetch_related("documents")
        .order_by("tenant_id", "pk")
    )


def dormancy_candidates(today: date) -> list[tuple[Cooperation, date | None]]:
    """Cooperations in implementation without activity for their tenant's dormant_after_days,
    with their last activity: two queries for all tenants (the database keeps those inactive
    for the shortest threshold; each tenant's own threshold is applied to what it returns)."""
    shortest = Tenant.objects.aggregate(days=Min("dormant_after_days"))["days"]
    if shortest is None:
        return []
    source = next(t.source for t in workflow.TRANSITIONS if t.action == MARK_DORMANT)
    in_implementation = Cooperation.objects.filter(state=source).select_related("tenant")
    inactive = timing.inactive_since(in_implementation, today - timedelta(days=shortest))
    candidates = timing.annotate_last_activity(inactive).order_by("tenant_id", "pk")
    return [
        (coop, last)
        for coop in candidates
        if (last := timing.annotated_last_activity(coop)) is None
        or last <= today - timedelta(days=coop.tenant.dormant_after_days)
    ]


class Command(BaseCommand):
    help = (
        "Expire signed cooperations whose agreements have all lapsed and mark cooperations in "
        "implementation dormant after the tenant's days without activity. Safe to run twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_day_options(parser, dry_run="list what would change, change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        today = parse_day(options["today"]) or timezone.localdate()
        dry_run: bool = options["dry_run"]
        expired = self._expire(today, dry_run)
        dormant = self._mark_dormant(today, dry_run)
        for outcome in (expired, dormant):
            self._report(outcome, dry_run)

    def _expire(self, today: date, dry_run: bool) -> Outcome:
        note = _("All agreements had lapsed on %(date)s.") % {"date": _day(today)}
        lapsed = [
            (coop, note)
            for coop in expiry_candidates(today)
            # The rule has the last word over the pre-filter (no problem listed: all lapsed).
            if not rules.agreements_have_lapsed(coop, today)
        ]
        return self._move_all(Outcome(EXPIRE), lapsed, dry_run, today)

    def _mark_dormant(self, today: date, dry_run: bool) -> Outcome:
        inactive = [
            (
                coop,
                _("No recorded activity since %(date)s (the threshold is %(days)d days).")
                % {"date": _day(last) if last else "-", "days": coop.tenant.dormant_after_days},
            )
            for coop, last in dormancy_candidates(today)
        ]
        return self._move_all(Outcome(MARK_DORMANT), inactive, dry_run, today)

    def _move_all(
        self, outcome: Outcome, moves: list[tuple[Cooperation, str]], dry_run: bool, today: date
    ) -> Outcome:
        with progress_bar(0 if dry_run else len(moves), outcome.action) as step:
            for coop, note in moves:
                self._move(outcome, coop, note, dry_run, today)
                step(1)
        return outcome

    def _move(
        self, outcome: Outcome, coop: Cooperation, note: str, dry_run: bool, today: date
    ) -> None:
        if dry_run:
            outcome.done.append(coop)
            return
        try:
            apply_transition(
                coop, outcome.action, by=None, note=note, expected_state=coop.state, today=today
            )
        except Refused as refusal:
            outcome.refused.append((coop, refusal.problems))
        else:
            outcome.done.append(coop)

    def _report(self, outcome: Outcome, dry_run: bool) -> None:
        verb = "would " + outcome.action if dry_run else outcome.action
        for coop in outcome.done:
            if dry_run:
                self.stdout.write(f"{verb}: #{coop.pk} {coop.title} ({coop.get_state_display()})")
        for coop, problems in outcome.refused:
            self.stderr.write(f"{outcome.action} refused for #{coop.pk} {coop.title}:")
            for problem in problems:
                self.stderr.write(f"  - {problem}")
        counts = f"{len(outcome.done)} {'to change' if dry_run else 'changed'}"
        self.stdout.write(f"{outcome.action}: {counts}, {len(outcome.refused)} refused")


def _day(value: date) -> str:
    return long_date(value)
