"""Test settings: fast hashing, in-memory e-mail, static files from the finders.

Uploads go to a temporary folder per test (conftest.py)."""

import gc
import os
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "mitra-tests-only")

from config.settings import *  # noqa: F403
from config.settings import STORAGES
from mitra.lib.env import envbool, envint

# The collector of reference cycles, tuned for a test process as config/wsgi.py tunes it for a
# web worker, and set here because the test settings are imported before Django and the apps:
# a test process builds a large heap that lives as long as it does and allocates short-lived
# objects by the million; at the default thresholds (700, 10, 10) the collector ran about seven
# times a second, its full passes walking that whole heap again: 11 % of the processor time of
# a run of the partners, follow-up and review tests. Reference counting still frees at once
# every object outside a cycle, and every cycle a test leaves is still collected.
GC_THRESHOLDS = (50_000, 20, 20)
gc.set_threshold(*GC_THRESHOLDS)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT: Path | None = None  # type: ignore[no-redef]  # no collected files in tests: WhiteNoise serves from the finders
WHITENOISE_USE_FINDERS = True
MIDDLEWARE = [
    "config.test_static.WhiteNoiseMiddlewareOnce"
    if entry.endswith(".WhiteNoiseMiddleware")
    else entry
    for entry in MIDDLEWARE  # noqa: F405
]

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # No query of the tests is compiled by the JIT (which costs tens of milliseconds on a query
    # over the gazetteer and gains nothing at this size). Commits stay synchronous: the replica
    # tests (tests/machines) wait for the replica to replay a commit, which must be written.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"  # noqa: F405
# Each test closes what it opened: a connection kept between requests would outlive a live
# server's thread and hold the test database open when it is dropped. (Servers started with
# these settings, as tests/machines does, may still ask for persistent connections.)
DATABASES["default"]["CONN_MAX_AGE"] = envint("DATABASE_CONN_MAX_AGE", 0)  # noqa: F405

# Tests write rows directly between two renders of a page, which bumps no change count: the
# figures are computed for every request, except in the tests of keeping them
# (`mitra/dashboard/tests/test_remembered.py`) and in the benchmarks, which serve production
# code (MITRA_REMEMBER_FIGURES=true).
MITRA_REMEMBER_FIGURES = envbool("MITRA_REMEMBER_FIGURES", False)
# The installation's zone in the tests is the zone of the tenant most tests act for (Kota
# Makassar, WITA): a test takes "today" from `timezone.localdate()` outside any request, and the
# pages it then reads judge "today" in the tenant's zone. With Jakarta's zone here, the two days
# differed every day from 16.00 to 17.00 UTC and a dozen tests failed in that hour. Tests of the
# installation's own zone (Kemendagri's pages, e-mails) set Asia/Jakarta, production's default.
TIME_ZONE = "Asia/Makassar"
