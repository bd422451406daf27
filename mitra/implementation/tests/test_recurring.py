"""Recurring obligations: one task per item and period, idempotent, catching up after missed runs."""

from datetime import date
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import record_past_state
from mitra.events.models import Event
from mitra.followups.models import Task
from mitra.followups.services import complete_task
from mitra.implementation.models import EvaluationReminder, Obligation, PlanItem
from mitra.implementation.progress import item_progress
from mitra.implementation.recurring import (
    create_due,
    find_due,
    generate_due_obligations,
    pending_obligations,
)
from mitra.implementation.tests.conftest import plan_item, recorded_on, signed_cooperation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def semester_report(document, **overrides):
    fields = {
        "activity": "Laporan semester",
        "target_quantity": None,
        "unit": "",
        "start_date": date(2025, 3, 1),
        "end_date": date(2026, 10, 31),
        "recurrence": PlanItem.Recurrence.SEMESTER,
    }
    fields.update(overrides)
    return recorded_on(plan_item(document, **fields), date(2025, 3, 1))


def tasks_of(item):
    return list(
        Task.objects.filter(pk__in=Obligation.objects.filter(item=item).values("task"))
        .order_by("due_date")
        .values_list("title", "due_date")
    )


def test_each_period_gets_exactly_one_task_as_it_opens(signed, cooperation_officer):
    _coop, mou = signed
    item = semester_report(mou)
    generate_due_obligations(date(2025, 3, 1))
    assert tasks_of(item) == [("Laporan semester (semester 1 2025)", date(2025, 6, 30))]
    generate_due_obligations(date(2025, 6, 30))  # the same period: nothing new
    generate_due_obligations(date(2025, 7, 1))
    assert [due for _title, due in tasks_of(item)] == [date(2025, 6, 30), date(2025, 12, 31)]


def test_running_twice_creates_nothing_more(signed, cooperation_officer):
    _coop, mou = signed
    item = semester_report(mou)
    first = generate_due_obligations(date(2025, 8, 1))
    second = generate_due_obligations(date(2025, 8, 1))
    assert (len(first.obligations), len(second.obligations)) == (2, 0)
    assert (len(first.evaluations), len(second.evaluations)) == (1, 0)  # semester 1 2025
    assert Obligation.objects.filter(item=item).count() == 2
    assert Task.objects.count() == 3


def test_a_missed_run_catches_up_every_period_once(signed, cooperation_officer):
    _coop, mou = signed
    item = semester_report(mou)
    generate_due_obligations(date(2025, 3, 2))
    outcome = generate_due_obligations(date(2027, 3, 1))  # nearly two years without a run
    assert [d.period.start for d in outcome.obligations] == [
        date(2025, 7, 1),
        date(2026, 1, 1),
        date(2026, 7, 1),
    ]
    # The last period is cut at the item's end date.
    assert [due for _title, due in tasks_of(item)] == [
        date(2025, 6, 30),
        date(2025, 12, 31),
        date(2026, 6, 30),
        date(2026, 10, 31),
    ]
    assert generate_due_obligations(date(2027, 3, 1)).obligations == []


def test_periods_ended_before_the_item_was_recorded_are_history_not_tasks(
    signed, cooperation_officer
):
    _coop, mou = signed
    item = recorded_on(semester_report(mou), date(2026, 2, 10))
    generate_due_obligations(date(2026, 2, 10))
    assert [due for _title, due in tasks_of(item)] == [date(2026, 6, 30)]


def test_an_open_ended_item_runs_until_its_agreement_ends(tenant, cooperation_officer):
    _coop, mou = signed_cooperation(tenant, valid_until=date(2025, 8, 15))
    item = plan_item(
        mou,
        activity="Rapat komite bersama",
        target_quantity=None,
        unit="",
        start_date=date(2025, 1, 6),
        end_date=None,
        recurrence=PlanItem.Recurrence.QUARTERLY,
    )
    recorded_on(item, date(2025, 1, 6))
    generate_due_obligations(date(2026, 1, 1))
    assert [due for _title, due in tasks_of(item)] == [
        date(2025, 3, 31),
        date(2025, 6, 30),
        date(2025, 8, 15),
    ]


def test_an_event_obligation_also_puts_an_event_in_the_calendar(signed, cooperation_officer):
    _coop, mou = signed
    item = semester_report(
        mou,
        activity="Rapat komite bersama tahunan",
        recurrence=PlanItem.Recurrence.YEARLY,
        generates=PlanItem.Generates.EVENT,
    )
    generate_due_obligations(date(2025, 3, 1))
    obligation = Obligation.objects.get(item=item)
    assert obligation.event == Event.objects.get()
    assert (obligation.event.name, obligation.event.starts_on) == (
        "Rapat komite bersama tahunan (2025)",
        date(2025, 12, 31),
    )
    assert obligation.task.cooperation == item.cooperation


def test_the_task_goes_to_the_item_officer_else_the_owner_else_an_officer(
    tenant, cooperation_officer, agency_officer, tenant_admin
):
    _coop, mou = signed_cooperation(tenant, owner=tenant_admin)
    followed = semester_report(mou, assignee=agency_officer)
    owned = semester_report(mou, activity="Laporan tahunan")
    generate_due_obligations(date(2025, 3, 1))
    assert Obligation.objects.get(item=followed).task.assignee == agency_officer
    assert Obligation.objects.get(item=owned).task.assignee == tenant_admin
    _other, other_mou = signed_cooperation(tenant)
    nobody = semester_report(other_mou, activity="Tanpa pemilik")
    generate_due_obligations(date(2025, 3, 1))
    assert Obligation.objects.get(item=nobody).task.assignee == cooperation_officer


def test_a_tenant_with_nobody_to_assign_is_reported_and_leaves_no_row(signed):
    _coop, mou = signed
    semester_report(mou)
    outcome = generate_due_obligations(date(2025, 3, 1))
    assert outcome.obligations == [] and len(outcome.refused) == 1
    assert not Obligation.objects.exists()


def test_finished_items_and_ended_cooperations_get_no_more_tasks(signed, cooperation_officer):
    coop, mou = signed
    semester_report(mou, status=PlanItem.Status.DONE)
    semester_report(mou, activity="Dibatalkan", status=PlanItem.Status.CANCELLED)
    ended = semester_report(mou, activity="Berakhir")
    record_past_state(coop, Cooperation.State.TERMINATED, by=None, note="test setup")
    assert pending_obligations(date(2025, 8, 1)) == []
    assert not Obligation.objects.filter(item=ended).exists()


def test_an_overdue_obligation_puts_its_item_at_risk_until_done(signed, cooperation_officer):
    _coop, mou = signed
    item = semester_report(mou)
    generate_due_obligations(date(2025, 3, 1))
    assert item_progress(item, date(2025, 7, 2), 90).reasons == [
        "A recurring obligation due June 30, 2025 has not been done."
    ]
    complete_task(Obligation.objects.get(item=item).task, by=cooperation_officer)
    assert item_progress(item, date(2025, 7, 2), 90).reasons == []


def test_the_evaluation_of_the_last_ended_period_is_asked_for_once(signed, cooperation_officer):
    coop, mou = signed
    plan_item(mou)
    generate_due_obligations(date(2025, 7, 2))
    generate_due_obligations(date(2025, 7, 3))
    reminder = EvaluationReminder.objects.get()
    assert (reminder.cooperation, reminder.period_start) == (coop, date(2025, 1, 1))
    with translation.override(settings.LANGUAGE_CODE):  # stored text, in the official language
        expected = gettext("Evaluate the implementation of %(title)s for %(period)s") % {
            "title": coop.title,
            "period": "semester 1 2025",
        }
    assert reminder.task.title == expected
    assert reminder.task.due_date == date(2025, 7, 30)


def test_the_command_reports_and_a_dry_run_changes_nothing(signed, cooperation_officer):
    _coop, mou = signed
    semester_report(mou)
    out = StringIO()
    call_command("obligations", "--today", "2025-08-01", "--dry-run", stdout=out)
    assert "would create" in out.getvalue() and not Obligation.objects.exists()
    out = StringIO()
    call_command("obligations", "--today", "2025-08-01", stdout=out)
    assert "2 obligation tasks and 1 evaluation tasks created" in out.getvalue()
    assert Obligation.objects.count() == 2


def test_the_command_refuses_a_bad_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("obligations", "--today", "1 Agustus")


def test_generating_for_one_tenant_leaves_the_other_alone(
    tenant, other_tenant, cooperation_officer, outsider
):
    _coop, mou = signed_cooperation(tenant)
    _theirs, their_mou = signed_cooperation(other_tenant)
    mine = semester_report(mou)
    theirs = semester_report(their_mou)
    generate_due_obligations(date(2025, 3, 1), tenants=[tenant])
    assert Obligation.objects.filter(item=mine).exists()
    assert not Obligation.objects.filter(item=theirs).exists()
    generate_due_obligations(date(2025, 3, 1))
    task = Obligation.objects.get(item=theirs).task
    assert (task.tenant, task.assignee) == (other_tenant, outsider)


def test_each_generated_task_leaves_an_audit_row_on_its_cooperation(signed, cooperation_officer):
    coop, mou = signed
    item = semester_report(mou)
    generate_due_obligations(date(2025, 8, 1))
    tasks = Task.objects.filter(cooperation=coop)
    entries = AuditEntry.objects.filter(model_label="followups.task", action="create")
    assert sorted(entries.values_list("record", "parent", "tenant")) == sorted(
        (f"followups.task:{task.pk}", f"cooperations.cooperation:{coop.pk}", coop.tenant_id)
        for task in tasks
    )
    assert tasks.count() == 3  # two semester reports and the evaluation
    assert Obligation.objects.filter(item=item, task__in=tasks).count() == 2


def test_creating_many_periods_takes_as_many_queries_as_creating_a_few(
    tenant, other_tenant, cooperation_officer, outsider, django_assert_max_num_queries
):
    """The tasks of many items and tenants are written in batches, not one by one."""
    for world in (tenant, other_tenant):
        for number in range(3):
            _coop, mou = signed_cooperation(world)
            semester_report(mou, activity=f"Laporan {number}")
    found = find_due(date(2025, 8, 1))
    assert len(found.obligations) == 12 and len(found.evaluations) == 6
    with django_assert_max_num_queries(30):
        outcome = create_due(found)
    assert (len(outcome.obligations), len(outcome.evaluations), outcome.refused) == (12, 6, [])
    assert set(Task.objects.values_list("tenant", "assignee")) == {
        (tenant.pk, cooperation_officer.pk),
        (other_tenant.pk, outsider.pk),
    }
