"""`mitra daily` takes as many queries for six regions as for two: every step works across all
tenants at once (the country has 552), and reminders are claimed in batches, not one by one."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mitra.followups.models import Task
from mitra.reminders import services
from mitra.reminders.models import Reminder
from mitra.reminders.tests.helpers import with_email
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_cooperation, make_tenant, make_user

pytestmark = pytest.mark.django_db
REGIONS = ["7371", "3273", "3171", "5171", "3578", "1371"]
TODAY = "2026-11-20"


def queries_of_daily(*args: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        call_command("daily", *args, stdout=StringIO(), stderr=StringIO())
    return len(captured.captured_queries)


def synthesized(tenants: int) -> None:
    """A small country: every kind of work the daily run looks at, in every region."""
    call_command(
        "synthesize",
        f"--tenants={tenants}",
        f"--cooperations={30 * tenants}",
        f"--today={TODAY}",
        stdout=StringIO(),
    )


def regions_with_a_task_due(codes: list[str]) -> list[tuple[Tenant, int]]:
    """Each region with an officer (with an e-mail address) whose task is due tomorrow."""
    made = []
    for code in codes:
        tenant = make_tenant(code)
        officer = with_email(make_user(tenant, Membership.Role.COOPERATION_OFFICER))
        Task.objects.create(
            tenant=tenant,
            assignee=officer,
            cooperation=make_cooperation(tenant),
            title=f"Kirim draf MoU {code}",
            due_date=timezone.localdate() + timedelta(days=1),
        )
        made.append((tenant, officer.pk))
    return made


def test_a_dry_run_takes_as_many_queries_for_six_regions_as_for_two() -> None:
    synthesized(2)
    two = queries_of_daily("--dry-run", f"--today={TODAY}")
    synthesized(4)
    assert Tenant.objects.count() == 6
    assert queries_of_daily("--dry-run", f"--today={TODAY}") == two


def test_the_next_real_run_takes_as_many_queries_for_six_regions_as_for_two(mailoutbox) -> None:
    """After a first run has caught up with everything due, the following run (the daily
    steady state: every step finds what is due and has it already) costs the same for six."""
    synthesized(2)
    queries_of_daily(f"--today={TODAY}")
    two = queries_of_daily(f"--today={TODAY}")
    synthesized(4)
    assert queries_of_daily(f"--today={TODAY}") > two  # the new regions' catch-up
    assert queries_of_daily(f"--today={TODAY}") == two


def test_a_real_run_takes_as_many_queries_for_six_regions_as_for_two(mailoutbox) -> None:
    regions_with_a_task_due(REGIONS[:2])
    two = queries_of_daily()
    Reminder.objects.all().delete()
    mailoutbox.clear()
    world = regions_with_a_task_due(REGIONS[2:])
    assert queries_of_daily() == two
    for tenant, officer in world:  # each officer told of their own region's task only
        told = Reminder.objects.filter(recipient_id=officer).values_list("tenant", flat=True)
        assert list(told) == [tenant.pk]


def test_reminders_are_claimed_in_batches_each_exactly_once(monkeypatch, mailoutbox) -> None:
    monkeypatch.setattr(services, "CLAIM_BATCH", 2)
    regions_with_a_task_due(REGIONS[:5])
    services.collect_reminders(timezone.localdate())
    batches: list[int] = []

    outcome = services.send_digests(timezone.now(), progress=batches.append)

    assert batches == [2, 2, 1]
    assert outcome.reminders == 5
    assert not Reminder.objects.filter(sent_at=None).exists()
    assert services.send_digests(timezone.now()).reminders == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner settings")
def test_a_batch_stays_a_batch_whichever_join_the_planner_picks(monkeypatch, mailoutbox) -> None:
    """With a nested loop (the plan PostgreSQL picked once the table's statistics grew), a
    locking subquery under `WHERE id IN (…)` ran again for each updated row and each run locked
    the next rows: one statement claimed all five where the batch was two."""
    monkeypatch.setattr(services, "CLAIM_BATCH", 2)
    regions_with_a_task_due(REGIONS[:5])
    services.collect_reminders(timezone.localdate())
    with connection.cursor() as cursor:
        for setting in ("enable_hashjoin", "enable_mergejoin", "enable_material"):
            cursor.execute(f"SET LOCAL {setting} = off")
    batches: list[int] = []

    services.send_digests(timezone.now(), progress=batches.append)

    assert batches == [2, 2, 1]
