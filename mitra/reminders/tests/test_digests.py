"""One digest e-mail per person, in Indonesian, each reminder sent exactly once."""

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from mitra.reminders.models import Reminder
from mitra.reminders.services import collect_reminders, send_digests
from mitra.reminders.tests.helpers import TODAY, make_task, with_email
from tests.factories import make_document

K = Reminder.Kind


def end_of(day):
    return timezone.make_aware(datetime.combine(day, time.max))


@pytest.fixture
def run(on_commit):
    def collect_and_send(day):
        with on_commit():
            collect_reminders(day)
            return send_digests(end_of(day))

    return collect_and_send


def test_the_digest_lists_the_task_and_the_cooperation_in_indonesian(
    tenant, officer, cooperation, run, english
):
    make_task(tenant, officer, 3, title="Kirim draf MoU ke Busan", cooperation=cooperation)
    run(TODAY)
    [message] = mail.outbox
    assert message.to == [officer.email]
    assert message.subject.startswith("Mitra: ")
    # Rendered in Indonesian whatever the active language: the footer is already translated.
    # (The subject and lines read in Indonesian once the new msgids are in django.po.)
    assert "sistem informasi kerja sama daerah" in message.body
    assert "Kirim draf MoU ke Busan" in message.body
    assert "Sister city Makassar–Busan" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Kirim draf MoU ke Busan" in html
    assert "Sister city Makassar–Busan" in html
    assert "sistem informasi kerja sama daerah" in html


def test_each_person_gets_one_digest_with_all_their_reminders(tenant, officer, cooperation, run):
    make_task(tenant, officer, 1, title="First")
    make_task(tenant, officer, 2, title="Second")
    make_document(cooperation, kind="mou", title="MoU", valid_until=TODAY + timedelta(days=20))
    outcome = run(TODAY)
    assert len(mail.outbox) == 1
    assert outcome.emails == 1
    body = mail.outbox[0].body
    assert "First" in body and "Second" in body and "MoU" in body


def test_running_twice_sends_nothing_the_second_time(tenant, officer, run):
    make_task(tenant, officer, 1)
    run(TODAY)
    run(TODAY)
    assert len(mail.outbox) == 1
    assert not Reminder.objects.filter(sent_at=None).exists()


def test_a_missed_run_catches_up_on_the_next_one(tenant, officer, cooperation, run):
    task = make_task(tenant, officer, 1, title="Kirim surat")
    make_document(cooperation, kind="mou", title="MoU", valid_until=TODAY + timedelta(days=31))
    # Nothing ran on TODAY or the day after: two days later both windows are still found.
    run(TODAY + timedelta(days=2))
    [message] = mail.outbox
    assert "Kirim surat" in message.body and "MoU" in message.body
    row = Reminder.objects.get(kind=K.TASK_DUE, subject=f"followups.task:{task.pk}")
    assert row.window == f"overdue:{task.due_date.isoformat()}"
    assert row.sent_at is not None


def test_unsent_rows_from_a_failed_run_are_sent_by_the_next(tenant, officer, run):
    make_task(tenant, officer, 1, title="Kirim surat")
    collect_reminders(TODAY)  # the run stopped before sending
    run(TODAY + timedelta(days=1))
    assert len(mail.outbox) == 1
    assert "Kirim surat" in mail.outbox[0].body


def test_a_person_without_an_email_address_has_the_reminder_in_the_app_only(
    tenant, cooperation_officer, run
):
    make_task(tenant, cooperation_officer, 1)
    outcome = run(TODAY)
    assert mail.outbox == []
    assert outcome.in_app_only == 1
    assert Reminder.objects.get(kind=K.TASK_DUE).read_at is None


def test_each_person_gets_only_their_own_reminders(tenant, other_tenant, officer, outsider, run):
    with_email(outsider)
    make_task(tenant, officer, 1, title="Makassar's task")
    make_task(other_tenant, outsider, 1, title="Bandung's task")
    run(TODAY)
    by_recipient = {m.to[0]: m.body for m in mail.outbox}
    assert "Bandung's task" not in by_recipient[officer.email]
    assert "Makassar's task" not in by_recipient[outsider.email]


def test_leadership_reads_a_dormant_agreement_with_what_was_promised_and_what_is_missing(
    tenant, other_tenant, officer, leadership, outsider, run
):
    from mitra.dashboard.tests.test_dashboard import dormant_with_plan

    with_email(leadership)
    with_email(outsider)
    dormant_with_plan(tenant, "Little Bandung di Malaysia")
    dormant_with_plan(other_tenant, "Kota lain")
    run(TODAY)
    rows = Reminder.objects.filter(kind=K.DORMANT_AGREEMENT)
    assert {row.recipient for row in rows if row.tenant == tenant} == {leadership, officer}
    [digest] = [m for m in mail.outbox if m.to == [leadership.email]]
    assert "Little Bandung di Malaysia" in digest.body
    assert "200" in digest.body  # the promised 200 outlets
    assert "Kota lain" not in digest.body
    run(TODAY + timedelta(days=1))  # the same week: not again
    assert rows.filter(recipient=leadership).count() == 1
