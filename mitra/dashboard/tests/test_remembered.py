"""The dashboard's figures, kept in the process until the tenant's data changes, never show
less than the last write: each write through a service shows on the next page at once, a write
committed by another server (its bump of the change count) too, and every service either
bumps the count through the audit or history writers or is named here as off the dashboard."""

import ast
import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from mitra.audit import services as audit_services
from mitra.cooperations import services as cooperation_services
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.transitions import log_event
from mitra.dashboard.tests.test_dashboard import seed
from mitra.events import services as event_services
from mitra.followups import services as followup_services
from mitra.followups.models import Task
from mitra.lib import tenant_changes as changes
from mitra.tenancy import services as tenancy_services
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_cooperation, make_document, make_partner, make_user

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard:index")


@pytest.fixture(autouse=True)
def kept(settings: Any) -> Iterator[None]:
    settings.MITRA_REMEMBER_FIGURES = True
    changes.forget()
    yield
    changes.forget()


def shown(client: Any) -> str:
    """The dashboard as the officer sees it, without its CSRF token (masked anew each time)."""
    html = client.get(DASHBOARD).content.decode()
    return re.sub(r'("X-CSRFToken": "|csrfmiddlewaretoken" value=")[^"]+', r"\1", html)


def computed_afresh(client: Any) -> str:
    changes.forget()
    return shown(client)


def test_the_figures_are_kept_until_the_tenant_changes(
    client_as, cooperation_officer, tenant, django_assert_max_num_queries
):
    client = client_as(cooperation_officer)
    seed(tenant, cooperation_officer)
    before = shown(client)
    # A row written past the services bumps nothing: the kept figures are what is shown.
    Document.objects.filter(tenant=tenant).update(valid_until=None)
    with django_assert_max_num_queries(8):
        assert shown(client) == before
    assert computed_afresh(client) != before


def test_a_write_committed_through_another_server_shows_at_once(
    client_as, cooperation_officer, tenant
):
    """Another server's process keeps nothing here; its commit bumps the count in the
    database, which this process reads with the membership on the next request."""
    client = client_as(cooperation_officer)
    seed(tenant, cooperation_officer)
    before = shown(client)
    Document.objects.filter(tenant=tenant).update(valid_until=None)
    Tenant.objects.filter(pk=tenant.pk).update(changes=F("changes") + 1)
    after = shown(client)
    assert after != before
    assert after == computed_afresh(client)


def _tasks(tenant: Tenant) -> list[Task]:
    return list(Task.objects.filter(tenant=tenant).order_by("pk"))


def _coop(tenant: Tenant) -> Cooperation:
    return Cooperation.objects.filter(tenant=tenant, title="Kerja sama 0").get()


def _expiring(tenant: Tenant) -> Document:
    return Document.objects.filter(tenant=tenant, title="MoU 0").get()


Write = Callable[[Tenant, Any], object]
# One write through a service for each section of the dashboard.
WRITES: dict[str, Write] = {
    "cooperations.create_cooperation": lambda tenant, by: make_cooperation(
        tenant, title="Kerja sama baru", partners=[make_partner(tenant)]
    ),
    "cooperations.update_cooperation": lambda tenant, by: cooperation_services.update_cooperation(
        _coop(tenant), by=by, title="Judul yang diubah"
    ),
    "cooperations.record_past_state": lambda tenant, by: cooperation_services.record_past_state(
        _coop(tenant), Cooperation.State.WITHDRAWN, by=by, note="ditarik"
    ),
    "cooperations.attach_document": lambda tenant, by: make_document(
        _coop(tenant), title="MoU baru", valid_until=timezone.localdate() + timedelta(days=5)
    ),
    "cooperations.void_document": lambda tenant, by: cooperation_services.void_document(
        _expiring(tenant), by=by, reason="salah catat"
    ),
    "followups.complete_task": lambda tenant, by: followup_services.complete_task(
        _tasks(tenant)[0], by=by
    ),
    "followups.cancel_task": lambda tenant, by: followup_services.cancel_task(
        _tasks(tenant)[1], by=by, note="tidak perlu"
    ),
    "events.create_event": lambda tenant, by: event_services.create_event(
        tenant, by=by, name="Rapat mitra", starts_on=timezone.localdate() + timedelta(days=3)
    ),
    "tenancy.update_settings": lambda tenant, by: tenancy_services.update_settings(
        tenant, by=None, expiry_windows="20"
    ),
}


@pytest.mark.parametrize("service", sorted(WRITES))
def test_a_write_through_a_service_shows_on_the_next_page_at_once(
    service, client_as, cooperation_officer, tenant, django_capture_on_commit_callbacks
):
    client = client_as(cooperation_officer)
    seed(tenant, cooperation_officer)
    before = shown(client)
    with django_capture_on_commit_callbacks(execute=True):
        WRITES[service](Tenant.objects.get(pk=tenant.pk), cooperation_officer)
    after = shown(client)
    assert after != before, f"{service} changed nothing the dashboard shows"
    assert after == computed_afresh(client)


ROOT = Path(__file__).resolve().parents[2]
# Where the count is bumped: every audit row and every history row of a cooperation.
BUMPERS = {"_write", "record_created_in_bulk", "log_event"}
# Services that write no audit or history row of a tenant, and why the dashboard does not care.
OFF_THE_DASHBOARD = {
    "imports.check_upload": "keeps an uploaded register and its report, not yet imported",
    "reminders.mark_read": "the unread count is read with the membership on every request",
    "reminders.mark_all_read": "the unread count is read with the membership on every request",
}


def _calls(function: ast.FunctionDef) -> set[str]:
    names = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            callee = node.func
            if isinstance(callee, ast.Name):
                names.add(callee.id)
            elif isinstance(callee, ast.Attribute):
                names.add(callee.attr)
    return names


def _functions() -> dict[str, tuple[str, ast.FunctionDef]]:
    """Every function of the services modules and of the workflow's writer, by name."""
    paths = [*sorted(ROOT.glob("*/services.py")), ROOT / "cooperations" / "transitions.py"]
    found = {}
    for path in paths:
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef):
                found[node.name] = (path.parent.name, node)
    return found


def _bumping(functions: dict[str, tuple[str, ast.FunctionDef]]) -> set[str]:
    """The functions that reach a bumper through the functions they call, by name."""
    calls = {name: _calls(node) for name, (_app, node) in functions.items()}
    bumping = set(BUMPERS)
    while True:
        more = {name for name, called in calls.items() if called & bumping} - bumping
        if not more:
            return bumping
        bumping |= more


def test_every_service_bumps_the_tenants_count_or_is_off_the_dashboard():
    functions = _functions()
    services = {
        f"{app}.{name}"
        for name, (app, node) in functions.items()
        if not name.startswith("_") and "by" in [a.arg for a in node.args.kwonlyargs]
    }
    assert len(services) > 60  # the walk found the services
    bumping = _bumping(functions)
    silent = {service for service in services if service.split(".")[1] not in bumping}
    assert silent == set(OFF_THE_DASHBOARD)
    assert set(WRITES) <= services


def test_each_writer_of_audit_and_history_rows_bumps_the_count_once_committed(
    tenant, cooperation_officer, django_capture_on_commit_callbacks
):
    coop = make_cooperation(tenant)
    task = followup_services.create_task(
        tenant,
        by=None,
        title="Tugas",
        assignee=cooperation_officer,
        due_date=timezone.localdate(),
    )
    writers = {
        "_write": lambda: audit_services.record_created(task, by=None),
        "record_created_in_bulk": lambda: audit_services.record_created_in_bulk(
            [(task, coop)], by=None
        ),
        "log_event": lambda: log_event(
            coop, action="note", source=coop.state, target=coop.state, by=None, note=""
        ),
    }
    assert set(writers) == BUMPERS
    for name, write in writers.items():
        before = Tenant.objects.get(pk=tenant.pk).changes
        with django_capture_on_commit_callbacks(execute=True):
            write()
            assert Tenant.objects.get(pk=tenant.pk).changes == before, name  # not before commit
        assert Tenant.objects.get(pk=tenant.pk).changes == before + 1, name


def test_each_officer_sees_their_own_day_from_the_kept_figures(
    client_as, cooperation_officer, tenant
):
    other = make_user(tenant, Membership.Role.COOPERATION_OFFICER)
    today = timezone.localdate()
    for user, title in ((cooperation_officer, "Tugas pertama"), (other, "Tugas kedua")):
        followup_services.create_task(tenant, by=None, title=title, assignee=user, due_date=today)
    first = client_as(cooperation_officer).get(DASHBOARD).context["board"].my_day
    second = client_as(other).get(DASHBOARD).context["board"].my_day
    assert [task.title for task in first.due_today.rows] == ["Tugas pertama"]
    assert [task.title for task in second.due_today.rows] == ["Tugas kedua"]
