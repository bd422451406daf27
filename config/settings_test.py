"""Test settings: fast hashing, in-memory e-mail, static files from the finders.

Uploads go to a temporary folder per test (conftest.py)."""

import os
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "mitra-tests-only")

from config.settings import *  # noqa: F403
from config.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT: Path | None = None  # type: ignore[no-redef]  # no collected files in tests: WhiteNoise serves from the finders
WHITENOISE_USE_FINDERS = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # The tests' data is small and thrown away: no commit waits for the disk, and no query is
    # compiled by the JIT (which costs tens of milliseconds on a query over the gazetteer and
    # gains nothing at this size). Measured on a 2-core machine: about a fifth off the suite.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (  # noqa: F405
        "-c jit=off -c synchronous_commit=off"
    )
# Each test closes what it opened: a connection kept between requests would outlive a live
# server's thread and hold the test database open when it is dropped.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
