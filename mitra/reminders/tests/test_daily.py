"""`mitra daily`: advance, obligations and reminders in that order, each safe to run twice."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from mitra.followups.models import Task
from mitra.reminders.models import Reminder
from mitra.reminders.tests.helpers import with_email
from tests.factories import make_cooperation

pytestmark = pytest.mark.django_db


def daily(*args: str) -> list[str]:
    out = StringIO()
    call_command("daily", *args, stdout=out, stderr=StringIO())
    return out.getvalue().splitlines()


def first_line(lines: list[str], prefix: str) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(prefix))


@pytest.fixture
def due_task(tenant, cooperation_officer, other_tenant, outsider):
    with_email(cooperation_officer)
    with_email(outsider)
    return Task.objects.create(
        tenant=tenant, assignee=cooperation_officer, cooperation=make_cooperation(tenant),
        title="Kirim draf MoU", due_date=timezone.localdate() + timedelta(days=2),
    )  # fmt: skip


def test_daily_runs_advance_then_obligations_then_the_reminders(due_task):
    lines = daily()
    advance = first_line(lines, "expire:")
    obligations = first_line(lines, "obligations ")
    remind = first_line(lines, "remind ")
    assert advance < obligations < remind


def test_a_second_daily_run_creates_and_sends_nothing_more(
    due_task, cooperation_officer, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        daily()
    with django_capture_on_commit_callbacks(execute=True):
        daily()
    assert [m.to for m in mailoutbox] == [[cooperation_officer.email]]
    assert Reminder.objects.filter(recipient=cooperation_officer).count() == 1
    assert not Reminder.objects.filter(recipient=outsider).exists()


def test_a_dry_run_passes_the_dry_run_to_every_step(due_task, mailoutbox):
    lines = daily("--dry-run", "--today", timezone.localdate().isoformat())
    assert "(dry run)" in lines[first_line(lines, "remind ")]
    assert not Reminder.objects.exists()
    assert mailoutbox == []


def test_a_malformed_day_stops_daily_before_any_step(due_task, mailoutbox):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        daily("--today", "31-12-2026")
    assert not Reminder.objects.exists()
