"""`mitra synthesize`: national-scale synthetic data for the benchmarks (see the README)."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.demo.synthetic.build import Size, synthesize
from mitra.demo.synthetic.people import PASSWORD, other_tenants
from mitra.lib.commands import parse_day, progress_bar
from mitra.regions.models import Region


def whole_number(value: str, option: str, lowest: int, highest: int) -> int:
    """An option's number, or a clear refusal naming the option and the range allowed."""
    try:
        number = int(value)
    except ValueError:
        number = lowest - 1
    if not lowest <= number <= highest:
        raise CommandError(
            _("%(option)s must be a whole number from %(lowest)d to %(highest)d, not %(value)s.")
            % {"option": option, "lowest": lowest, "highest": highest, "value": value}
        )
    return number


class Command(BaseCommand):
    help = (
        "Build national-scale synthetic data in bulk: tenants for real regions with their "
        "people, partners, cooperations in every step of the procedure, documents, reviews, "
        "plans, activities, tasks and events. The same seed and day give the same data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tenants", default="552", help="regions to create (1-552)")
        parser.add_argument("--cooperations", default="100000", help="cooperations in all")
        parser.add_argument("--seed", default="1", help="the random seed")
        parser.add_argument(
            "--today", metavar="YYYY-MM-DD", help="date the data as on this day (default: today)"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="add synthetic tenants beside existing real ones (in the regions still free)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        size = Size(
            tenants=whole_number(options["tenants"], "--tenants", 1, Region.objects.count()),
            cooperations=whole_number(options["cooperations"], "--cooperations", 0, 10_000_000),
            seed=whole_number(options["seed"], "--seed", 0, 2**31),
        )
        today = parse_day(options["today"]) or timezone.localdate()
        self._refuse_real_data(force=options["force"])
        free = Region.objects.filter(tenant__isnull=True).count()
        if free < size.tenants:
            raise CommandError(
                _("Only %(free)d regions have no tenant yet; ask for at most that many.")
                % {"free": free}
            )
        started = time.perf_counter()
        with progress_bar(size.cooperations, "synthesize") as step:
            counts = synthesize(size, today, step)
        seconds = time.perf_counter() - started
        summary = ", ".join(f"{value} {name}" for name, value in vars(counts).items())
        self.stdout.write(
            f"synthesize: {size.tenants} tenants, {summary} in {seconds:.0f} s "
            f"(accounts <region slug>.officer and others, password {PASSWORD})"
        )

    def _refuse_real_data(self, *, force: bool) -> None:
        real = other_tenants()
        if real and not force:
            raise CommandError(
                _(
                    "This database already holds tenants not made by synthesize (%(names)s). "
                    "Synthetic data belongs in a database of its own; add --force to put it "
                    "beside them anyway."
                )
                % {"names": ", ".join(sorted(real)[:3]) + (", ..." if len(real) > 3 else "")}
            )
