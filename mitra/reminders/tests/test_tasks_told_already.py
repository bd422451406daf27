"""The daily run leaves out in SQL the tasks whose reminders of today's windows all exist, and
reads again only a task with someone still to tell (the national steady state: a hundred thousand
open tasks, nearly all told already)."""

from datetime import timedelta

from mitra.followups.models import Task
from mitra.reminders.due import not_yet_reminded
from mitra.reminders.models import Reminder
from mitra.reminders.services import collect_reminders
from mitra.reminders.tests.helpers import TODAY, make_task
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_user

K = Reminder.Kind


def still_to_tell(today=TODAY):
    tenants = list(Tenant.objects.order_by("pk"))
    return list(not_yet_reminded(Task.objects.order_by("pk"), tenants, today))


def test_a_task_due_soon_is_left_out_once_its_assignee_is_told(tenant, officer):
    task = make_task(tenant, officer, 3)
    assert still_to_tell() == [task]
    collect_reminders(TODAY)
    assert still_to_tell() == []


def test_a_task_is_read_again_when_it_becomes_overdue(tenant, officer):
    task = make_task(tenant, officer, 0)
    collect_reminders(TODAY)
    assert still_to_tell() == []
    assert still_to_tell(TODAY + timedelta(days=1)) == [task]
    assert collect_reminders(TODAY + timedelta(days=1)) == 1


def test_an_escalated_task_is_left_out_once_its_leaders_are_told(tenant, officer, leadership):
    make_task(tenant, officer, -8)
    assert collect_reminders(TODAY) == 2
    assert still_to_tell() == []
    assert collect_reminders(TODAY) == 0


def test_a_new_leader_brings_the_escalated_task_back_for_that_leader_only(
    tenant, officer, leadership
):
    task = make_task(tenant, officer, -8)
    collect_reminders(TODAY)
    newcomer = make_user(tenant, Membership.Role.LEADERSHIP)
    assert still_to_tell() == [task]
    assert collect_reminders(TODAY) == 1
    assert Reminder.objects.filter(recipient=newcomer, kind=K.TASK_OVERDUE_ESCALATION).count() == 1


def test_a_leader_of_another_tenant_does_not_bring_the_task_back(
    tenant, other_tenant, officer, leadership
):
    make_task(tenant, officer, -8)
    collect_reminders(TODAY)
    make_user(other_tenant, Membership.Role.LEADERSHIP)
    assert still_to_tell() == []


def test_a_task_whose_assignee_left_the_tenant_is_left_out_unless_leaders_are_due(
    tenant, officer, leadership
):
    soon, late = make_task(tenant, officer, 3), make_task(tenant, officer, -8)
    Membership.objects.filter(user=officer).delete()
    assert still_to_tell() == [late]
    collect_reminders(TODAY)
    assert still_to_tell() == []
    assert not Reminder.objects.filter(subject=f"followups.task:{soon.pk}").exists()


def test_the_escalation_days_of_each_tenant_decide_in_sql_too(
    tenant, other_tenant, officer, leadership, outsider
):
    other_tenant.escalation_days = 2
    other_tenant.save(update_fields=["escalation_days"])
    make_user(other_tenant, Membership.Role.LEADERSHIP)
    make_task(tenant, officer, -4)
    there = make_task(other_tenant, outsider, -4)
    collect_reminders(TODAY)
    escalated = Reminder.objects.filter(kind=K.TASK_OVERDUE_ESCALATION)
    assert list(escalated.values_list("subject", flat=True)) == [f"followups.task:{there.pk}"]
    assert still_to_tell() == []
