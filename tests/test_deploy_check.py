"""The production environment documented in the README (and .env.example) passes
`mitra check --deploy` with no warning at all; a DEBUG run on plain HTTP keeps working."""

import os
import re
import secrets
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MITRA = str(Path(sys.executable).parent / "mitra")
README_BLOCK = re.compile(r"```sh\n# /etc/mitra/mitra\.env[^\n]*\n(?P<body>.*?)```", re.DOTALL)


def variables(text: str) -> dict[str, str]:
    """KEY=VALUE lines as a shell (or systemd's EnvironmentFile) reads them; comments skipped."""
    found = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, value = line.partition("=")
        found[key.strip()] = " ".join(shlex.split(value))
    return found


def readme_environment() -> dict[str, str]:
    match = README_BLOCK.search((ROOT / "README.md").read_text())
    assert match, "README.md lost its production environment block (/etc/mitra/mitra.env)"
    return variables(match["body"])


def env_example() -> dict[str, str]:
    return variables((ROOT / ".env.example").read_text())


def run_mitra(environment: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`mitra` with exactly this environment, nothing inherited but the program search path."""
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **environment}
    return subprocess.run(  # noqa: S603  # our own command, fixed arguments
        [MITRA, *args], env=clean, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def production(source: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """The documented variables, with a real secret and a throw-away database."""
    return {
        **source,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }


def test_the_readme_documents_the_https_settings():
    documented = readme_environment()
    for name in (
        "DEBUG",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "CSRF_TRUSTED_ORIGINS",
        "SECURE_COOKIES",
        "BEHIND_PROXY",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
    ):
        assert name in documented, name
    assert documented["DEBUG"] == "false"


@pytest.mark.parametrize("source", [readme_environment, env_example], ids=["README", "env"])
def test_the_documented_production_environment_passes_the_deploy_check(source, tmp_path):
    result = run_mitra(
        production(source(), tmp_path), "check", "--deploy", "--fail-level", "WARNING"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output
    assert "WARNING" not in output


def test_production_turns_on_the_redirect_and_hsts(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_HSTS_PRELOAD, s.SESSION_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER)"
    )
    result = run_mitra(
        production(readme_environment(), tmp_path), "shell", "--no-imports", "-c", code
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == (
        "True 31536000 True True True ('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_https_settings_follow_secure_cookies_unless_set(tmp_path):
    code = (
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)"
    )
    environment = production(readme_environment(), tmp_path)
    for name in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS"):
        del environment[name]
    result = run_mitra(environment, "shell", "--no-imports", "-c", code)
    assert result.stdout.split("\n")[0] == "True 31536000"


def test_a_debug_run_on_plain_http_has_no_redirect_and_no_hsts(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE)"
    )
    environment = {"DEBUG": "true", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = run_mitra(environment, "shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == "True False 0 False"


@pytest.mark.django_db
def test_behind_the_proxy_http_is_redirected_and_https_gets_hsts(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    plain = client.get("/public/", headers={"x-forwarded-proto": "http"})
    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/public/"
    secure = client.get("/public/", headers={"x-forwarded-proto": "https"})
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
