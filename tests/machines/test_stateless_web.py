"""Two web servers sharing one database and one object store are one Mitra: a person logged in
on one is known on the other, a file uploaded through one downloads through the other, and the
daily work started on both at once is done once. Nothing is kept in one process or on its disk.
"""

import ast
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from axes.handlers.database import AxesDatabaseHandler
from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.fallback import FallbackStorage
from django.utils.module_loading import import_string

from mitra.cooperations.tests.test_web_documents import small_pdf
from tests.machines.servers import BIN, ROOT, Browser, Cluster, Instance
from tests.machines.test_read_replica import loi

MITRA = ROOT / "mitra"


@pytest.mark.servers
@pytest.mark.long
@pytest.mark.django_db
def test_logged_in_on_one_server_known_on_the_other(seeded, instances):
    a, b = instances
    browser = Browser()
    browser.log_in(a, "officer", seeded["password"])
    page = browser.get(b, "/cooperations/")
    assert page.status_code == 200
    assert page.url.endswith("/cooperations/")  # not sent to the login page
    assert "Makassar–Incheon" in page.text
    assert Browser().get(b, "/cooperations/").url.endswith("/accounts/login/?next=/cooperations/")


@pytest.mark.servers
@pytest.mark.long
@pytest.mark.django_db
def test_uploaded_through_one_server_downloaded_through_the_other(
    cluster, seeded, instances, object_store
):
    a, b = instances
    browser, outsider = Browser(), Browser()
    browser.log_in(a, "officer", seeded["password"])
    outsider.log_in(b, "outsider", seeded["password"])
    new_document = f"/cooperations/{seeded['cooperation']}/documents/new/"
    upload = {"file": ("loi-two-servers.pdf", small_pdf(), "application/pdf")}
    posted = browser.post_form(a, new_document, loi("LoI through server a"), files=upload)
    assert posted.history, posted.text[:2000]
    stored = cluster.on_primary(
        "SELECT file FROM cooperations_document WHERE title = 'LoI through server a'"
    )
    assert f"installation/{stored}" in object_store.keys("installation/documents/")
    pk = cluster.on_primary("SELECT id FROM cooperations_document WHERE file = %s", stored)
    download = f"/cooperations/documents/{pk}/download/"
    response = browser.get(b, download)
    assert response.status_code == 200
    assert response.content == small_pdf()
    assert "loi-two-servers" in response.headers["Content-Disposition"]
    assert outsider.get(b, download).status_code == 404
    assert outsider.get(a, download).status_code == 404


@pytest.mark.servers
@pytest.mark.long
@pytest.mark.django_db
def test_the_daily_work_started_on_both_servers_at_once_is_done_once(
    cluster: Cluster, seeded: dict[str, Any], instances: tuple[Instance, Instance]
) -> None:
    runs = [start_daily(instance) for instance in instances]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    said = "\n".join(out for out, _ in outputs)

    reminders = cluster.on_primary("SELECT count(*) FROM reminders_reminder")
    assert reminders >= seeded["tasks"]  # one per task due tomorrow, at least
    assert cluster.on_primary("SELECT count(*) FROM reminders_reminder WHERE sent_at IS NULL") == 0
    assert total(r"(\d+) new reminders", said) == reminders
    assert total(r"sent (\d+) reminders", said) == reminders
    recipients = cluster.on_primary(
        "SELECT count(DISTINCT recipient_id) FROM reminders_reminder r"
        " JOIN auth_user u ON u.id = r.recipient_id WHERE u.email <> ''"
    )
    assert total(r"in (\d+) e-mails", said) == recipients >= seeded["people"]

    expired = cluster.on_primary(
        "SELECT count(*) FROM cooperations_cooperationevent WHERE action = 'expire'"
        " AND cooperation_id = ANY(%s)",
        seeded["lapsed"],
    )
    assert expired == len(seeded["lapsed"])
    assert total(r"expire: (\d+) changed", said) == len(seeded["lapsed"])


def start_daily(instance: Instance) -> subprocess.Popen[str]:
    """`mitra daily` on the machine of `instance`, with its environment."""
    return subprocess.Popen(  # noqa: S603  # our own command, fixed arguments
        [str(BIN / "mitra"), "daily"],
        cwd=ROOT,
        env=instance.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def total(pattern: str, text: str) -> int:
    return sum(int(n) for n in re.findall(pattern, text))


def test_sessions_and_messages_live_in_the_database_and_cookies():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert issubclass(import_string(settings.MESSAGE_STORAGE), FallbackStorage)
    assert issubclass(import_string(settings.AXES_HANDLER), AxesDatabaseHandler)
    assert apps.is_installed("django_tasks_db")  # the queue is a table, not a process


def test_no_module_keeps_shared_state_in_a_process_cache():
    """Django's default cache lives in one process's memory: what one server put there, the
    other would not see. Mitra uses no cache; a module that starts to must choose a shared one."""
    using = [
        str(path.relative_to(ROOT))
        for path in MITRA.rglob("*.py")
        if "tests" not in path.parts and imports_the_cache(path)
    ]
    assert using == []


def imports_the_cache(path: Path) -> bool:
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("django.core.cache"):
            return True
        if isinstance(node, ast.Import) and any(
            alias.name.startswith("django.core.cache") for alias in node.names
        ):
            return True
    return False
