"""Benchmark: requests per second under load, with gunicorn as the README runs it and wrk.

Logged in as the Makassar cooperation officer, wrk (Debian's package) keeps 6 connections busy
on loopback against the login page, the cooperation list, a cooperation's page and the
dashboard, three rounds each; the medians are printed with each page's rate as a share of the
login page's, measured in this same run (the stack's ceiling: a template and no query), beside
the issue's targets. The workers' memory is read before and after, to show it stays flat.

    python bench/bench_throughput.py                  # a throw-away database with the demo data
    DATABASE_URL=postgres://.../mitra_national python bench/bench_throughput.py   # existing data
    BENCH_SECONDS=30 BENCH_ROUNDS=3 python bench/bench_throughput.py

The pages are served with the test settings (plain HTTP, static files from the finders), so no
HTTPS redirect or collectstatic stands in the way; everything else is production code.
"""

import http.cookiejar
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = 6
WORKERS = 3  # the README's gunicorn command
# The Makassar officer: the demo's, else the national data's (`mitra synthesize`), with their
# documented passwords.
ACCOUNTS = (
    ("makassar.officer", "mitra-demo-2026"),
    ("syn-kota-makassar.officer", "mitra-sintetis"),
)
# Share of the login page's rate each page must reach, and the p95 ceiling (issue 15).
TARGETS = {"cooperation list": 0.2, "cooperation page": 0.15, "dashboard": 0.1}
P95_CEILING_MS = 100
# wrk prints the 95th percentile only through a script.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("p50_us=%d p95_us=%d\\n", latency:percentile(50), latency:percentile(95)))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def database() -> tuple[str, bool]:
    """The database to serve: DATABASE_URL, or a new one on the local server with the demo."""
    if url := os.environ.get("DATABASE_URL"):
        return url, False
    name = f"mitra_bench_{os.getpid()}"
    admin = "postgres://postgres@127.0.0.1:5432/postgres"
    subprocess.run([BIN / "python", "-c", _create_db(admin, name)], check=True)  # noqa: S603
    url = f"postgres://postgres@127.0.0.1:5432/{name}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings_test"}
    for command in (["migrate", "-v0"], ["demo", "--allow-without-debug"]):
        subprocess.run(  # noqa: S603
            [BIN / "mitra", *command], env=env, check=True, cwd=ROOT, capture_output=True
        )
    return url, True


def _create_db(admin: str, name: str, drop: bool = False) -> str:
    verb = f"DROP DATABASE IF EXISTS {name} WITH (FORCE)" if drop else f"CREATE DATABASE {name}"
    return f"import psycopg; c = psycopg.connect({admin!r}, autocommit=True); c.execute({verb!r})"


def log_in(base: str, env: dict[str, str]) -> str:
    """The session cookie of the officer, logged in through the login form."""
    for username, password in ACCOUNTS:
        cookie = _log_in_as(base, username, password)
        if cookie:
            return cookie
    # National data made under the production settings keeps password hashes that the test
    # settings' fast hasher cannot check: sign the officer in directly, as the tests do.
    for username, _password in ACCOUNTS:
        cookie = _session_of(username, env)
        if cookie:
            return cookie
    raise SystemExit(f"no officer could log in: tried {', '.join(u for u, _ in ACCOUNTS)}")


def _session_of(username: str, env: dict[str, str]) -> str:
    """A session cookie for the user made with Django's test client (empty if no such user)."""
    code = (
        "from django.contrib.auth.models import User\n"
        "from django.test import Client\n"
        f"user = User.objects.filter(username={username!r}).first()\n"
        "if user:\n"
        "    client = Client()\n"
        "    client.force_login(user)\n"
        "    print(client.cookies['sessionid'].value)\n"
    )
    command = [str(BIN / "mitra"), "shell", "--verbosity", "0", "-c", code]
    output = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)  # noqa: S603
    lines = output.stdout.split()  # the shell may first say what it imported
    return f"sessionid={lines[-1]}" if output.returncode == 0 and lines else ""


def _log_in_as(base: str, username: str, password: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "no CSRF token on the login page"
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token[1]}
    ).encode()
    request = urllib.request.Request(base + "/accounts/login/", data=body)  # noqa: S310
    request.add_header("Referer", base + "/accounts/login/")
    opener.open(request).read()
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies:
        return ""
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def final_address(url: str, cookie: str) -> str:
    """Where the address leads after redirects (the home page leads to the role's dashboard)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310
    return str(urllib.request.urlopen(request).geturl())  # noqa: S310  # our own loopback server


def first_cooperation(base: str, cookie: str) -> str:
    request = urllib.request.Request(base + "/cooperations/", headers={"Cookie": cookie})  # noqa: S310
    page = urllib.request.urlopen(request).read().decode()  # noqa: S310  # our own loopback server
    match = re.search(r'href="(/cooperations/\d+/)"', page)
    assert match, "no cooperation on the officer's list"
    return match[1]


def wrk(url: str, cookie: str, script: Path) -> tuple[float, float, float]:
    """Requests per second, p50 and p95 in milliseconds."""
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-s", str(script), url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])  # type: ignore[index]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    assert not errors, f"{url}: {errors[1]} answers were errors"
    p50, p95 = (int(v) / 1000 for v in re.search(r"p50_us=(\d+) p95_us=(\d+)", output).groups())  # type: ignore[union-attr]
    return rate, p50, p95


def worker_memory(master: int) -> list[int]:
    """Resident memory of each gunicorn worker, in MB."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status)[1]) // 1024)  # type: ignore[index]
    return sizes


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    url, made = database()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings_test"}
    env["DATABASE_CONN_MAX_AGE"] = "60"
    env["MITRA_REMEMBER_FIGURES"] = "true"  # as in production (config/settings.py)
    command = [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(WORKERS), "--no-control-socket", "--log-level", "warning"]
    server = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(WRK_SCRIPT)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/accounts/login/")  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        cookie = log_in(base, env)
        pages = {
            "login page": (base + "/accounts/login/", ""),
            "cooperation list": (base + "/cooperations/", cookie),
            "cooperation page": (base + first_cooperation(base, cookie), cookie),
            "dashboard": (final_address(base + "/", cookie), cookie),
        }
        for name, (address, with_cookie) in pages.items():  # a redirect would be measured instead
            assert final_address(address, with_cookie) == address, f"{name} redirects"
        memory_before = worker_memory(server.pid)
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in pages}
        for _ in range(ROUNDS):
            for name, (address, with_cookie) in pages.items():
                results[name].append(wrk(address, with_cookie, script))
        memory_after = worker_memory(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
        script.unlink()
        if made:
            admin = "postgres://postgres@127.0.0.1:5432/postgres"
            subprocess.run(  # noqa: S603
                [BIN / "python", "-c", _create_db(admin, url.rsplit("/", 1)[1], drop=True)],
                check=False,
            )
    medians = {
        name: tuple(statistics.median(r[i] for r in rounds) for i in range(3))
        for name, rounds in results.items()
    }
    ceiling = medians["login page"][0]
    print(
        f"gunicorn {WORKERS} workers, wrk {CONNECTIONS} connections, {SECONDS} s x {ROUNDS} rounds"
    )
    print(f"{'page':18} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'share':>7} {'target':>7}")
    for name, (rate, p50, p95) in medians.items():
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            met = rate / ceiling >= target and p95 <= P95_CEILING_MS
            verdict = f"{target:>7.2f} {'met' if met else 'MISSED'}"
        print(f"{name:18} {rate:8.1f} {p50:8.1f} {p95:8.1f} {rate / ceiling:7.3f} {verdict}")
    print(f"worker memory (MB): before {memory_before}, after {memory_after}")


if __name__ == "__main__":
    main()
