"""The notifications page: one's own reminders, unread first, marked read with a POST."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from mitra.reminders.models import Reminder
from mitra.reminders.tests.helpers import make_task


def reminder_for(user, tenant, title="Kirim surat", **fields):
    task = make_task(tenant, user, 1, title=title)
    return Reminder.objects.create(
        tenant=tenant,
        recipient=user,
        kind=Reminder.Kind.TASK_DUE,
        subject=f"followups.task:{task.pk}",
        window=f"due:{task.due_date.isoformat()}",
        params={"task": title, "due_date": task.due_date.isoformat(), "cooperation": ""},
        url=task.get_absolute_url(),
        due_at=timezone.now() - timedelta(days=1),
        **fields,
    )


def test_the_page_lists_unread_reminders_first(client_as, tenant, officer):
    reminder_for(officer, tenant, "Sudah dibaca", read_at=timezone.now())
    reminder_for(officer, tenant, "Belum dibaca")
    page = client_as(officer).get(reverse("reminders:list")).content.decode()
    assert page.index("Belum dibaca") < page.index("Sudah dibaca")


def test_the_top_bar_shows_the_unread_count(client_as, tenant, officer):
    reminder_for(officer, tenant, "One")
    reminder_for(officer, tenant, "Two")
    response = client_as(officer).get(reverse("reminders:list"))
    assert response.context["unread_reminders"] == 2


def test_marking_read_with_htmx_returns_the_row(client_as, tenant, officer):
    reminder = reminder_for(officer, tenant)
    response = client_as(officer).post(
        reverse("reminders:mark_read", args=[reminder.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert f'id="reminder-{reminder.pk}"' in response.content.decode()
    reminder.refresh_from_db()
    assert reminder.read_at is not None


def test_marking_read_needs_a_post(client_as, tenant, officer):
    reminder = reminder_for(officer, tenant)
    assert (
        client_as(officer).get(reverse("reminders:mark_read", args=[reminder.pk])).status_code
        == 405
    )


def test_mark_all_read(client_as, tenant, officer):
    reminder_for(officer, tenant, "One")
    reminder_for(officer, tenant, "Two")
    client_as(officer).post(reverse("reminders:mark_all_read"))
    assert not Reminder.objects.filter(recipient=officer, read_at=None).exists()


def test_outsider_gets_404_for_someone_elses_reminder(client_as, tenant, officer, outsider):
    reminder = reminder_for(officer, tenant)
    response = client_as(outsider).post(reverse("reminders:mark_read", args=[reminder.pk]))
    assert response.status_code == 404
    reminder.refresh_from_db()
    assert reminder.read_at is None


def test_a_colleague_gets_404_too(client_as, tenant, officer, leadership):
    reminder = reminder_for(officer, tenant)
    response = client_as(leadership).post(reverse("reminders:mark_read", args=[reminder.pk]))
    assert response.status_code == 404


def test_the_page_shows_none_of_another_persons_reminders(client_as, tenant, officer, outsider):
    reminder_for(officer, tenant, "Rahasia Makassar")
    response = client_as(outsider).get(reverse("reminders:list"))
    assert "Rahasia Makassar" not in response.content.decode()
    assert list(response.context["reminders"]) == []


def test_mark_all_read_leaves_others_reminders_alone(client_as, tenant, officer, outsider):
    reminder = reminder_for(officer, tenant)
    client_as(outsider).post(reverse("reminders:mark_all_read"))
    reminder.refresh_from_db()
    assert reminder.read_at is None


def test_the_unread_count_costs_one_query(rf, tenant, officer, django_assert_num_queries):
    from mitra.reminders.context_processors import notifications

    request = rf.get("/")
    request.user = officer
    request.tenant = tenant
    with django_assert_num_queries(1):
        assert notifications(request) == {"unread_reminders": 0}


def test_no_query_for_anonymous_visitors(db, rf, django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    from mitra.reminders.context_processors import notifications

    request = rf.get("/")
    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        assert notifications(request) == {}
