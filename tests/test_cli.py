"""The `mitra` command reports a missing setting in one line, without a traceback."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_missing_secret_key_is_a_clear_message_not_a_traceback():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(ROOT / "manage.py"), "check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 2
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr
    assert "Traceback" not in result.stderr
