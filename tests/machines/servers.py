"""Real servers for the tests of Mitra on more than one machine, all on 127.0.0.1.

- `ObjectStore`: moto's S3-compatible server (its server mode: real HTTP, nothing patched).
- `Cluster`: a throw-away PostgreSQL primary made with initdb, holding a copy of the test
  database's schema and reference data, and a streaming replica of it made with
  `pg_basebackup -R`, each on a free port.
- `Instance`: gunicorn serving `config.wsgi` as the README starts it, on a free port.
- `Browser`: one person's cookies (requests' session), sent to whichever instance is asked,
  as a load balancer in front of several servers would.
"""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import requests

from mitra.lib.objectstore import file_storage
from mitra.lib.replicas import COOKIE, LAG_SQL

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SECRET_KEY = "mitra-tests-two-machines"  # one key for every instance, as the docs require


def free_ports(count: int) -> list[int]:
    """Ports free on 127.0.0.1 now, all different (each held until all are found)."""
    with contextlib.ExitStack() as held:
        probes = [held.enter_context(socket.socket()) for _ in range(count)]
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [int(probe.getsockname()[1]) for probe in probes]


def free_port() -> int:
    return free_ports(1)[0]


def wait_until(check: Callable[[], bool], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what} after {timeout} s")
        time.sleep(0.05)


# ---------------------------------------------------------------------------------------------
# The object store


@dataclass
class ObjectStore:
    endpoint: str
    bucket: str = "mitra-files"
    access_key_id: str = "mitra-test-key"
    secret_access_key: str = "mitra-test-secret"  # moto accepts any
    region: str = "us-east-1"

    def client(self) -> Any:
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=self.access_key_id,
            aws_secret_access_key=self.secret_access_key,
            region_name=self.region,
        )

    def keys(self, prefix: str = "") -> list[str]:
        """Every object's name under `prefix`, listed by the bucket itself."""
        listed = self.client().list_objects_v2(Bucket=self.bucket, Prefix=prefix)
        return sorted(item["Key"] for item in listed.get("Contents", []))

    def read(self, key: str) -> bytes:
        return bytes(self.client().get_object(Bucket=self.bucket, Key=key)["Body"].read())

    def environment(self, prefix: str) -> dict[str, str]:
        """The variables that put an installation's files in this bucket, under `prefix`."""
        return {
            "MITRA_S3_BUCKET": self.bucket,
            "MITRA_S3_ENDPOINT_URL": self.endpoint,
            "MITRA_S3_REGION": self.region,
            "MITRA_S3_ACCESS_KEY_ID": self.access_key_id,
            "MITRA_S3_SECRET_ACCESS_KEY": self.secret_access_key,
            "MITRA_S3_PREFIX": prefix,
        }

    def storage(self, prefix: str) -> dict[str, Any]:
        """The `STORAGES["default"]` entry that settings.py makes from `environment(prefix)`."""
        return file_storage(
            bucket=self.bucket,
            endpoint_url=self.endpoint,
            region=self.region,
            access_key_id=self.access_key_id,
            secret_access_key=self.secret_access_key,
            prefix=prefix,
        )


@contextlib.contextmanager
def object_store() -> Iterator[ObjectStore]:
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        store = ObjectStore(endpoint=f"http://127.0.0.1:{port}")
        store.client().create_bucket(Bucket=store.bucket)
        yield store
    finally:
        server.stop()


# ---------------------------------------------------------------------------------------------
# The PostgreSQL primary and its streaming replica


def postgres_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts[-3])
    if not found:
        raise RuntimeError(
            "No PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install "
            "postgresql): the replica tests make their own primary and replica with them."
        )
    return found[-1].parent


def as_postgres(command: list[str]) -> list[str]:
    """initdb and the server refuse to run as root: run them as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.getuid() == 0 else command


CLIENTS = {"psql", "pg_dump"}  # these run as this process's user


def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(command, check=True, capture_output=True, timeout=120, **kwargs)  # noqa: S603


def libpq_url(settings_dict: dict[str, Any]) -> str:
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgresql://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


@dataclass
class Cluster:
    folder: Path
    bin: Path
    ports: list[int] = field(default_factory=lambda: free_ports(2))

    @property
    def primary_port(self) -> int:
        return self.ports[0]

    @property
    def replica_port(self) -> int:
        return self.ports[1]

    def url(self, port: int) -> str:
        return f"postgres://postgres@127.0.0.1:{port}/mitra"

    @property
    def primary_url(self) -> str:
        return self.url(self.primary_port)

    @property
    def replica_url(self) -> str:
        return self.url(self.replica_port)

    def pg(self, program: str, *arguments: str, **kwargs: Any) -> None:
        command = [str(self.bin / program), *arguments]
        run(command if program in CLIENTS else as_postgres(command), **kwargs)

    def _start(self, name: str, port: int) -> None:
        options = f"-p {port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.folder / f"{name}.log")
        self.pg("pg_ctl", "-D", str(self.folder / name), "-l", log, "-w", "start", "-o", options)

    def _stop(self, name: str) -> None:
        self.pg("pg_ctl", "-D", str(self.folder / name), "-m", "immediate", "-w", "stop")

    def make(self, copy_of: str) -> None:
        """The primary with a copy of the database at `copy_of`, then its replica."""
        primary, replica = str(self.folder / "primary"), str(self.folder / "replica")
        self.pg("initdb", "-D", primary, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--no-locale", "--no-sync")  # fmt: skip
        self._start("primary", self.primary_port)
        self.execute(self.primary_url.replace("/mitra", "/postgres"), "CREATE DATABASE mitra")
        dump = run([str(self.bin / "pg_dump"), "--no-owner", "--no-privileges",
                    "--exclude-schema=refdata_snapshot", copy_of]).stdout  # fmt: skip
        self.pg("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.primary_url, input=dump)
        self.pg("pg_basebackup", "-h", "127.0.0.1", "-p", str(self.primary_port), "-U",
                "postgres", "-D", replica, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync")  # fmt: skip
        self.start_replica()

    def start_replica(self) -> None:
        self._start("replica", self.replica_port)

    def stop_replica(self) -> None:
        self._stop("replica")

    def stop(self) -> None:
        """Stop both servers at once (immediate: nothing to keep), then remove their files."""
        names = ("replica", "primary")
        for name in names:
            with contextlib.suppress(subprocess.CalledProcessError):
                self.pg("pg_ctl", "-D", str(self.folder / name), "-m", "immediate", "-W", "stop")
        running = [self.folder / name / "postmaster.pid" for name in names]
        with contextlib.suppress(TimeoutError):
            wait_until(lambda: not any(pid.exists() for pid in running), "PostgreSQL to stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    @staticmethod
    def execute(url: str, sql: str, params: tuple[Any, ...] = ()) -> Any:
        """The first value of the first row (None without one), in its own committed
        transaction."""
        with psycopg.connect(url, autocommit=True) as db:
            cursor = db.execute(sql.encode(), params)
            row = cursor.fetchone() if cursor.description else None
        return None if row is None else row[0]

    def on_primary(self, sql: str, *params: Any) -> Any:
        return self.execute(self.primary_url, sql, params)

    def on_replica(self, sql: str, *params: Any) -> Any:
        return self.execute(self.replica_url, sql, params)

    def catch_up(self) -> None:
        """Wait until the replica has replayed everything the primary has written so far."""
        written = self.on_primary("SELECT pg_current_wal_lsn()::text")
        wait_until(
            lambda: self.on_replica(
                "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), %s) >= 0", written
            ),
            "the replica to catch up",
        )

    @contextlib.contextmanager
    def replay_paused(self) -> Iterator[None]:
        """The replica keeps receiving the primary's changes but applies none of them."""
        self.catch_up()
        self.on_replica("SELECT pg_wal_replay_pause()")
        try:
            yield
        finally:
            self.on_replica("SELECT pg_wal_replay_resume()")

    def lag(self) -> float | None:
        """The replica's lag as Mitra's router measures it."""
        value = self.on_replica(LAG_SQL)
        return None if value is None else float(value)

    @contextlib.contextmanager
    def replica_down(self) -> Iterator[None]:
        self.stop_replica()
        try:
            yield
        finally:
            self.start_replica()


@contextlib.contextmanager
def cluster(copy_of: str) -> Iterator[Cluster]:
    folder = Path(tempfile.mkdtemp(prefix="mitra-replica-"))
    if os.getuid() == 0:
        shutil.chown(folder, "postgres")
    made = Cluster(folder=folder, bin=postgres_bin())
    try:
        made.make(copy_of)
        yield made
    finally:
        made.stop()


# ---------------------------------------------------------------------------------------------
# Mitra's own processes


def environment(**variables: str) -> dict[str, str]:
    """What an instance or a command of the test installation runs with, and nothing else of
    this process's environment but the program search path."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings_test",  # static files from the finders
        "SECRET_KEY": SECRET_KEY,
        "LOG_LEVEL": "WARNING",
        **variables,
    }


def seed(env: dict[str, str]) -> dict[str, Any]:
    import json

    done = run([sys.executable, "-m", "tests.machines.seed"], cwd=ROOT, env=env)
    return dict(json.loads(done.stdout.decode().strip().splitlines()[-1]))


@dataclass
class Instance:
    """One web server: gunicorn with the README's command, on its own port."""

    name: str
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self, log: Path) -> None:
        command = [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", "2", "--access-logfile", "-"]
        command += ["--no-control-socket"]  # each instance would take ~/.gunicorn/gunicorn.ctl
        with log.open("wb") as output:
            self.process = subprocess.Popen(  # noqa: S603
                command,
                cwd=ROOT,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, stopped as one
            )

    def wait_until_ready(self, log: Path) -> None:
        def answers() -> bool:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} stopped:\n{log.read_text()}")
            with contextlib.suppress(requests.RequestException):
                return requests.get(self.url("/accounts/login/"), timeout=30).status_code == 200
            return False

        wait_until(answers, f"gunicorn {self.name}", timeout=90)

    def stop(self) -> None:
        """Stop the master and its workers at once: a test server keeps nothing to save."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=20)


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    """One person's browser: its cookies go to every instance of the same host."""

    def __init__(self) -> None:
        self.session = requests.Session()

    def get(self, instance: Instance, path: str) -> requests.Response:
        return self.session.get(instance.url(path), timeout=30)

    def post_form(
        self,
        instance: Instance,
        path: str,
        data: dict[str, str],
        files: dict[str, tuple[str, bytes, str]] | None = None,
    ) -> requests.Response:
        """Fill in the form at `path` as the page gave it (its CSRF token) and send it."""
        page = self.get(instance, path)
        found = CSRF_FIELD.search(page.text)
        assert found, f"no form at {path} ({page.status_code})"
        return self.session.post(
            instance.url(path),
            data={"csrfmiddlewaretoken": found[1], **data},
            files=files,
            timeout=60,
        )

    def log_in(self, instance: Instance, username: str, password: str) -> requests.Response:
        return self.post_form(
            instance, "/accounts/login/", {"username": username, "password": password}
        )

    def forget_recent_write(self) -> None:
        """As if the window after this browser's last write had passed."""
        self.session.cookies.set(COOKIE, None)
