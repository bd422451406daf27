"""The daily work through the django-tasks-db worker: one run advances, sends, and queues the next
morning."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mitra.reminders.models import Reminder
from mitra.reminders.tasks import next_morning
from mitra.reminders.tests.helpers import with_email
from tests.factories import make_cooperation

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_sends_the_reminders_and_queues_tomorrows_run(
    reference_data, tenant, cooperation_officer, other_tenant, outsider, mailoutbox
):
    from mitra.followups.models import Task

    officer = with_email(cooperation_officer)
    with_email(outsider)
    coop = make_cooperation(tenant)
    Task.objects.create(
        tenant=tenant, assignee=officer, cooperation=coop, title="Kirim draf MoU",
        due_date=timezone.localdate() + timedelta(days=2),
    )  # fmt: skip
    call_command("daily", "--schedule", stdout=StringIO())
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert [m.to for m in mailoutbox] == [[officer.email]]
    assert "Kirim draf MoU" in mailoutbox[0].body
    assert Reminder.objects.filter(recipient=officer, sent_at__isnull=False).count() == 1
    queued = DBTaskResult.objects.filter(status="READY").get()
    assert queued.run_after == next_morning(queued.enqueued_at)
    # The worker runs the whole daily work, the workflow's date-driven moves included.
    summary = str(DBTaskResult.objects.get(status="SUCCESSFUL").return_value)
    assert summary.index("expire:") < summary.index("obligations ") < summary.index("remind ")


def test_the_old_remind_schedule_queues_the_same_daily_run(reference_data, tenant, other_tenant):
    call_command("remind", "--schedule", stdout=StringIO())
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert "expire:" in str(DBTaskResult.objects.get(status="SUCCESSFUL").return_value)


def test_next_morning_is_six_oclock_the_day_after():
    now = timezone.make_aware(timezone.datetime(2026, 11, 23, 22, 30))
    assert timezone.localtime(next_morning(now)).isoformat().startswith("2026-11-24T06:00")
