#!/usr/bin/env bash
# THE test command: `make test`, `scripts/test.sh [pytest args]`, and CI through .ci/run.
#
# 1. Set-up, which stops at the first failure: the virtualenv (make venv), Debian's Chromium for
#    the browser tests, gettext, a PostgreSQL server, the compiled catalogue.
# 2. Static checks, each run even when an earlier one failed: ruff, ruff format, mypy, Django's
#    checks, no missing migration, no `_auto_` migration name, the Indonesian catalogue up to date
#    and complete. mypy, the slowest, starts in the background as soon as the virtualenv is
#    there and runs alongside the rest of the set-up, the checks and pytest on SQLite (a
#    single-process stage on a 2-core machine); its output and verdict are printed after that.
# 3. pytest on SQLite with the tests marked `embedded`: what the embedded default database must
#    prove (the migrations, `mitra demo`, every page rendering for every role on the demo).
#    Then pytest on PostgreSQL, the production database, with the whole suite: every test,
#    the browser tests, the fuzzing and the random walks included, in one process per core
#    (pytest-xdist), each with its own test database. Those databases are made in the
#    background from the moment the server is found, during stage 2 and the SQLite run:
#    migrated once, then copied for each process (scripts/test_databases.py).
# Each stage prints its time; the summary lists them. Extra arguments go to both pytest runs (if
# they select no embedded test, the SQLite run says so in the summary and is not a failure).
# Anything missing is installed or fails loudly: nothing is ever skipped. Exit status is non-zero
# if any stage failed; a summary ends the output.
#
# PostgreSQL, first that works: TEST_DATABASE_URL if set (used as is); a server already on
# 127.0.0.1:5432 accepting user postgres without a password; the system cluster started with
# pg_ctlcluster (and stopped again on exit); a throwaway cluster on a free private port, removed
# on exit (installing Debian's postgresql first if needed). MITRA_TEST_PG=throwaway goes straight
# to the throwaway cluster, e.g. for two test runs at once on one machine.
set -euo pipefail
cd "$(dirname "$0")/.."
# Python keeps what it compiles (in __pycache__ folders, which git ignores): with
# PYTHONDONTWRITEBYTECODE set, as on some machines, every process of the run, each pytest
# worker, every command a test starts, compiled Django, the libraries and the project again from
# source, and pytest rewrote every test module's asserts again in each worker (collection took
# 16 s a process instead of 9).
unset PYTHONDONTWRITEBYTECODE

PY=.venv/bin/python
MITRA=(env DJANGO_SETTINGS_MODULE=config.settings_test .venv/bin/mitra)
CATALOGUE=locale/id/LC_MESSAGES/django.po
started_at=$SECONDS
results=()
failed=()
pg_url=""
pg_where=""
pg_tmp=""
pg_bin=""
pg_started_cluster=""
apt_updated=""
pytest_outcomes=""
mypy_pid=""
pgdb_pid=""
pgdb_made=""
pg_db_flag=--create-db
logs=$(mktemp -d "${TMPDIR:-/tmp}/mitra-test.XXXXXX")

if [ -t 1 ]; then bold=$'\033[1m' red=$'\033[1;31m' green=$'\033[1;32m' plain=$'\033[0m'; else
    bold="" red="" green="" plain=""; fi
say() { printf '\n%s==> %s%s\n' "$bold" "$*" "$plain"; }

summary() {
    printf '\n%s==> Summary (%d s)%s\n' "$bold" "$((SECONDS - started_at))" "$plain"
    local line
    for line in "${results[@]+"${results[@]}"}"; do printf '  %s\n' "$line"; done
}

die() { # STAGE MESSAGE
    printf '\n%sERROR: %s%s\n' "$red" "$2" "$plain" >&2
    results+=("FAIL  set-up: $1")
    summary
    exit 1
}

cleanup() {
    if [ -n "$mypy_pid" ]; then kill "$mypy_pid" 2>/dev/null || true; fi
    if [ -n "$pgdb_pid" ]; then kill "$pgdb_pid" 2>/dev/null || true; fi
    if [ -n "$pgdb_made" ]; then $PY scripts/test_databases.py drop "$pg_url" "$pg_workers" || true; fi
    if [ -n "$pg_tmp" ]; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_tmp/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$pg_tmp"
    fi
    if [ -n "$pg_started_cluster" ]; then
        as_root pg_ctlcluster --skip-systemctl-redirect "$pg_started_cluster" main stop || true
    fi
    rm -rf "$logs"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        echo "Needs root (or password-less sudo) to run: $*" >&2
        return 1
    fi
}

apt_install() {
    if [ -z "$apt_updated" ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
        apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null
}

# stage NAME COMMAND...: run one check, record the result, carry on either way.
stage() {
    local name=$1 start=$SECONDS
    shift
    say "$name"
    if "$@"; then
        results+=("PASS  $name ($((SECONDS - start)) s)")
    else
        results+=("FAIL  $name ($((SECONDS - start)) s)")
        failed+=("$name")
    fi
}

# ---------------------------------------------------------------------------------------------
# 1. Set-up

say "Python 3.12 virtualenv (make venv)"
make --no-print-directory venv || die "make venv" "could not set up .venv (see the message above)."
results+=("PASS  set-up: .venv with $($PY --version 2>&1)")

# mypy starts as soon as the virtualenv is there, in the background, while the rest of the set-up
# and the checks run, and is collected after pytest on SQLite (see the header): a core was idle
# for about half of the first half-minute while the set-up and the checks ran one by one.
say "mypy (started in the background; its result follows pytest on SQLite)"
(
    start=$SECONDS rc=0
    .venv/bin/mypy . >"$logs/mypy.log" 2>&1 || rc=$?
    echo "$rc $((SECONDS - start))" >"$logs/mypy.result"
) &
mypy_pid=$!

say "Chromium for the browser tests"
if [ ! -x /usr/bin/chromium ]; then
    echo "/usr/bin/chromium is missing; installing Debian's chromium package."
    if ! apt_install chromium || [ ! -x /usr/bin/chromium ]; then
        die "chromium" "could not install Chromium (apt-get install -y chromium).
The browser tests need /usr/bin/chromium; they are never skipped. Install it and run again."
    fi
fi
results+=("PASS  set-up: Chromium at /usr/bin/chromium")

say "Pango for WeasyPrint (the PDF reports)"
if ! ldconfig -p | grep -q 'libpangoft2-1.0.so.0'; then
    apt_install libpango-1.0-0 libpangoft2-1.0-0 || die "pango" "could not install Pango (apt-get install -y libpango-1.0-0 libpangoft2-1.0-0).
WeasyPrint needs it to write the PDF reports."
fi
results+=("PASS  set-up: Pango for WeasyPrint")

say "gettext (msgfmt, xgettext) for the catalogue"
if ! command -v msgfmt >/dev/null 2>&1 || ! command -v xgettext >/dev/null 2>&1; then
    apt_install gettext || die "gettext" "could not install gettext (apt-get install -y gettext)."
fi
results+=("PASS  set-up: gettext $(msgfmt --version | head -n 1 | awk '{print $NF}')")

pg_accepts() { # PORT: does 127.0.0.1:PORT let user postgres in without a password?
    $PY -c 'import sys, psycopg
psycopg.connect(f"postgresql://postgres@127.0.0.1:{sys.argv[1]}/postgres", connect_timeout=5).close()' \
        "$1" 2>/dev/null
}

as_postgres() { # initdb refuses to run as root
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_pg_bin() {
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ]
}

throwaway_cluster() {
    if ! find_pg_bin; then
        echo "No PostgreSQL server binaries; installing Debian's postgresql package."
        apt_install postgresql && find_pg_bin || return 1
    fi
    local port
    port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    pg_tmp=$(mktemp -d "${TMPDIR:-/tmp}/mitra-pg.XXXXXX")
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_tmp"; fi
    as_postgres "$pg_bin/initdb" -D "$pg_tmp/data" -U postgres -A trust -E UTF8 --no-locale \
        --no-sync >"$pg_tmp/initdb.log" 2>&1 || { cat "$pg_tmp/initdb.log" >&2; return 1; }
    as_postgres "$pg_bin/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/server.log" -w -t 30 start \
        -o "-p $port -k $pg_tmp -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null ||
        { cat "$pg_tmp/server.log" >&2; return 1; }
    pg_url="postgres://postgres@127.0.0.1:$port/mitra"
    pg_where="throwaway cluster on 127.0.0.1:$port (PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'))"
}

system_cluster() {
    command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] || return 1
    local version port
    version=$(ls /etc/postgresql | head -n 1)
    [ -n "$version" ] || return 1
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || return 1
    pg_started_cluster=$version
    port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
    if ! { pg_isready -q -h 127.0.0.1 -p "$port" -t 15 && pg_accepts "$port"; }; then
        echo "Cluster $version/main started but does not let user postgres in over TCP without a password." >&2
        return 1
    fi
    pg_url="postgres://postgres@127.0.0.1:$port/mitra"
    pg_where="system cluster $version/main on 127.0.0.1:$port (started for this run)"
}

say "PostgreSQL"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
    pg_url=$TEST_DATABASE_URL
    pg_where="TEST_DATABASE_URL"
elif [ "${MITRA_TEST_PG:-}" = throwaway ]; then
    throwaway_cluster || die "PostgreSQL" "could not start a throwaway PostgreSQL cluster."
elif command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432 && pg_accepts 5432; then
    pg_url="postgres://postgres@127.0.0.1:5432/mitra"
    pg_where="server already running on 127.0.0.1:5432"
elif system_cluster; then
    :
else
    if [ -n "$pg_started_cluster" ]; then
        as_root pg_ctlcluster --skip-systemctl-redirect "$pg_started_cluster" main stop || true
        pg_started_cluster=""
    fi
    echo "No usable running server or system cluster; starting a throwaway cluster."
    throwaway_cluster || die "PostgreSQL" "no PostgreSQL server could be found, started or installed.
The suite must also pass on PostgreSQL; it is never skipped. Install Debian's postgresql package
(apt-get install -y postgresql) or set TEST_DATABASE_URL=postgres://user@host:port/name."
fi
echo "Using $pg_where."
results+=("PASS  set-up: PostgreSQL, $pg_where")

# The PostgreSQL test databases are made now, in the background, while the catalogue is compiled
# and the checks below and pytest on SQLite run: migrated once into a template and copied for
# each process (scripts/test_databases.py); pytest then runs on them with --reuse-db. If that
# fails, its output is shown and pytest makes its own databases with --create-db, migrating each.
pg_workers=${MITRA_TEST_WORKERS:-$(nproc)}
say "PostgreSQL test databases (made in the background; pytest on PostgreSQL uses them)"
(
    start=$SECONDS rc=0
    $PY scripts/test_databases.py make "$pg_url" "$pg_workers" >"$logs/pgdb.log" 2>&1 || rc=$?
    echo "$rc $((SECONDS - start))" >"$logs/pgdb.result"
) &
pgdb_pid=$!

compile_messages() {
    "${MITRA[@]}" compilemessages -l id '--ignore=.*' --ignore=staticfiles --ignore=build \
        --ignore=node_modules
}
say "Compile the catalogue"
compile_messages || die "compilemessages" "compilemessages failed (see the message above)."

# ---------------------------------------------------------------------------------------------
# 2. Static checks

no_auto_migrations() {
    local found
    found=$(find mitra -path '*/migrations/*_auto_*.py' | sort)
    if [ -n "$found" ]; then
        echo "Migrations need names that say what they do (makemigrations -n add_<what>); rename:"
        echo "$found"
        return 1
    fi
}

without_pot_date() { grep -v '^"POT-Creation-Date:' "$1" 2>/dev/null || true; }

# save_file / restore_file PATH: put a file back exactly as it was, or remove it if it was absent.
save_file() { if [ -f "$1" ]; then cp -p "$1" "$logs/saved.${1//\//_}"; fi; }
restore_file() {
    local saved="$logs/saved.${1//\//_}"
    if [ -f "$saved" ]; then cp -p "$saved" "$1"; else rm -f "$1"; fi
}

catalogue_up_to_date() {
    # Compare before/after copies rather than `git diff`: the same verdict in CI's fresh clone,
    # and a developer's uncommitted translations are not mistaken for a stale catalogue. The
    # catalogue is put back afterwards either way: a test run changes no file in the work tree.
    local mo=${CATALOGUE%.po}.mo rc=0
    save_file "$CATALOGUE"
    save_file "$mo"
    make --no-print-directory messages || rc=$?
    if [ "$rc" -eq 0 ] && ! diff -u --label "$CATALOGUE (as it is)" --label "after makemessages" \
        <(without_pot_date "$logs/saved.${CATALOGUE//\//_}") <(without_pot_date "$CATALOGUE") \
        >"$logs/catalogue.diff"; then
        head -n 80 "$logs/catalogue.diff"
        echo "The catalogue is out of date with the code (diff above, POT-Creation-Date ignored)."
        echo "Run 'make messages', translate the new entries, and commit locale/."
        rc=1
    fi
    restore_file "$CATALOGUE"
    restore_file "$mo"
    return "$rc"
}

stage "ruff check" .venv/bin/ruff check .
stage "ruff format --check" .venv/bin/ruff format --check .

collect_mypy() {
    local rc=1 took=0
    wait "$mypy_pid" || true
    mypy_pid=""
    say "mypy"
    cat "$logs/mypy.log"
    if [ -f "$logs/mypy.result" ]; then read -r rc took <"$logs/mypy.result"; fi
    if [ "$rc" -eq 0 ]; then
        results+=("PASS  mypy ($took s, alongside pytest on SQLite)")
    else
        results+=("FAIL  mypy ($took s, alongside pytest on SQLite)")
        failed+=("mypy")
    fi
}
stage "mitra check" "${MITRA[@]}" check
stage "no missing migration (makemigrations --check --dry-run)" "${MITRA[@]}" makemigrations --check --dry-run
stage "no _auto_ migration names" no_auto_migrations
stage "catalogue up to date (makemessages -l id)" catalogue_up_to_date
stage "catalogue complete (no untranslated or fuzzy entry)" $PY scripts/check_catalogue.py
stage "admin scripts catalogue complete" $PY scripts/check_catalogue.py locale/id/LC_MESSAGES/djangojs.po

# ---------------------------------------------------------------------------------------------
# 3. pytest

pytest_run() { # LABEL DATABASE_URL-or-empty PYTEST-ARGS...
    local label=$1 url=$2 rc=0 log
    shift 2
    log="$logs/pytest-${label//[^a-zA-Z]/}.log"
    if [ -n "$url" ]; then
        env DATABASE_URL="$url" .venv/bin/pytest -p no:cacheprovider "$pg_db_flag" "$@" 2>&1 | tee "$log" || rc=$?
    else
        env -u DATABASE_URL .venv/bin/pytest -p no:cacheprovider --create-db "$@" 2>&1 | tee "$log" || rc=$?
    fi
    # pytest's last line, e.g. "== 41 passed, 2 warnings in 14.5s ==", goes into the summary.
    pytest_outcome=$(grep -E '^=+ .* in [0-9.]+s' "$log" | tail -n 1 | sed -E 's/^=+ //; s/ =+$//')
    if [ "$rc" -eq 5 ] && [ "$label" = SQLite ] && [ "$#" -gt 2 ]; then
        # Extra arguments chose tests none of which is marked embedded: nothing to run here.
        pytest_outcome="no test of the selection is marked embedded"
        return 0
    fi
    if [ "$rc" -eq 5 ]; then
        echo "pytest collected no tests on $label: that is a failure here, not a pass." >&2
    fi
    return "$rc"
}

pytest_stage() { # NAME LABEL URL ARGS...
    local name=$1
    shift
    pytest_outcome=""
    stage "$name" pytest_run "$@"
    [ -z "$pytest_outcome" ] || results[-1]+=": $pytest_outcome"
    pytest_outcomes+="$pytest_outcome"$'\n'
}

# pytest on PostgreSQL runs with --reuse-db on the databases made in the background, or with
# --create-db if making them failed.
collect_pg_databases() {
    local rc=1 took=0
    wait "$pgdb_pid" || true
    pgdb_pid=""
    if [ -f "$logs/pgdb.result" ]; then read -r rc took <"$logs/pgdb.result"; fi
    say "PostgreSQL test databases"
    cat "$logs/pgdb.log"
    if [ "$rc" -eq 0 ]; then
        pgdb_made=1
        pg_db_flag=--reuse-db
        results+=("PASS  PostgreSQL test databases, migrated once ($took s, alongside pytest on SQLite)")
    else
        echo "Making the test databases beforehand failed (above); pytest makes its own."
        pg_db_flag=--create-db
        results+=("NOTE  PostgreSQL test databases: made by pytest, one per process (see above)")
    fi
}

pytest_stage "pytest on SQLite (-m embedded: migrations, demo, every page)" SQLite "" -m embedded "$@"
collect_mypy
# PostgreSQL runs the whole suite in one process per core (pytest-xdist), each on its own test
# database; MITRA_TEST_WORKERS overrides the count (0: one process, no workers). The ten slowest
# tests are listed, to see where the time goes.
collect_pg_databases
pytest_stage "pytest on PostgreSQL, $pg_where, $pg_workers processes (whole suite, browser tests included)" \
    PostgreSQL "$pg_url" --numprocesses "$pg_workers" --dist worksteal --durations=10 "$@"

summary
if [ "${#failed[@]}" -gt 0 ]; then
    printf '\n%sFAILED (%d):%s\n' "$red" "${#failed[@]}" "$plain"
    printf '  %s\n' "${failed[@]}"
else
    printf '\n%sAll checks passed.%s\n' "$green" "$plain"
fi
# Last, one plain line with the totals of both pytest runs, for people and for CI log readers.
count() { grep -oE "[0-9]+ $1" <<<"$pytest_outcomes" | awk '{n += $1} END {print n + 0}'; }
printf 'Tests: %d passed, %d failed, %d skipped\n' "$(count passed)" \
    "$(($(count failed) + $(count error)))" "$(count skipped)"
[ "${#failed[@]}" -eq 0 ]
