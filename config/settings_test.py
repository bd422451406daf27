"""Test settings: fast hashing, in-memory e-mail, uploads in a temporary folder."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "mitra-tests-only")

from config.settings import *  # noqa: F403
from config.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="mitra-media-"))
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="mitra-static-"))
WHITENOISE_USE_FINDERS = True
