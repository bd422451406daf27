"""Benchmark: the procedure engine against the plain write it wraps.

Run with `make bench`. On a throw-away SQLite database it times, in this same run:
- `apply_transition` (row lock, role and guard checks, event row, review hook) against
  `record_past_state` (the bare state write with its event row), as a ratio;
- `next_steps` for a cooperation at the signing step with 5 and with 60 documents, against a
  bare fetch of those documents, to show the guards cost a bounded number of queries.
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

from mitra.cooperations.models import Cooperation  # noqa: E402
from mitra.cooperations.services import apply_transition, next_steps, record_past_state  # noqa: E402
from mitra.tenancy.models import Membership, Tenant  # noqa: E402
from tests.factories import make_tenant, make_user  # noqa: E402
from tests.procedure import add_document, cooperation_of_kind  # noqa: E402

REPEAT = 40


def median_ms(action: Callable[[], object], setup: Callable[[], object] | None = None) -> float:
    samples = []
    for _ in range(REPEAT):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def transition_costs(tenant: Tenant, officer: object) -> tuple[float, float]:
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)

    def back_to_initiative() -> None:  # set-up, not measured: nothing in the table leads back
        Cooperation.objects.filter(pk=coop.pk).update(state="initiative")
        coop.state = "initiative"

    engine = median_ms(
        lambda: apply_transition(coop, "start_exploration", by=officer),  # type: ignore[arg-type]
        setup=back_to_initiative,
    )
    bare = median_ms(
        lambda: record_past_state(coop, "exploration", by=None, note="benchmark"),
        setup=back_to_initiative,
    )
    return engine, bare


def next_step_costs(tenant: Tenant, officer: object, documents: int) -> tuple[float, float]:
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)
    record_past_state(coop, "signing", by=None, note="benchmark")
    for n in range(documents):
        add_document(coop, ["mou", "letter_of_intent", "joint_minutes"][n % 3])
    query = median_ms(lambda: next_steps(coop, officer))  # type: ignore[arg-type]
    bare = median_ms(lambda: list(coop.documents.all()))
    return query, bare


def main() -> int:
    call_command("migrate", verbosity=0)
    tenant = make_tenant("7371")
    officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER)
    engine, bare = transition_costs(tenant, officer)
    print(f"{'measure':40} {'ms':>8} {'baseline ms':>12} {'ratio':>7}")
    print(
        f"{'apply_transition vs record_past_state':40} {engine:8.2f} {bare:12.2f} {engine / bare:7.1f}"
    )
    for documents in (5, 60):
        query, base = next_step_costs(tenant, officer, documents)
        label = f"next_steps, {documents} documents"
        print(f"{label:40} {query:8.2f} {base:12.2f} {query / base:7.1f}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(DB.parent, ignore_errors=True)
