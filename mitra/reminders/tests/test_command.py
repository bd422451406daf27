"""`mitra remind`: collect and send, with --today and --dry-run; bad input is a clear error."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from mitra.reminders.models import Reminder
from mitra.reminders.tests.helpers import TODAY, make_task


def remind(*args):
    out = StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


def test_remind_creates_and_sends_with_a_summary(tenant, officer, on_commit):
    make_task(tenant, officer, 2)
    with on_commit():
        output = remind("--today", TODAY.isoformat())
    assert "in 1 e-mails" in output
    assert len(mail.outbox) == 1


def test_a_dry_run_lists_and_changes_nothing(tenant, officer):
    task = make_task(tenant, officer, 2)
    output = remind("--today", TODAY.isoformat(), "--dry-run")
    assert f"would create: task_due followups.task:{task.pk}" in output
    assert not Reminder.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("bad", ["23-11-2026", "tomorrow", "2026-02-30"])
def test_a_bad_date_is_a_clear_error(db, bad):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        remind("--today", bad)
