"""A task overdue by more than the tenant's escalation_days is also reported to its leadership."""

from datetime import timedelta

from mitra.reminders.models import Reminder
from mitra.reminders.services import collect_reminders
from mitra.reminders.tests.helpers import TODAY, make_task
from mitra.tenancy.models import Membership
from tests.factories import make_user

K = Reminder.Kind


def escalated_to(task):
    rows = Reminder.objects.filter(
        kind=K.TASK_OVERDUE_ESCALATION, subject=f"followups.task:{task.pk}"
    )
    return set(rows.values_list("recipient_id", flat=True))


def test_an_overdue_task_is_not_escalated_within_the_tenants_days(tenant, officer, leadership):
    task = make_task(tenant, officer, -7)  # escalation_days is 7: "more than" 7
    collect_reminders(TODAY)
    assert escalated_to(task) == set()


def test_an_overdue_task_is_escalated_to_leadership_after_the_tenants_days(
    tenant, other_tenant, officer, leadership
):
    make_user(other_tenant, Membership.Role.LEADERSHIP)
    task = make_task(tenant, officer, -8)
    collect_reminders(TODAY)
    collect_reminders(TODAY + timedelta(days=1))
    assert escalated_to(task) == {leadership.pk}
    assert Reminder.objects.filter(kind=K.TASK_OVERDUE_ESCALATION).count() == 1


def test_the_escalation_threshold_is_a_tenant_setting(tenant, officer, leadership):
    tenant.escalation_days = 2
    tenant.save(update_fields=["escalation_days"])
    task = make_task(tenant, officer, -3)
    collect_reminders(TODAY)
    assert escalated_to(task) == {leadership.pk}
