"""Reload the committed reference data into an existing installation.

The data migrations load it once; run this after `make refdata` has refreshed the files. It lives
in cooperations, the highest of the three apps whose reference data it loads.
"""

import time
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.apps.registry import Apps
from django.core.management.base import BaseCommand
from django.db import transaction

from mitra.cooperations.refdata import load_affairs, load_sectors
from mitra.partners.refdata import load_countries, load_places
from mitra.regions.refdata import load_regions

# Countries before places: every place refers to its country.
LOADERS: list[Callable[[Apps], dict[str, int]]] = [
    load_regions,
    load_countries,
    load_places,
    load_sectors,
    load_affairs,
]


class Command(BaseCommand):
    help = "Reload regions, countries, places, sectors and affairs from the committed data files."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            for loader in LOADERS:
                started = time.perf_counter()
                counts = loader(apps)
                elapsed = time.perf_counter() - started
                summary = ", ".join(f"{count} {what}" for what, count in counts.items())
                self.stdout.write(f"{loader.__name__}: {summary} ({elapsed:.1f} s)")
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))
