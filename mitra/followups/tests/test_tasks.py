"""Tasks: who may do what, the audit rows, a person's list grouped by due date, the office list."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.followups import services
from mitra.followups.models import Task
from mitra.followups.queries import group_by_due
from mitra.lib.refusal import Refused
from tests.factories import make_cooperation

from .conftest import TODAY

GIVEN = TODAY - timedelta(days=30)

pytestmark = pytest.mark.django_db


def task_for(tenant, assignee, due, **overrides):
    """A task given a month before the tests' today, due on `due`."""
    fields = {"title": "Kirim surat", "assignee": assignee, "due_date": due, "given_on": GIVEN}
    fields.update(overrides)
    return services.create_task(tenant, by=None, **fields)


def test_my_tasks_are_grouped_by_due_date(tenant, cooperation_officer, today):
    days = {"overdue": -3, "today": 0, "week": 7, "later": 8}
    for key, offset in days.items():
        task_for(tenant, cooperation_officer, today + timedelta(days=offset), title=key)
    groups = group_by_due(Task.objects.all(), today)
    assert [g.total for g in groups] == [1, 1, 1, 1]
    assert [(g.key, [t.title for t in g.tasks]) for g in groups] == [(key, [key]) for key in days]


def test_completing_writes_an_audit_row(tenant, cooperation_officer, today):
    task = task_for(tenant, cooperation_officer, today, cooperation=make_cooperation(tenant))
    services.complete_task(task, by=cooperation_officer, note="Terkirim")
    task.refresh_from_db()
    assert (task.status, task.completion_note) == (Task.Status.DONE, "Terkirim")
    entry = AuditEntry.objects.filter(model_label="followups.task", action="update").get()
    assert entry.changes["status"] == ["open", "done"]


def test_cancelling_writes_an_audit_row(tenant, cooperation_officer, today):
    task = task_for(tenant, cooperation_officer, today)
    services.cancel_task(task, by=cooperation_officer, note="Tidak perlu")
    assert AuditEntry.objects.filter(model_label="followups.task", action="update").exists()
    with pytest.raises(Refused):
        services.complete_task(task, by=cooperation_officer)


def test_an_assignee_from_another_tenant_is_refused(tenant, cooperation_officer, outsider, today):
    with pytest.raises(Refused):
        task_for(tenant, outsider, today)
    task = task_for(tenant, cooperation_officer, today)
    with pytest.raises(Refused):
        services.reassign_task(task, by=cooperation_officer, assignee=outsider)


def test_leadership_may_complete_their_own_task_but_not_others(
    client_as, tenant, leadership, cooperation_officer, today
):
    own = task_for(tenant, leadership, today)
    other = task_for(tenant, cooperation_officer, today)
    client = client_as(leadership)
    assert client.post(reverse("followups:complete_task", args=[own.pk])).status_code == 302
    assert client.post(reverse("followups:complete_task", args=[other.pk])).status_code == 403
    assert client.post(reverse("followups:cancel_task", args=[own.pk])).status_code == 403
    assert list(Task.objects.filter(status="done")) == [own]


def test_completing_inline_with_htmx_returns_the_row(client_as, tenant, cooperation_officer, today):
    task = task_for(tenant, cooperation_officer, today)
    response = client_as(cooperation_officer).post(
        reverse("followups:complete_task", args=[task.pk]),
        {"note": "Selesai"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert f'id="task-{task.pk}"'.encode() in response.content
    task.refresh_from_db()
    assert task.status == Task.Status.DONE


def test_a_task_closed_inline_tells_the_page_and_a_refusal_does_not(
    client_as, tenant, cooperation_officer, today
):
    task = task_for(tenant, cooperation_officer, today)
    client = client_as(cooperation_officer)
    url = reverse("followups:complete_task", args=[task.pk])
    closed = client.post(url, {"note": "Selesai"}, headers={"HX-Request": "true"})
    again = client.post(url, {"note": "Lagi"}, headers={"HX-Request": "true"})
    assert json.loads(closed["HX-Trigger"]) == {"task-changed": {}}
    assert again.status_code == 200 and b'role="alert"' in again.content
    assert "HX-Trigger" not in again


def test_my_tasks_reads_its_groups_again_when_a_task_changes(
    client_as, tenant, cooperation_officer, today
):
    task_for(tenant, cooperation_officer, today - timedelta(days=3))
    page = client_as(cooperation_officer).get(reverse("followups:my_tasks")).content.decode()
    assert 'hx-trigger="task-changed from:body delay:1s"' in page
    assert page.index('id="my-task-groups"') < page.index('id="tasks-overdue"')


def test_my_tasks_page_lists_only_my_open_tasks(
    client_as, tenant, cooperation_officer, agency_officer, today
):
    task_for(tenant, cooperation_officer, today, title="Punya saya")
    task_for(tenant, agency_officer, today, title="Punya orang lain")
    page = client_as(cooperation_officer).get(reverse("followups:my_tasks"))
    assert b"Punya saya" in page.content
    assert b"Punya orang lain" not in page.content


def test_the_office_list_filters_by_person(
    client_as, tenant, cooperation_officer, agency_officer, today
):
    task_for(tenant, cooperation_officer, today, title="Punya saya")
    task_for(tenant, agency_officer, today, title="Punya orang lain")
    url = reverse("followups:tasks") + f"?person={agency_officer.pk}"
    page = client_as(cooperation_officer).get(url)
    assert b"Punya orang lain" in page.content
    assert b"Punya saya" not in page.content


def test_the_outsider_gets_404_on_tasks_of_the_other_tenant(
    client_as, tenant, cooperation_officer, outsider, today
):
    task = task_for(tenant, cooperation_officer, today, title="Rahasia")
    client = client_as(outsider)
    for name in ("complete_task", "cancel_task", "reassign_task"):
        assert client.post(reverse(f"followups:{name}", args=[task.pk])).status_code == 404
    assert b"Rahasia" not in client.get(reverse("followups:tasks")).content
    task.refresh_from_db()
    assert task.status == Task.Status.OPEN


def test_cancelling_a_task_asks_first_and_keeps_the_reason(
    client_as, tenant, cooperation_officer, today
):
    task = task_for(tenant, cooperation_officer, today, title="Kirim undangan")
    client = client_as(cooperation_officer)
    mine = reverse("followups:my_tasks")
    address = reverse("followups:cancel_task", args=[task.pk])
    # The row links to the question; nothing changes by asking it.
    assert f'href="{address}?next={mine}"' in client.get(mine).content.decode()
    question = client.get(address, {"next": mine})
    assert question.status_code == 200
    assert "tidak dapat dibuka kembali" in question.content.decode()
    # Without a reason the page says what is missing, and the task stays open.
    refused = client.post(address, {"next": mine, "reason": ""})
    assert refused.status_code == 200
    assert "Tuliskan alasannya" in refused.content.decode()
    task.refresh_from_db()
    assert task.status == Task.Status.OPEN

    done = client.post(address, {"next": mine, "reason": "Rapat dibatalkan mitra"})
    assert done.status_code == 302 and done["Location"] == mine
    task.refresh_from_db()
    assert (task.status, task.completion_note) == (Task.Status.CANCELLED, "Rapat dibatalkan mitra")


@pytest.mark.parametrize("role", ["leadership", "team_reviewer"])
def test_a_read_only_role_is_offered_done_only_on_its_own_tasks(
    role, request, client_as, tenant, cooperation_officer, today
):
    reader = request.getfixturevalue(role)
    own = task_for(tenant, reader, today, title="Tugas sendiri")
    other = task_for(tenant, cooperation_officer, today, title="Tugas orang lain")
    page = client_as(reader).get(reverse("followups:tasks"), {"status": "open"}).content.decode()
    # A button the role may not use answered 403 into the console and changed nothing.
    assert reverse("followups:complete_task", args=[own.pk]) in page
    assert reverse("followups:complete_task", args=[other.pk]) not in page
    assert reverse("followups:cancel_task", args=[other.pk]) not in page
