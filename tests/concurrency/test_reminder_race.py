"""Two `mitra remind` runs send digests at the same moment: every reminder goes out exactly once."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from mitra.followups.models import Task
from mitra.reminders.models import Reminder
from mitra.reminders.services import collect_reminders, send_digests
from mitra.tenancy.models import Membership
from tests.factories import make_tenant, make_user

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the claim races on PostgreSQL's row locks; the test command runs this on PostgreSQL",
    ),
]


def race(runs):
    """Run `send_digests` `runs` times, each in its own thread and connection, all together."""
    barrier = threading.Barrier(runs)
    errors = []

    def run():
        try:
            barrier.wait()
            send_digests(timezone.now())
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


@pytest.mark.parametrize("attempt", range(3))
def test_two_overlapping_runs_send_each_reminder_exactly_once(reference_data, attempt):
    tenant = make_tenant("7371")
    people = [make_user(tenant, Membership.Role.COOPERATION_OFFICER) for _ in range(4)]
    today = timezone.localdate()
    for person in people:
        person.email = f"{person.username}@example.go.id"
        person.save(update_fields=["email"])
        for n in range(5):
            Task.objects.create(
                tenant=tenant,
                assignee=person,
                title=f"Task {person.pk}-{n}",
                due_date=today + timedelta(days=1),
            )
    collect_reminders(today)
    tasks = Reminder.objects.filter(kind=Reminder.Kind.TASK_DUE)
    assert tasks.count() == 20
    mail.outbox = []

    assert race(2) == []

    assert not Reminder.objects.filter(sent_at=None).exists()
    sent = [
        line for message in mail.outbox for line in message.body.splitlines() if "“Task " in line
    ]
    assert len(sent) == 20
    assert len(set(sent)) == 20
