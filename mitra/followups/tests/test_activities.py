"""Logging activities with their commitments, last contact, and the tenant boundary."""

from datetime import date

import pytest
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation
from mitra.followups import services
from mitra.followups.models import Activity, Task
from mitra.followups.queries import last_contact, with_last_contact
from mitra.lib.refusal import Refused
from mitra.partners.models import Partner
from tests.factories import make_cooperation, make_partner

from .conftest import commitment

pytestmark = pytest.mark.django_db


def meeting(tenant, by, **overrides):
    fields = {"kind": Activity.Kind.MEETING, "date": date(2025, 3, 10), "title": "Rapat"}
    fields.update(overrides)
    return services.log_activity(tenant, by=by, **fields)


def test_logging_a_meeting_with_three_commitments_creates_three_tasks(tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    rows = [commitment(cooperation_officer, f"Task {n}") for n in range(3)]
    activity = meeting(tenant, cooperation_officer, cooperation=coop, commitments=rows)
    tasks = Task.objects.filter(activity=activity)
    assert tasks.count() == 3
    assert {t.cooperation for t in tasks} == {coop}
    assert AuditEntry.objects.filter(model_label="followups.task").count() == 3
    assert AuditEntry.objects.filter(model_label="followups.activity").count() == 1


def test_blank_commitment_rows_are_ignored(tenant, cooperation_officer):
    rows = [commitment(cooperation_officer), commitment(None, "  ", days=0)]
    meeting(tenant, cooperation_officer, cooperation=make_cooperation(tenant), commitments=rows)
    assert Task.objects.count() == 1


def test_a_cooperation_or_partner_of_another_tenant_is_refused(
    tenant, other_tenant, cooperation_officer
):
    with pytest.raises(Refused):
        meeting(tenant, cooperation_officer, cooperation=make_cooperation(other_tenant))
    with pytest.raises(Refused):
        meeting(tenant, cooperation_officer, partner=make_partner(other_tenant))
    assert not Activity.objects.exists()


def test_an_assignee_from_another_tenant_is_refused_and_nothing_is_written(
    tenant, cooperation_officer, outsider
):
    with pytest.raises(Refused):
        meeting(
            tenant,
            cooperation_officer,
            partner=make_partner(tenant),
            commitments=[commitment(outsider)],
        )
    assert not Activity.objects.exists()
    assert not Task.objects.exists()


def test_last_contact_is_the_latest_activity(tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    partner = coop.partners.get()
    assert last_contact(coop) is None
    meeting(tenant, cooperation_officer, cooperation=coop, date=date(2025, 1, 5))
    meeting(tenant, cooperation_officer, partner=partner, date=date(2025, 2, 7))
    assert last_contact(coop) == date(2025, 1, 5)
    assert last_contact(partner) == date(2025, 2, 7)
    assert with_last_contact(Cooperation.objects.filter(pk=coop.pk)).get().last_contact == date(
        2025, 1, 5
    )
    assert with_last_contact(Partner.objects.filter(pk=partner.pk)).get().last_contact == date(
        2025, 2, 7
    )


def form_data(coop, assignee, **overrides):
    data = {
        "kind": "meeting",
        "date": "2025-03-10",
        "title": "Rapat dengan konsulat",
        "cooperation": str(coop.pk),
        "tasks-TOTAL_FORMS": "3",
        "tasks-INITIAL_FORMS": "0",
        "tasks-MIN_NUM_FORMS": "0",
        "tasks-MAX_NUM_FORMS": "20",
    }
    for n in range(3):
        data[f"tasks-{n}-title"] = f"Tugas {n}"
        data[f"tasks-{n}-assignee"] = str(assignee.pk)
        data[f"tasks-{n}-due_date"] = "2025-03-20"
        data[f"tasks-{n}-priority"] = "2"
    data.update(overrides)
    return data


def test_the_form_logs_a_meeting_with_its_commitments(client_as, tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    data = form_data(coop, cooperation_officer, **{"tasks-2-title": ""})
    response = client_as(cooperation_officer).post(reverse("followups:log_activity"), data)
    assert response.status_code == 302
    assert Task.objects.filter(cooperation=coop).count() == 2


def test_the_form_answers_404_for_a_cooperation_of_another_tenant_in_the_choices(
    client_as, tenant, other_tenant, cooperation_officer
):
    theirs = make_cooperation(other_tenant)
    data = form_data(theirs, cooperation_officer)
    response = client_as(cooperation_officer).post(reverse("followups:log_activity"), data)
    assert response.status_code == 200  # not a valid choice: the form shows the error
    assert not Activity.objects.exists()


@pytest.mark.parametrize("role", ["leadership", "team_reviewer"])
def test_read_only_roles_cannot_log(client_as, request, role, tenant):
    user = request.getfixturevalue(role)
    assert client_as(user).get(reverse("followups:log_activity")).status_code == 403


def test_the_outsider_gets_404_on_an_activity(client_as, tenant, cooperation_officer, outsider):
    activity = meeting(tenant, cooperation_officer, cooperation=make_cooperation(tenant))
    client = client_as(outsider)
    assert client.get(reverse("followups:activity", args=[activity.pk])).status_code == 404
    assert client.get(reverse("followups:attachment", args=[activity.pk])).status_code == 404
    assert (
        client_as(cooperation_officer)
        .get(reverse("followups:activity", args=[activity.pk]))
        .status_code
        == 200
    )


def test_cooperation_and_partner_pages_show_last_contact(client_as, tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    meeting(tenant, cooperation_officer, cooperation=coop, partner=coop.partners.get())
    client = client_as(cooperation_officer)
    for url in (coop.get_absolute_url(), coop.partners.get().get_absolute_url()):
        page = client.get(url)
        assert page.status_code == 200
        assert b'id="follow-up"' in page.content
