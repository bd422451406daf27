"""Benchmark: the cooperation and partner lists stay flat as a tenant's register grows.

Run with `make bench`. It builds a throw-away SQLite database, fills one tenant with a small and
a large register, and prints for each page its median time and two ratios measured in this same
run: against a baseline (the bare query for one page of rows, no template) and large against
small. Pagination and prefetching should keep the large/small ratio near 1.
"""

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.mkdtemp(prefix="mitra-bench-")) / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from mitra.cooperations.models import Cooperation  # noqa: E402
from mitra.tenancy.models import Membership, Tenant  # noqa: E402
from tests.factories import make_cooperation, make_partner, make_tenant, make_user  # noqa: E402

SMALL, LARGE, REPEAT = 30, 600, 15


def median_seconds(action: Callable[[], object]) -> float:
    action()  # warm caches and templates
    samples = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def fill(tenant: Tenant, count: int) -> None:
    for n in range(count):
        partners = [make_partner(tenant), make_partner(tenant)]
        make_cooperation(
            tenant, partners=partners, sectors=["smart_city", "tourism"], title=f"C{n}"
        )


def measure(client: Client, tenant: Tenant) -> dict[str, float]:
    def baseline() -> object:
        return list(Cooperation.objects.for_tenant(tenant).values_list("pk", "title")[:25])

    def get(url: str) -> Callable[[], object]:
        def run() -> object:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        return run

    return {
        "baseline query": median_seconds(baseline),
        "cooperation list": median_seconds(get("/cooperations/")),
        "cooperation list, search": median_seconds(get("/cooperations/?q=C1&sort=title")),
        "partner list": median_seconds(get("/partners/")),
    }


def main() -> int:
    call_command("migrate", verbosity=0)
    tenant = make_tenant("7371")
    client = Client()
    client.force_login(make_user(tenant, Membership.Role.COOPERATION_OFFICER))
    fill(tenant, SMALL)
    small = measure(client, tenant)
    fill(tenant, LARGE - SMALL)
    large = measure(client, tenant)
    base_large = large["baseline query"]
    print(
        f"{'page':28} {'ms@' + str(SMALL):>9} {'ms@' + str(LARGE):>9} {'x baseline':>11} {'large/small':>12}"
    )
    for name in small:
        print(
            f"{name:28} {small[name] * 1000:9.2f} {large[name] * 1000:9.2f} "
            f"{large[name] / base_large:11.1f} {large[name] / small[name]:12.2f}"
        )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(DB.parent, ignore_errors=True)
