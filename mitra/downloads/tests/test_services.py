"""Asking for a file records it and queues its task once; old files are pruned."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mitra.audit.models import AuditEntry
from mitra.downloads.building import build_file
from mitra.downloads.models import GeneratedFile
from mitra.downloads.services import request_file
from tests.downloads import run_the_worker

pytestmark = pytest.mark.django_db

PERIOD = {"period": ["year"], "year": ["2024"]}


def ask(tenant, user, params=PERIOD, kind="reports.xlsx"):
    return request_file(tenant, by=user, kind=kind, params=params, language="id")


def test_asking_records_the_file_queues_its_task_and_an_audit_row(tenant, leadership):
    made = ask(tenant, leadership)
    assert (made.tenant, made.requester, made.status, made.progress) == (
        tenant,
        leadership,
        "queued",
        0,
    )
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["args"] == [made.pk]
    assert AuditEntry.objects.filter(record__endswith=str(made.pk), user=leadership).exists()


def test_asking_again_while_it_waits_finds_the_same_file(tenant, leadership):
    first = ask(tenant, leadership)
    assert ask(tenant, leadership) == first
    assert DBTaskResult.objects.count() == 1


def test_another_period_another_person_or_a_finished_file_is_asked_anew(
    tenant, leadership, cooperation_officer
):
    first = ask(tenant, leadership)
    assert ask(tenant, leadership, {"period": ["year"], "year": ["2023"]}) != first
    assert ask(tenant, cooperation_officer) != first
    run_the_worker()
    assert ask(tenant, leadership) != first
    assert GeneratedFile.objects.count() == 4


def test_an_unknown_kind_is_refused(tenant, leadership):
    with pytest.raises(ValueError, match="no kind"):
        ask(tenant, leadership, kind="salaries.xlsx")


def test_the_task_builds_the_file_once_and_a_second_run_leaves_it(tenant, leadership):
    made = ask(tenant, leadership)
    (line,) = run_the_worker()
    made.refresh_from_db()
    assert line.endswith(" bytes")
    assert (made.status, made.progress) == ("done", 100)
    assert made.file.name.endswith(".xlsx") and made.finished_at is not None
    assert made.content_type.startswith("application/vnd.openxmlformats")
    assert build_file(made.pk).endswith("left alone")


def test_a_file_that_cannot_be_built_fails_with_a_message_for_its_asker(tenant, leadership):
    made = ask(tenant, leadership, {"period": ["year"], "year": ["abc"]})
    run_the_worker()
    made.refresh_from_db()
    assert made.status == "failed"
    assert made.error.startswith("Periode laporan tidak sah")
    assert "Traceback" not in made.error and not made.file


def test_a_kind_mitra_no_longer_makes_fails_plainly(tenant, leadership):
    made = ask(tenant, leadership)
    GeneratedFile.objects.filter(pk=made.pk).update(kind="retired.pdf")
    run_the_worker()
    made.refresh_from_db()
    assert (made.status, made.error) == ("failed", "Mitra tidak lagi membuat berkas jenis ini.")


def test_pruning_deletes_old_files_and_their_rows_and_keeps_recent_ones(tenant, leadership):
    old = ask(tenant, leadership)
    run_the_worker()
    old.refresh_from_db()
    storage, name = old.file.storage, old.file.name
    assert storage.exists(name)
    GeneratedFile.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    recent = ask(tenant, leadership)
    out = StringIO()
    call_command("prune_generated_files", stdout=out)
    assert "1 deleted (older than 7 days)" in out.getvalue()
    assert not storage.exists(name)
    assert list(GeneratedFile.objects.all()) == [recent]
    call_command("prune_generated_files", "--days", "0", stdout=StringIO())
    assert not GeneratedFile.objects.exists()


def test_pruning_refuses_a_negative_age(tenant):
    with pytest.raises(CommandError, match="--days"):
        call_command("prune_generated_files", "--days", "-1", stdout=StringIO())
