"""Benchmark: the worker's time to make the yearly report's PDF and XLSX, at demo size and at a
big city's size, in one run, against baselines measured in the same run.

Builds (or with --reuse keeps) two PostgreSQL databases: the demo (`mitra demo`) and a small
synthetic country whose big city has about 2,000 cooperations, as Kota Makassar has in the
national data (`mitra synthesize --tenants 3 --cooperations 3000`: the big city gets two thirds
at this size). Each is measured in its own process: the file is asked for through the service
and built by the task's own function (`mitra.downloads.building.build_file`: read, lay out,
store), as `mitra db_worker` does; median of --rounds rounds, CPU time of the process and wall
time. The baselines: the login page through Django's test client (the stack's floor) and a
one-page PDF (WeasyPrint's fixed cost). Issue 15's target: the big city's PDF in <= 10 s.

    .venv/bin/python bench/bench_report_files.py                # ~3 min the first time
    .venv/bin/python bench/bench_report_files.py --reuse --rounds 5

The databases are `mitra_bench_files_demo` and `mitra_bench_files_large` on the server of
BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/).
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
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/").rstrip("/")
NAMES = {"demo": "mitra_bench_files_demo", "large": "mitra_bench_files_large"}
TARGET_SECONDS = 10.0


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds per measure (median)")
    parser.add_argument("--cooperations", type=int, default=3000, help="in the large database")
    parser.add_argument("--reuse", action="store_true", help="keep databases already built")
    parser.add_argument("--measure", choices=sorted(NAMES), help=argparse.SUPPRESS)
    return parser.parse_args()


# --- Building (parent process) ----------------------------------------------------------------


def psql(database: str, sql: str) -> str:
    try:
        with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as conn:
            cursor = conn.execute(sql)  # our own fixed statements
            row = cursor.fetchone() if cursor.description else None
    except psycopg.Error:
        return ""
    return "" if row is None else str(row[0])


def environment(database: str) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": f"{SERVER}/{database}", "DEBUG": "true"}
    env["MEDIA_ROOT"] = str(Path(tempfile.gettempdir()) / f"{database}-media")
    return env


def mitra(database: str, *args: str) -> None:
    command = [str(Path(sys.executable).with_name("mitra")), *args]
    subprocess.run(  # noqa: S603  # our own command
        command, env=environment(database), cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )


def build(label: str, args: argparse.Namespace) -> None:
    database = NAMES[label]
    if args.reuse and psql(database, "SELECT count(*) FROM tenancy_tenant") not in ("", "0"):
        mitra(database, "migrate", "-v0")  # a newer checkout may have new tables
        return
    psql("postgres", f"DROP DATABASE IF EXISTS {database}")
    psql("postgres", f"CREATE DATABASE {database}")
    mitra(database, "migrate", "-v0")
    if label == "demo":
        mitra(database, "demo")
    else:
        mitra(database, "synthesize", "--tenants=3", f"--cooperations={args.cooperations}")


def measure_in_child(label: str, rounds: int) -> list[dict[str, Any]]:
    env = environment(NAMES[label]) | {"DJANGO_SETTINGS_MODULE": "config.settings"}
    child = [sys.executable, __file__, f"--measure={label}", f"--rounds={rounds}"]
    done = subprocess.run(child, env=env, cwd=ROOT, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        sys.exit(f"measuring {label} failed:\n{done.stderr[-3000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


# --- Measuring (child process) ----------------------------------------------------------------


def timed(action: Callable[[], object], rounds: int) -> tuple[float, float]:
    """Median CPU seconds and median wall seconds of `rounds` runs."""
    cpu, wall = [], []
    for _ in range(rounds):
        started_cpu, started = time.process_time(), time.perf_counter()
        action()
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started)
    return statistics.median(cpu), statistics.median(wall)


def measure(label: str, rounds: int) -> None:
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.db.models import Count
    from django.test import Client
    from django.utils import timezone, translation

    from mitra.downloads.building import build_file
    from mitra.downloads.services import request_file
    from mitra.lib.pdf import html_to_pdf
    from mitra.reports.pdf import PRINT_CSS
    from mitra.tenancy.models import Membership, Tenant

    translation.activate("id")
    tenant = Tenant.objects.annotate(n=Count("cooperations")).order_by("-n").first()
    assert tenant is not None
    member = Membership.objects.filter(tenant=tenant).select_related("user").first()
    assert member is not None
    year = {"period": ["year"], "year": [str(timezone.localdate().year)]}
    client = Client()

    def build(kind: str) -> Callable[[], object]:
        def action() -> object:
            made = request_file(tenant, by=member.user, kind=kind, params=year, language="id")
            return build_file(made.pk)

        return action

    rows = [
        ("login page (floor)", lambda: client.get("/accounts/login/")),
        ("one-page PDF (WeasyPrint's floor)", lambda: html_to_pdf("<p>Mitra</p>", PRINT_CSS)),
        ("yearly report XLSX", build("reports.xlsx")),
        ("yearly report PDF", build("reports.pdf")),
    ]
    # What a running worker has done already: WeasyPrint imported, templates loaded.
    html_to_pdf("<p>warm</p>", PRINT_CSS)
    client.get("/accounts/login/")
    for name, action in rows:
        cpu, wall = timed(action, rounds)
        made = {"name": name, "cpu": cpu, "wall": wall, "tenant": tenant.name, "n": tenant.n}
        print(json.dumps(made | last_file(tenant, name)))


def last_file(tenant: Any, name: str) -> dict[str, int]:
    """The size (and a PDF's pages) of the file the row's last round stored."""
    import io

    from pypdf import PdfReader

    from mitra.downloads.models import GeneratedFile

    kind = {"yearly report XLSX": "reports.xlsx", "yearly report PDF": "reports.pdf"}.get(name)
    made = GeneratedFile.objects.filter(tenant=tenant, kind=kind).exclude(file="").last()
    if made is None:
        return {}
    content = made.file.read()
    pages = len(PdfReader(io.BytesIO(content)).pages) if kind == "reports.pdf" else 0
    return {"size": len(content), "pages": pages}


def report(label: str, rows: list[dict[str, Any]]) -> None:
    floor = rows[1]["cpu"]
    print(f"\n{label}: {rows[0]['tenant']} ({rows[0]['n']} cooperations)")
    print(f"{'':36} {'CPU s':>8} {'wall s':>8} {'x one-page PDF':>15} {'KB':>7} {'pages':>6}")
    for row in rows:
        ratio = row["cpu"] / floor if floor else 0
        size = f"{row['size'] / 1024:7.0f}" if "size" in row else f"{'':7}"
        pages = f"{row['pages']:6d}" if row.get("pages") else ""
        print(f"{row['name']:36} {row['cpu']:8.2f} {row['wall']:8.2f} {ratio:15.1f} {size} {pages}")


def main() -> None:
    args = arguments()
    if args.measure:
        measure(args.measure, args.rounds)
        return
    if not psql("postgres", "SELECT 1"):
        sys.exit(f"no PostgreSQL server at {SERVER}: set BENCH_DATABASE_URL")
    load = os.getloadavg()[0]
    print(f"load average at the start: {load:.1f} on {os.cpu_count()} CPUs")
    for label in NAMES:
        build(label, args)
        report(label, measure_in_child(label, args.rounds))
    print(
        f"\nTarget (issue 15): the big city's yearly PDF in <= {TARGET_SECONDS:.0f} s of worker time."
    )


if __name__ == "__main__":
    main()
