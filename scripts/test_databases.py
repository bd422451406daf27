"""The PostgreSQL test databases of `scripts/test.sh`, made before pytest needs them.

    python scripts/test_databases.py make DATABASE_URL WORKERS
    python scripts/test_databases.py drop DATABASE_URL WORKERS

`make` runs the migrations once, into a template database, and copies it for each pytest
process (`CREATE DATABASE … TEMPLATE …`, a copy of the files): the names are the ones
pytest-django gives (test_<name>_gw0, _gw1, … with WORKERS processes; test_<name> with none),
so pytest runs on them with --reuse-db. Every database is made anew on each run, so nothing of
an earlier run is reused: the migrations still build the schema and the reference data, once
instead of once per process, and while the SQLite stage runs rather than at the start of the
PostgreSQL one. `drop` removes them all again.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent


def test_names(name: str, workers: int) -> list[str]:
    """pytest-django's names of the test databases (its xdist suffix is the worker's id)."""
    if workers <= 0:
        return [f"test_{name}"]
    return [f"test_{name}_gw{n}" for n in range(workers)]


def _server(url: str) -> tuple[psycopg.Connection, str]:
    """A connection to the server's maintenance database, and the name in the address."""
    info = psycopg.conninfo.conninfo_to_dict(url.replace("postgres://", "postgresql://", 1))
    name = str(info.pop("dbname", "") or "mitra")
    info["dbname"] = "postgres"
    return psycopg.connect(**info, autocommit=True, connect_timeout=10), name  # type: ignore[arg-type]


def _drop(server: psycopg.Connection, names: list[str]) -> None:
    for database in names:
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
        )


def _copy(server: psycopg.Connection, template: str, copy: str, attempts: int = 5) -> None:
    statement = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
        sql.Identifier(copy), sql.Identifier(template)
    )
    for attempt in range(attempts):
        try:
            server.execute(statement)
            return
        except psycopg.errors.ObjectInUse:  # a connection still closing: wait and try again
            if attempt == attempts - 1:
                raise
            time.sleep(1)


def make(url: str, workers: int) -> None:
    server, name = _server(url)
    template = f"test_{name}_template"
    copies = test_names(name, workers)
    with server:
        _drop(server, [template, *copies])
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(template)))
        template_url = url.rsplit("/", 1)[0] + "/" + template
        migrate = [str(ROOT / ".venv/bin/mitra"), "migrate", "--verbosity", "0"]
        env = {
            **os.environ,
            "DATABASE_URL": template_url,
            "DJANGO_SETTINGS_MODULE": "config.settings_test",
        }
        subprocess.run(migrate, check=True, env=env, cwd=ROOT)
        # A database can be copied only while nobody is connected to it, and the autovacuum
        # may just have started on the freshly loaded reference data: close the template to
        # new connections (which the autovacuum respects), end any there, and copy.
        template_name = sql.Identifier(template)
        server.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(template_name))
        server.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [template],
        )
        for copy in copies:
            _copy(server, template, copy)
        _drop(server, [template])
    print(f"Migrated once and copied for {len(copies)} process(es): {', '.join(copies)}.")


def drop(url: str, workers: int) -> None:
    server, name = _server(url)
    with server:
        _drop(server, [f"test_{name}_template", *test_names(name, workers)])


if __name__ == "__main__":
    command, url, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"make": make, "drop": drop}[command](url, workers)
