"""Every link to a task opens a page that shows that task, for every role.

The overdue tasks on the dashboard linked to "Tugas saya", where the leader (and anyone but the
assignee) found nothing: the task is someone else's. A task link now lands on a page holding
the task's row, whoever follows it.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mitra.followups import services as followups
from mitra.followups.models import Task

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard:index")
ROLES = ["cooperation_officer", "agency_officer", "team_reviewer", "leadership", "tenant_admin"]


def overdue_task(tenant, assignee):
    today = timezone.localdate()
    return followups.create_task(
        tenant,
        by=assignee,
        title="Kirim notulen ke konsulat",
        assignee=assignee,
        due_date=today - timedelta(days=2),
        given_on=today - timedelta(days=10),
    )


def task_links(html: str, pk: int) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(rf'href="([^"]*#task-{pk})"', html)]


@pytest.mark.parametrize("role", ROLES)
def test_each_task_link_on_the_dashboard_opens_a_page_with_the_task(
    role, request, tenant, cooperation_officer, client_as
):
    task = overdue_task(tenant, cooperation_officer)
    client = client_as(request.getfixturevalue(role))
    links = task_links(client.get(DASHBOARD).content.decode(), task.pk)
    assert links, "the overdue task is linked from the dashboard"
    for link in links:
        page = client.get(link.partition("#")[0])
        assert page.status_code == 200, link
        assert f'id="task-{task.pk}"' in page.content.decode(), link


def test_the_outsider_sees_no_link_to_the_task(tenant, cooperation_officer, outsider, client_as):
    task = overdue_task(tenant, cooperation_officer)
    html = client_as(outsider).get(DASHBOARD).content.decode()
    assert task_links(html, task.pk) == []
    assert task.title not in html


def test_a_task_just_added_opens_at_its_own_row_whoever_it_is_for(
    tenant, cooperation_officer, agency_officer, client_as
):
    client = client_as(cooperation_officer)
    data = {
        "title": "Siapkan draf LoI",
        "assignee": agency_officer.pk,
        "due_date": (timezone.localdate() + timedelta(days=7)).isoformat(),
        "priority": Task.Priority.NORMAL,
    }
    response = client.post(reverse("followups:create_task"), data)
    task = Task.objects.get(title="Siapkan draf LoI")
    assert response.status_code == 302
    assert response["Location"] == task.get_office_url()
    page = client.get(response["Location"].partition("#")[0]).content.decode()
    assert f'id="task-{task.pk}"' in page
