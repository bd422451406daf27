"""Two `mitra daily` runs at the same moment over a small synthetic country: every date-driven
move, recurring obligation, evaluation request and reminder happens exactly once, though both
runs found the same work and each creates and claims it in small batches."""

import re
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.db.models import Count

from mitra.cooperations.models import CooperationEvent
from mitra.followups.models import Task
from mitra.implementation import recurring
from mitra.implementation.models import EvaluationReminder, Obligation
from mitra.reminders import services
from mitra.reminders.models import Reminder

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the runs race on PostgreSQL's row locks; the test command runs this on PostgreSQL",
    ),
]
SYNTHESIZED_ON = "2026-11-20"
TODAY = "2027-06-30"  # agreements have lapsed since, cooperations fallen quiet, periods ended
DATE_DRIVEN = ("expire", "mark_dormant")


def daily(*args: str) -> str:
    out = StringIO()
    call_command("daily", f"--today={TODAY}", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def race(runs: int) -> list[str]:
    """`mitra daily` `runs` times at once, each in its own thread and connection; their output."""
    barrier = threading.Barrier(runs)
    outputs: list[str] = []
    errors: list[Exception] = []

    def run() -> None:
        try:
            barrier.wait()
            outputs.append(daily())
        except Exception as error:  # a deadlock or a unique violation would land here
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    return outputs


def figure(pattern: str, text: str) -> int:
    return sum(int(found) for found in re.findall(pattern, text))


@pytest.fixture
def country(reference_data: None, monkeypatch: pytest.MonkeyPatch) -> str:
    """Three regions with work of every kind due; what one run would do (its dry run)."""
    monkeypatch.setattr(recurring, "BATCH", 3)  # many small batches, so the runs interleave
    monkeypatch.setattr(services, "CLAIM_BATCH", 4)
    call_command(
        "synthesize",
        "--tenants=3",
        "--cooperations=150",
        f"--today={SYNTHESIZED_ON}",
        stdout=StringIO(),
    )
    return daily("--dry-run")


def test_two_overlapping_daily_runs_do_each_thing_exactly_once(country: str) -> None:
    moves = figure(r"(?:expire|mark_dormant): (\d+) to change", country)
    obligations = figure(r"(\d+) obligation tasks and", country)
    evaluations = figure(r"and (\d+) evaluation tasks would create", country)
    tasks_before = Task.objects.count()
    history = set(CooperationEvent.objects.values_list("pk", flat=True))
    assert moves > 0 and obligations > 0 and evaluations > 0

    outputs = race(2)

    events = CooperationEvent.objects.filter(action__in=DATE_DRIVEN).exclude(pk__in=history)
    assert events.count() == moves
    assert not events.values("cooperation").annotate(n=Count("pk")).filter(n__gt=1).exists()
    # Fewer evaluations than the dry run found: the runs expired some cooperations first.
    assert 0 < Obligation.objects.count() <= obligations
    assert 0 < EvaluationReminder.objects.count() <= evaluations
    linked = [*Obligation.objects.values_list("task", flat=True)]
    linked += EvaluationReminder.objects.values_list("task", flat=True)
    assert None not in linked and len(set(linked)) == len(linked)
    assert Task.objects.count() - tasks_before == len(linked)  # no task made twice
    assert "0 obligation tasks and 0 evaluation tasks would create" in daily("--dry-run")
    sent = figure(r"sent (\d+) reminders", "".join(outputs))
    assert Reminder.objects.count() > 0
    assert sent == Reminder.objects.count()
    assert not Reminder.objects.filter(sent_at=None).exists()


def test_a_run_after_the_race_changes_nothing(country: str) -> None:
    race(2)

    again = daily()

    assert "expire: 0 changed" in again and "mark_dormant: 0 changed" in again
    assert "0 obligation tasks and 0 evaluation tasks created" in again
    assert "0 new reminders; sent 0 reminders" in again
