"""A recorded activity can be corrected through the audited service, or voided with a reason."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from mitra.audit.models import AuditEntry
from mitra.followups.models import Activity
from mitra.followups.services import complete_task, create_task, log_activity, void_activity
from mitra.lib.refusal import Refused
from tests.factories import make_cooperation

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(tenant, cooperation_officer):
    coop = make_cooperation(tenant, title="Sister city Makassar–Incheon")
    return log_activity(
        tenant,
        by=cooperation_officer,
        kind="meeting",
        date=date(2025, 3, 10),
        title="Rapat koordinasi",
        cooperation=coop,
    )


def _form(activity, **changes):
    data = {
        "kind": activity.kind,
        "date": activity.date.isoformat(),
        "title": activity.title,
        "cooperation": str(activity.cooperation_id),
    }
    return data | changes


def test_an_activity_is_corrected_and_the_history_shows_before_and_after(
    meeting, cooperation_officer, client_as
):
    url = reverse("followups:edit_activity", args=[meeting.pk])
    client = client_as(cooperation_officer)
    assert client.get(url).status_code == 200
    response = client.post(url, _form(meeting, date="2025-03-12", notes="Notulen menyusul."))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.date, meeting.notes) == (date(2025, 3, 12), "Notulen menyusul.")
    entry = AuditEntry.objects.get(record=f"followups.activity:{meeting.pk}", action="update")
    assert entry.changes["date"] == ["2025-03-10", "2025-03-12"]
    assert (
        "Notulen menyusul."
        in client.get(reverse("followups:activity", args=[meeting.pk])).content.decode()
    )


def test_a_voided_activity_leaves_the_lists_but_its_page_keeps_it_with_the_reason(
    meeting, cooperation_officer, client_as
):
    client = client_as(cooperation_officer)
    url = reverse("followups:void_activity", args=[meeting.pk])
    assert client.post(url, {"reason": ""}).status_code == 200
    assert client.post(url, {"reason": "Dicatat dua kali."}).status_code == 302
    assert not Activity.objects.filter(pk=meeting.pk).exists()
    assert Activity.with_voided.get(pk=meeting.pk).void_reason == "Dicatat dua kali."
    page = client.get(reverse("followups:activity", args=[meeting.pk])).content.decode()
    assert "Dicatat dua kali." in page and "dibatalkan" in page
    coop_page = client.get(meeting.cooperation.get_absolute_url()).content.decode()
    assert "Rapat koordinasi" not in coop_page.split('id="history"')[0]
    api = client.get("/api/v1/activities").json()["items"]
    assert meeting.pk not in [item["id"] for item in api]
    with pytest.raises(Refused):
        void_activity(meeting, by=cooperation_officer, reason="Lagi.")


def test_voiding_an_activity_names_its_commitments_that_stay_open(
    meeting, cooperation_officer, client_as
):
    open_task = create_task(
        meeting.tenant,
        by=cooperation_officer,
        title="Kirim notulen ke konsulat",
        assignee=cooperation_officer,
        due_date=date(2025, 3, 20),
        cooperation=meeting.cooperation,
        activity=meeting,
    )
    done = create_task(
        meeting.tenant,
        by=cooperation_officer,
        title="Pesan ruang rapat",
        assignee=cooperation_officer,
        due_date=date(2025, 3, 10),
        cooperation=meeting.cooperation,
        activity=meeting,
    )
    complete_task(done, by=cooperation_officer)
    url = reverse("followups:void_activity", args=[meeting.pk])
    page = client_as(cooperation_officer).get(url).content.decode()
    assert gettext("Its commitments stay open:") in page
    assert open_task.title in page and done.title not in page


@pytest.mark.parametrize("name", ["followups:edit_activity", "followups:void_activity"])
def test_an_outsider_gets_404_and_a_reader_403(name, meeting, outsider, leadership, client_as):
    url = reverse(name, args=[meeting.pk])
    assert client_as(outsider).get(url).status_code == 404
    assert client_as(outsider).post(url, {"reason": "Bukan milik Anda."}).status_code == 404
    assert client_as(leadership).get(url).status_code == 403
    assert Activity.objects.filter(pk=meeting.pk).exists()
