"""A task given to someone is told to them at once, by the service that gives it (issue 14).

Assigning a task used to notify nobody until the nightly run. `create_task` and
`reassign_task` are the only writers of a task's assignee (the scan below fails on any other);
every way into them is walked here: the task form, the API, an activity's commitments, a
hand-over, the recurring obligations, the evaluation cycle and an evaluation's renewal decision.
"""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mitra.api.services import create_token
from mitra.api.tests.conftest import API
from mitra.followups import services as followups
from mitra.followups.models import Activity, Task
from mitra.implementation import recurring
from mitra.implementation import services as implementation
from mitra.implementation.models import Evaluation, PlanItem
from mitra.implementation.periods import Period
from mitra.implementation.tests.conftest import plan_item, recorded_on, signed_cooperation
from mitra.lib.refusal import Refused
from mitra.reminders.models import Reminder
from mitra.reminders.services import collect_reminders, send_digests
from mitra.reminders.tests.helpers import with_email
from mitra.tenancy.models import Membership
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
K = Reminder.Kind
SOON = timezone.localdate() + timedelta(days=20)


@pytest.fixture
def colleague(tenant):
    return with_email(make_user(tenant, Membership.Role.COOPERATION_OFFICER, "rina"))


def told(user, task=None):
    rows = Reminder.objects.filter(recipient=user, kind=K.TASK_ASSIGNED)
    if task is not None:
        rows = rows.filter(subject=f"followups.task:{task.pk}")
    return list(rows)


# --- Every way a task is given ------------------------------------------------------------------


def by_the_task_form(client_as, officer, colleague, cooperation):
    data = {
        "title": "Kirim draf MoU",
        "assignee": colleague.pk,
        "due_date": SOON.isoformat(),
        "priority": Task.Priority.NORMAL,
        "cooperation": cooperation.pk,
    }
    response = client_as(officer).post(reverse("followups:create_task"), data)
    assert response.status_code == 302, response.content
    return Task.objects.get(title="Kirim draf MoU")


def by_the_api(client_as, officer, colleague, cooperation):
    membership = Membership.objects.get(user=officer)
    _token, raw = create_token(officer, name="t", membership=membership, by=officer)
    body = {"title": "Kirim draf MoU", "assignee": colleague.pk, "due_date": SOON.isoformat()}
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    response = client.post(f"{API}/tasks", body, content_type="application/json")
    assert response.status_code == 201, response.content
    return Task.objects.get(pk=response.json()["id"])


def by_an_activitys_commitment(client_as, officer, colleague, cooperation):
    activity = followups.log_activity(
        cooperation.tenant,
        by=officer,
        kind=Activity.Kind.MEETING,
        date=timezone.localdate(),
        title="Rapat dengan Busan",
        cooperation=cooperation,
        commitments=[followups.Commitment("Kirim notulen", colleague, SOON)],
    )
    return activity.tasks.get()


def by_a_hand_over(client_as, officer, colleague, cooperation):
    task = followups.create_task(
        cooperation.tenant,
        by=officer,
        title="Kirim draf MoU",
        assignee=officer,
        due_date=SOON,
        cooperation=cooperation,
    )
    response = client_as(officer).post(
        reverse("followups:reassign_task", args=[task.pk]), {"assignee": colleague.pk}
    )
    assert response.status_code == 302
    return task


def by_a_recurring_obligation(client_as, officer, colleague, cooperation):
    _coop, mou = signed_cooperation(cooperation.tenant, title="Little Bandung")
    item = plan_item(
        mou,
        recurrence=PlanItem.Recurrence.QUARTERLY,
        generates=PlanItem.Generates.TASK,
        assignee=colleague,
        start_date=date(2025, 1, 1),
        end_date=date(2025, 12, 31),
    )
    recorded_on(item, date(2025, 1, 1))
    recurring.generate_due_obligations(date(2025, 4, 1), tenants=[cooperation.tenant])
    return Task.objects.filter(assignee=colleague).latest("pk")


def by_the_evaluation_cycle(client_as, officer, colleague, cooperation):
    coop, _mou = signed_cooperation(cooperation.tenant, title="Little Bandung", owner=colleague)
    period = Period(date(2025, 1, 1), date(2025, 6, 30))
    due = recurring.DueEvaluation(coop, period, date(2025, 7, 30))
    reminder = recurring.create_evaluation_reminder(due)
    assert reminder is not None and reminder.task is not None
    return reminder.task


def by_an_evaluations_renewal_decision(client_as, officer, colleague, cooperation):
    coop, mou = signed_cooperation(cooperation.tenant, title="Little Bandung", owner=colleague)
    plan_item(mou, start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    # Recorded by nobody in particular (by the officer, the decision would be the officer's own).
    evaluation = implementation.record_evaluation(
        coop,
        by=None,
        agreement=mou,
        with_pdf=False,
        today=date(2025, 7, 15),
        period_start=date(2025, 1, 1),
        period_end=date(2025, 6, 30),
        date=date(2025, 7, 10),
        outputs_achieved="Gerai dibuka",
        partner_responsiveness=4,
        recommendation=Evaluation.Recommendation.RENEW,
    )
    assert evaluation.decision_task is not None
    return evaluation.decision_task


WAYS = [
    by_the_task_form,
    by_the_api,
    by_an_activitys_commitment,
    by_a_hand_over,
    by_a_recurring_obligation,
    by_the_evaluation_cycle,
    by_an_evaluations_renewal_decision,
]


@pytest.mark.parametrize("give", WAYS, ids=lambda way: way.__name__)
def test_the_assignee_is_told_at_once_whichever_way_the_task_is_given(
    give, client_as, officer, colleague, cooperation
):
    task = give(client_as, officer, colleague, cooperation)

    [notice] = told(colleague, task)
    assert notice.read_at is None and notice.due_at <= timezone.now()
    assert task.title in notice.title
    assert notice.url == task.get_absolute_url()


@pytest.mark.parametrize("give", WAYS, ids=lambda way: way.__name__)
def test_the_nightly_run_does_not_tell_the_same_assignment_again(
    give, client_as, officer, colleague, cooperation
):
    task = give(client_as, officer, colleague, cooperation)
    for day in range(3):
        collect_reminders(timezone.localdate() + timedelta(days=day))
    assert len(told(colleague, task)) == 1


# --- What is told, and to whom ------------------------------------------------------------------


def test_the_notice_says_who_gave_which_task_by_when_and_for_which_cooperation(
    officer, colleague, cooperation
):
    officer.first_name, officer.last_name = "Andi", "Makassar"
    officer.save(update_fields=["first_name", "last_name"])
    task = followups.create_task(
        cooperation.tenant,
        by=officer,
        title="Kirim draf MoU",
        assignee=colleague,
        due_date=date(2026, 12, 4),
        cooperation=cooperation,
        given_on=date(2026, 11, 20),
    )
    [notice] = told(colleague, task)
    assert (
        notice.title
        == "Andi Makassar memberi Anda tugas “Kirim draf MoU”, tenggat 4 Desember 2026."
    )
    assert notice.cooperation == "Sister city Makassar–Busan"


def test_a_task_one_gives_oneself_is_not_told(officer, cooperation):
    task = followups.create_task(
        cooperation.tenant, by=officer, title="Catatan", assignee=officer, due_date=SOON
    )
    assert told(officer, task) == []


def test_handing_a_task_back_tells_each_new_assignee_each_time(officer, colleague, cooperation):
    task = followups.create_task(
        cooperation.tenant, by=officer, title="Kirim", assignee=colleague, due_date=SOON
    )
    followups.reassign_task(task, by=colleague, assignee=officer)
    followups.reassign_task(task, by=officer, assignee=colleague)
    followups.reassign_task(task, by=officer, assignee=colleague)  # no change: nothing to tell
    assert len(told(colleague, task)) == 2
    assert len(told(officer, task)) == 1


def test_the_assignment_reaches_the_assignee_by_e_mail_with_the_next_digest(
    officer, colleague, cooperation, on_commit
):
    followups.create_task(
        cooperation.tenant, by=officer, title="Kirim draf MoU", assignee=colleague, due_date=SOON
    )
    with on_commit():
        outcome = send_digests(timezone.now())
    assert outcome.emails == 1
    [message] = mail.outbox
    assert message.to == [colleague.email]
    assert "Kirim draf MoU" in message.body


def test_a_refused_task_tells_nobody(officer, outsider, cooperation):
    with pytest.raises(Refused):
        followups.create_task(
            cooperation.tenant, by=officer, title="Kirim", assignee=outsider, due_date=SOON
        )
    assert not Reminder.objects.filter(kind=K.TASK_ASSIGNED).exists()


def test_the_outsider_does_not_see_the_notice(client_as, officer, colleague, outsider, cooperation):
    followups.create_task(
        cooperation.tenant, by=officer, title="Kirim draf MoU", assignee=colleague, due_date=SOON
    )
    assert "Kirim draf MoU" in client_as(colleague).get(reverse("reminders:list")).content.decode()
    page = client_as(outsider).get(reverse("reminders:list")).content.decode()
    assert "Kirim draf MoU" not in page
    notice = Reminder.objects.get(kind=K.TASK_ASSIGNED)
    response = client_as(outsider).post(reverse("reminders:mark_read", args=[notice.pk]))
    assert response.status_code == 404


# --- Only the two services give a task ----------------------------------------------------------

WRITES_AN_ASSIGNEE = re.compile(r"Task\.objects\.(create|bulk_create|update)\(|\.assignee\s*=[^=]")
SERVICES = "mitra/followups/services.py"


def test_only_the_followup_services_write_a_tasks_assignee():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(ROOT.glob("mitra/**/*.py"))
        if "tests" not in path.parts and "migrations" not in path.parts
        if str(path.relative_to(ROOT)) != SERVICES
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if WRITES_AN_ASSIGNEE.search(line)
    ]
    assert found == [], "give tasks through followups.services.create_task or reassign_task"


@pytest.mark.parametrize(
    "line", ["Task.objects.create(tenant=t, assignee=u)", "task.assignee = user", "x.assignee=u"]
)
def test_the_scan_finds_an_assignee_written_elsewhere(line):
    assert WRITES_AN_ASSIGNEE.search(line)
