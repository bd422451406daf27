"""Benchmark: the main pages and the daily commands at demo size and national size, in one run.

Builds (or with --reuse keeps) two PostgreSQL databases, the demo (`mitra demo`) and a synthetic
country (`mitra synthesize`), then measures each in its own process with Django's test client
(no server) and prints one table: per page or command the median time of --rounds rounds, the
number of queries, the HTML size, and two ratios measured in the same run: against the login
page (the stack's floor: a template, no query) and against the raw SQL of the same facts (the
page's own statements replayed through a bare cursor: the database's share; the rest is Python
and templates).

The daily commands are measured as dry runs, then for real on a copy of the database (dropped
afterwards: the one built stays as it was): the first `mitra daily` (the catch-up of everything
due, timed once), then `advance`, `remind` and `daily` again (the steady state of the following
days). The yearly report's PDF and XLSX are timed once (the PDF takes over a minute at national
size). `--part pages` or `--part daily` measures one half.

    .venv/bin/python bench/bench_national.py          # 50 regions, 5,000 cooperations: ~3 min
    .venv/bin/python bench/bench_national.py --tenants 552 --cooperations 100000 --rounds 3

The databases are `mitra_bench_demo` and `mitra_bench_national` on the server of
BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/), or those named by
BENCH_DEMO_DB and BENCH_NATIONAL_DB; the full size builds in about four minutes (once: --reuse
keeps it). PGOPTIONS reaches the measuring processes (`PGOPTIONS="-c jit=off"`, see
docs/scaling.md); the table's header says which JIT setting was in force. Without a PostgreSQL
server the script says so and stops.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/").rstrip("/")
NAMES = {
    "demo": os.environ.get("BENCH_DEMO_DB", "mitra_bench_demo"),
    "national": os.environ.get("BENCH_NATIONAL_DB", "mitra_bench_national"),
}
ACCOUNTS = {  # (officer, central reviewer) of the big city in each database
    "demo": ("makassar.officer", "kemendagri.reviewer"),
    "national": ("syn-kota-makassar.officer", "syn-kemendagri.reviewer"),
}
LOGIN = "login page (floor)"
DAILY = [
    ("advance", "advance --dry-run"),
    ("obligations", "obligations --dry-run"),
    ("remind", "remind --dry-run"),
    ("daily", "daily --dry-run"),
]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tenants", type=int, default=50)
    parser.add_argument("--cooperations", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5, help="rounds per measure (median)")
    parser.add_argument("--reuse", action="store_true", help="keep databases already built")
    parser.add_argument(
        "--part",
        choices=PARTS,
        action="append",
        help="measure only the pages or only the daily commands (default: both)",
    )
    parser.add_argument("--measure", choices=sorted(NAMES), help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.part = args.part or list(PARTS)
    return args


PARTS = ("pages", "daily")


# --- Building (parent process) ----------------------------------------------------------------


def psql(database: str, sql: str) -> str:
    """The first value `sql` returns on `database` ("" for none, or when it fails)."""
    try:
        with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as conn:
            cursor = conn.execute(sql)  # our own fixed statements
            row = cursor.fetchone() if cursor.description else None
    except psycopg.Error:
        return ""
    return "" if row is None else str(row[0])


def mitra(database: str, *args: str) -> None:
    env = {**os.environ, "DATABASE_URL": f"{SERVER}/{database}", "DEBUG": "true"}
    # The demo's files go beside the database, not into the checkout's media/ (where the demo's
    # tests would find them).
    env.setdefault("MEDIA_ROOT", str(Path(tempfile.gettempdir()) / f"{database}-media"))
    command = [str(Path(sys.executable).with_name("mitra")), *args]
    subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def built(database: str) -> bool:
    return psql(database, "SELECT count(*) FROM tenancy_tenant") not in ("", "0")


def build(label: str, args: argparse.Namespace) -> float:
    """Drop, create, migrate and fill one database; its build time in seconds."""
    database = NAMES[label]
    started = time.perf_counter()
    psql("postgres", f"DROP DATABASE IF EXISTS {database}")
    psql("postgres", f"CREATE DATABASE {database}")
    mitra(database, "migrate", "-v0")
    if label == "demo":
        mitra(database, "demo")
    else:
        size = [f"--tenants={args.tenants}", f"--cooperations={args.cooperations}"]
        mitra(database, "synthesize", *size, f"--seed={args.seed}")
    return time.perf_counter() - started


def measure_in_child(label: str, part: str, database: str, rounds: int) -> list[dict[str, Any]]:
    env = {**os.environ, "DATABASE_URL": f"{SERVER}/{database}"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
    child = [sys.executable, __file__, f"--measure={label}", f"--part={part}", f"--rounds={rounds}"]
    done = subprocess.run(child, env=env, cwd=ROOT, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        sys.exit(f"measuring {label} failed:\n{done.stderr[-3000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def measure_daily_on_a_copy(label: str, rounds: int) -> list[dict[str, Any]]:
    """The real daily runs write: they run on a copy of the database, dropped afterwards, so the
    one built stays as it was and every run commits as it would in production."""
    copy = f"{NAMES[label]}_daily"
    psql("postgres", f"DROP DATABASE IF EXISTS {copy}")
    psql("postgres", f"CREATE DATABASE {copy} TEMPLATE {NAMES[label]}")
    try:
        return measure_in_child(label, "daily", copy, rounds)
    finally:
        psql("postgres", f"DROP DATABASE IF EXISTS {copy}")


# --- Measuring (child process, one database) --------------------------------------------------


def median_ms(action: Callable[[], object], rounds: int) -> float:
    action()  # warm caches and templates
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def measure(label: str, part: str, rounds: int) -> None:
    """Print one JSON line per page or command of `label`'s database (a copy for "daily")."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.db import connection

    connection.queries_limit = 1_000_000  # Django keeps 9,000: the first daily run makes more
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        print(json.dumps({"label": label, "jit": cursor.fetchone()[0]}), flush=True)

    def show(name: str, measured: dict[str, Any]) -> None:
        print(json.dumps({"label": label, "name": name, **measured}), flush=True)

    if part == "pages":
        for name, action in measures(label):
            show(name, figures(action, rounds))
        for name, action in slow_measures(label):
            show(name, once(action))
        return
    name, action = CATCH_UP
    show(name, once(action))
    for name, action in STEADY:
        show(name, figures(action, rounds))


def command(line: str) -> Callable[[], Any]:
    from django.core.management import call_command

    return lambda: call_command(*line.split(), stdout=StringIO(), stderr=StringIO())


CATCH_UP = ("mitra daily, first run (once)", lambda: command("daily")())
STEADY = [
    ("mitra advance, next run", lambda: command("advance")()),
    ("mitra remind, next run", lambda: command("remind")()),
    ("mitra daily, next run", lambda: command("daily")()),
]


def slow_measures(label: str) -> list[tuple[str, Callable[[], Any]]]:
    """The yearly report's files, timed once: asked for by the big city's officer, this year,
    and built by the worker's own function (no web request builds them; see
    bench/bench_report_files.py for their medians at two sizes)."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from mitra.downloads.building import build_file
    from mitra.downloads.services import request_file

    officer = User.objects.get(username=ACCOUNTS[label][0])
    tenant = officer.memberships.get().tenant
    assert tenant is not None
    this_year = {"period": ["year"], "year": [str(timezone.localdate().year)]}

    def built(kind: str, params: dict[str, list[str]]) -> Callable[[], Any]:
        def action() -> Any:
            asked = request_file(tenant, by=officer, kind=kind, params=params, language="id")
            return build_file(asked.pk)

        return action

    return [
        ("report XLSX, worker (once)", built("reports.xlsx", this_year)),
        ("report PDF, worker (once)", built("reports.pdf", this_year)),
        ("cooperation list XLSX, worker (once)", built("cooperations.xlsx", {})),
    ]


def measures(label: str) -> list[tuple[str, Callable[[], Any]]]:
    """The big city's main pages (officer, central reviewer, the public) and the daily commands."""
    from django.contrib.auth.models import User
    from django.test import Client

    from mitra.cooperations.models import Cooperation
    from mitra.partners.models import Partner

    officer_name, reviewer_name = ACCOUNTS[label]
    officer = User.objects.get(username=officer_name)
    tenant = officer.memberships.get().tenant
    assert tenant is not None
    client, reviewer, anonymous = Client(), Client(), Client()
    client.force_login(officer)
    reviewer.force_login(User.objects.get(username=reviewer_name))
    mine = Cooperation.objects.filter(tenant=tenant)
    coop = mine.filter(state="implementation").first() or mine.first()
    partners = Partner.objects.filter(tenant=tenant, country__isnull=False)
    country = partners.values_list("country", flat=True).first()

    def page(who: Client, url: str) -> Callable[[], Any]:
        return lambda: who.get(url)

    return [
        (LOGIN, page(anonymous, "/accounts/login/")),
        ("dashboard", page(client, "/dashboard/")),
        ("cooperation list", page(client, "/cooperations/")),
        ("list, by country", page(client, f"/cooperations/?country={country}")),
        ("list, text search", page(client, "/cooperations/?q=kerja")),
        ("cooperation detail", page(client, f"/cooperations/{coop.pk if coop else 0}/")),
        ("pipeline", page(client, "/pipeline/")),
        ("my tasks", page(client, "/followups/tasks/mine/")),
        ("notifications", page(client, "/notifications/")),
        ("reports page", page(client, "/reports/")),
        ("review queue (centre)", page(reviewer, "/reviews/")),
        ("partner list", page(client, "/partners/")),
        ("portal, region page", page(anonymous, f"/public/{tenant.slug}/")),
        ("API cooperations", page(client, "/api/v1/cooperations")),
        ("API partners", page(client, "/api/v1/partners")),
        ("API activities", page(client, "/api/v1/activities")),
        *[(f"mitra {line}", command(line)) for _name, line in DAILY],
    ]


def figures(action: Callable[[], Any], rounds: int) -> dict[str, Any]:
    """Median time, queries, size and status of one page or command, and the median time of its
    SQL replayed raw (in a transaction rolled back: a GET may write a session row)."""
    from django.db import connection, reset_queries, transaction
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # a full log (see `measure`) would capture none
    with CaptureQueriesContext(connection) as captured:
        response = action()
    skipped = ("SAVEPOINT", "RELEASE", "ROLLBACK")
    statements = [q["sql"] for q in captured.captured_queries if not q["sql"].startswith(skipped)]

    def replay() -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
            transaction.set_rollback(True)

    return {
        "ms": median_ms(action, rounds),
        "sql_ms": median_ms(replay, rounds) if statements else 0.0,
        "queries": len(statements),
        "kb": len(getattr(response, "content", b"")) / 1024,
        "status": getattr(response, "status_code", 0),
    }


def once(action: Callable[[], Any]) -> dict[str, Any]:
    """`figures` of something too slow, or too changing, to repeat: one run, no SQL replay."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = action()
    skipped = ("SAVEPOINT", "RELEASE", "ROLLBACK")
    statements = [q for q in captured.captured_queries if not q["sql"].startswith(skipped)]
    return {
        "ms": (time.perf_counter() - started) * 1000,
        "sql_ms": 0.0,
        "queries": len(statements),
        "kb": len(getattr(response, "content", b"")) / 1024,
        "status": getattr(response, "status_code", 0),
    }


# --- Report -----------------------------------------------------------------------------------


def table(results: dict[str, list[dict[str, Any]]]) -> str:
    header = f"{'page / command':<32}" + "".join(
        f"| {label:<8} ms   SQL ms  q   KB  ×login ×SQL " for label in results
    )
    lines = [header, "-" * len(header)]
    floors = {label: _floor(rows) for label, rows in results.items()}
    for index, first in enumerate(next(iter(results.values()))):
        cells = []
        for label, rows in results.items():
            row = rows[index]
            flag = "" if row["status"] in (0, 200) else f" HTTP {row['status']}"
            sql_ratio = row["ms"] / row["sql_ms"] if row["sql_ms"] else 0
            cells.append(
                f"| {row['ms']:9.1f} {row['sql_ms']:8.1f} {row['queries']:3d} {row['kb']:5.0f}"
                f" {row['ms'] / floors[label]:6.1f} {sql_ratio:5.1f}{flag} "
            )
        lines.append(f"{first['name']:<32}" + "".join(cells))
    return "\n".join(lines)


def _floor(rows: list[dict[str, Any]]) -> float:
    """The login page's time, or 1 ms when only the daily commands were measured."""
    return next((row["ms"] for row in rows if row["name"] == LOGIN), 1.0)


def main() -> None:
    args = arguments()
    if args.measure:
        measure(args.measure, args.part[0], args.rounds)
        return
    if psql("postgres", "SELECT 1") != "1":
        print(f"skipped: no PostgreSQL server at {SERVER} (set BENCH_DATABASE_URL)")
        return
    results, sizes = {}, []
    for label, database in NAMES.items():
        if args.reuse and built(database):
            print(f"{label}: reusing {database}")
        else:
            print(f"{label}: built {database} in {build(label, args):.0f} s")
        rows = []
        if "pages" in args.part:
            rows += measure_in_child(label, "pages", database, args.rounds)
        if "daily" in args.part:
            rows += measure_daily_on_a_copy(label, args.rounds)
        results[label] = [row for row in rows if "name" in row]
        jit = next((row["jit"] for row in rows if "jit" in row), "?")
        tenants = psql(database, "SELECT count(*) FROM tenancy_tenant")
        cooperations = psql(database, "SELECT count(*) FROM cooperations_cooperation")
        sizes.append(f"{label}: {tenants} regions, {cooperations} cooperations, jit={jit}")
    print(f'\nmedian of {args.rounds} rounds ("once": one run); the big city\'s officer')
    print("; ".join(sizes) + "\n")
    print(table(results))


if __name__ == "__main__":
    main()
