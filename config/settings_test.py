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
