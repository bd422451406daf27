"""Which reminders a day produces: windows over dates, never exact days or 'since the last run'."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mitra.cooperations.models import Cooperation, Document
from mitra.reminders.models import Reminder
from mitra.reminders.services import collect_reminders
from mitra.reminders.tests.helpers import TODAY, make_task, with_email
from mitra.reviews.models import ReviewRequest
from mitra.tenancy.models import Membership
from tests.factories import make_document, make_user

K = Reminder.Kind


def windows(kind, **filters):
    rows = Reminder.objects.filter(kind=kind, **filters).order_by("pk")
    return [(r.subject, r.window) for r in rows]


def test_a_task_due_in_three_days_is_reminded(tenant, officer):
    task = make_task(tenant, officer, 3)
    collect_reminders(TODAY)
    assert windows(K.TASK_DUE, recipient=officer) == [
        (f"followups.task:{task.pk}", f"due:{task.due_date.isoformat()}")
    ]


def test_a_task_due_in_ten_days_is_not_yet_reminded(tenant, officer):
    make_task(tenant, officer, 10)
    collect_reminders(TODAY)
    assert windows(K.TASK_DUE) == []


def test_the_tenant_chooses_how_far_ahead_tasks_are_reminded(tenant, officer):
    tenant.reminder_task_days = 14
    tenant.save(update_fields=["reminder_task_days"])
    make_task(tenant, officer, 10)
    collect_reminders(TODAY)
    assert len(windows(K.TASK_DUE)) == 1


def test_an_overdue_task_is_reminded_once_more_as_overdue(tenant, officer):
    task = make_task(tenant, officer, 3)
    collect_reminders(TODAY)
    collect_reminders(TODAY + timedelta(days=5))
    due = task.due_date.isoformat()
    assert [w for _s, w in windows(K.TASK_DUE)] == [f"due:{due}", f"overdue:{due}"]


def test_a_done_task_is_not_reminded(tenant, officer):
    make_task(tenant, officer, -1, status="done")
    collect_reminders(TODAY)
    assert windows(K.TASK_DUE) == []


def agreement(coop, ends_in_days=None, **fields):
    valid_until = TODAY + timedelta(days=ends_in_days) if ends_in_days is not None else None
    return make_document(
        coop, kind=Document.Kind.MOU, title="MoU Makassar–Busan", valid_until=valid_until, **fields
    )


@pytest.mark.parametrize(
    ("ends_in", "window"), [(100, "180"), (180, "180"), (90, "90"), (20, "30"), (0, "30")]
)
def test_a_document_is_reminded_in_the_smallest_window_it_has_reached(
    cooperation, officer, ends_in, window
):
    doc = agreement(cooperation, ends_in)
    collect_reminders(TODAY)
    assert windows(K.DOCUMENT_EXPIRING, recipient=officer) == [
        (f"cooperations.document:{doc.pk}", f"{window}:{doc.valid_until.isoformat()}")
    ]


def test_a_document_ending_in_200_days_is_not_yet_reminded(cooperation):
    agreement(cooperation, 200)
    collect_reminders(TODAY)
    assert windows(K.DOCUMENT_EXPIRING) == []


def test_a_document_valid_until_terminated_is_never_reminded(cooperation):
    agreement(cooperation, until_terminated=True)
    for days in (0, 30, 90, 180, 365):
        collect_reminders(TODAY + timedelta(days=days))
    assert windows(K.DOCUMENT_EXPIRING) == []


def test_each_window_reminds_once_as_the_end_comes_closer(cooperation):
    doc = agreement(cooperation, 200)
    for days in range(0, 201, 5):
        collect_reminders(TODAY + timedelta(days=days))
    end = doc.valid_until.isoformat()
    assert [w for _s, w in windows(K.DOCUMENT_EXPIRING)] == [f"180:{end}", f"90:{end}", f"30:{end}"]


def test_the_tenant_chooses_the_expiry_windows(tenant, cooperation):
    tenant.expiry_windows = "60,7"
    tenant.save(update_fields=["expiry_windows"])
    doc = agreement(cooperation, 100)
    collect_reminders(TODAY)
    assert windows(K.DOCUMENT_EXPIRING) == []
    collect_reminders(TODAY + timedelta(days=95))
    assert windows(K.DOCUMENT_EXPIRING)[0][1] == f"7:{doc.valid_until.isoformat()}"


def test_without_an_owner_the_cooperation_officers_are_reminded(tenant, cooperation, officer):
    other_officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER)
    make_user(tenant, Membership.Role.LEADERSHIP)
    cooperation.owner = None
    cooperation.save(update_fields=["owner"])
    agreement(cooperation, 20)
    collect_reminders(TODAY)
    recipients = set(
        Reminder.objects.filter(kind=K.DOCUMENT_EXPIRING).values_list("recipient", flat=True)
    )
    assert recipients == {officer.pk, other_officer.pk}


def test_a_renewal_in_progress_is_reminded_once_a_week(cooperation, officer):
    Cooperation.objects.filter(pk=cooperation.pk).update(
        state=Cooperation.State.RENEWAL_IN_PROGRESS
    )
    for days in range(14):
        collect_reminders(TODAY + timedelta(days=days))
    assert [w for _s, w in windows(K.RENEWAL_IN_PROGRESS)] == ["week:2026-W48", "week:2026-W49"]


def test_a_cooperation_without_a_next_step_needs_follow_up_weekly(cooperation, officer):
    collect_reminders(TODAY)
    collect_reminders(TODAY + timedelta(days=1))
    assert windows(K.NEEDS_FOLLOW_UP, recipient=officer) == [
        (f"cooperations.cooperation:{cooperation.pk}", "week:2026-W48")
    ]
    assert Reminder.objects.get(kind=K.NEEDS_FOLLOW_UP).params["reasons"]


def test_a_review_request_waiting_two_weeks_reminds_every_central_reviewer(
    tenant, cooperation, central_reviewer
):
    other_reviewer = make_user(None, Membership.Role.CENTRAL_REVIEWER)
    ReviewRequest.objects.create(
        cooperation=cooperation,
        tenant=tenant,
        kind=ReviewRequest.Kind.VERIFICATION,
        opened_at=timezone.now() - timedelta(days=30),
    )
    collect_reminders(timezone.localdate())
    rows = Reminder.objects.filter(kind=K.REVIEW_WAITING)
    assert {r.recipient_id for r in rows} == {central_reviewer.pk, other_reviewer.pk}
    assert all(r.tenant is None for r in rows)


def test_a_fresh_review_request_is_not_reminded(tenant, cooperation, central_reviewer):
    ReviewRequest.objects.create(
        cooperation=cooperation,
        tenant=tenant,
        kind=ReviewRequest.Kind.VERIFICATION,
        opened_at=timezone.now() - timedelta(days=3),
    )
    collect_reminders(timezone.localdate())
    assert not Reminder.objects.filter(kind=K.REVIEW_WAITING).exists()


def test_collecting_twice_creates_nothing_more(tenant, officer, cooperation):
    make_task(tenant, officer, 2)
    agreement(cooperation, 20)
    first = collect_reminders(TODAY)
    assert first > 0
    assert collect_reminders(TODAY) == 0


def test_a_user_never_gets_another_tenants_reminders(tenant, other_tenant, officer, outsider):
    with_email(outsider)
    make_task(other_tenant, outsider, 1, title="Busan's task")
    make_task(tenant, officer, 1, title="Makassar's task")
    collect_reminders(TODAY)
    mine = Reminder.objects.filter(recipient=officer)
    assert [r.params["task"] for r in mine.filter(kind=K.TASK_DUE)] == ["Makassar's task"]
    assert not mine.filter(tenant=other_tenant).exists()
    assert not Reminder.objects.filter(recipient=outsider, tenant=tenant).exists()


def test_whoever_becomes_responsible_in_the_week_is_told_that_week(tenant, cooperation, officer):
    Cooperation.objects.filter(pk=cooperation.pk).update(
        state=Cooperation.State.RENEWAL_IN_PROGRESS
    )
    collect_reminders(TODAY)
    successor = make_user(tenant, Membership.Role.COOPERATION_OFFICER)
    Cooperation.objects.filter(pk=cooperation.pk).update(owner=successor)
    collect_reminders(TODAY + timedelta(days=1))
    rows = Reminder.objects.filter(kind=K.RENEWAL_IN_PROGRESS).order_by("pk")
    assert [(r.recipient_id, r.window) for r in rows] == [
        (officer.pk, "week:2026-W48"),
        (successor.pk, "week:2026-W48"),
    ]


def test_a_leader_who_joins_in_the_week_hears_of_a_dormant_agreement_that_week(
    tenant, cooperation, officer
):
    Cooperation.objects.filter(pk=cooperation.pk).update(state=Cooperation.State.DORMANT)
    collect_reminders(TODAY)
    assert collect_reminders(TODAY + timedelta(days=1)) == 0
    leader = make_user(tenant, Membership.Role.LEADERSHIP)
    assert collect_reminders(TODAY + timedelta(days=2)) == 1
    told = Reminder.objects.get(kind=K.DORMANT_AGREEMENT, recipient=leader)
    assert told.window == "week:2026-W48"
    assert told.params["missing"]  # worded with what the plan of action still misses
