"""Partners, activities, tasks and events through the API, checked in the database."""

from datetime import date, timedelta

from django.utils import timezone

from mitra.api.tests.conftest import API
from mitra.audit.models import AuditEntry
from mitra.events.models import Event
from mitra.followups import services as followup_services
from mitra.followups.models import Activity, Task
from mitra.partners.models import Partner
from tests.factories import make_cooperation, make_partner

GIVEN = date(2025, 6, 2)  # the day the tasks set up below were given


def _send(client, method, url, data):
    return getattr(client, method)(API + url, data, content_type="application/json")


def test_a_partner_is_created_with_aliases_and_updated(api_as, cooperation_officer, tenant):
    client = api_as(cooperation_officer)
    data = {
        "kind": "foreign_city_or_region",
        "name": "Kaohsiung",
        "country": "TW",
        "aliases": ["Kaoshiung"],
    }
    response = _send(client, "post", "/partners", data)
    assert response.status_code == 201, response.content
    partner = Partner.objects.get(pk=response.json()["id"])
    assert (partner.tenant, partner.country_id) == (tenant, "TW")
    assert list(partner.aliases.values_list("alias", flat=True)) == ["Kaoshiung"]
    response = _send(client, "patch", f"/partners/{partner.pk}", {"website": "https://kcg.gov.tw"})
    assert response.status_code == 200, response.content
    assert response.json()["aliases"] == ["Kaoshiung"]
    partner.refresh_from_db()
    assert partner.website == "https://kcg.gov.tw"
    assert AuditEntry.objects.filter(record=f"partners.partner:{partner.pk}").count() == 2


def test_a_foreign_partner_without_a_country_is_refused(api_as, cooperation_officer):
    response = _send(
        api_as(cooperation_officer),
        "post",
        "/partners",
        {"kind": "foreign_company", "name": "ENGIE INEO"},
    )
    # A rule about one input is answered at that input, as the form's own checks (422).
    assert response.status_code == 422
    assert [error["loc"][-1] for error in response.json()["detail"]] == ["country"]
    assert not Partner.objects.exists()


def test_a_duplicate_partner_name_is_refused(api_as, cooperation_officer, tenant):
    make_partner(tenant, name="Incheon")
    response = _send(
        api_as(cooperation_officer),
        "post",
        "/partners",
        {"kind": "foreign_city_or_region", "name": "incheon", "country": "KR"},
    )
    assert response.status_code == 409
    assert Partner.objects.count() == 1


def test_an_activity_is_logged_with_its_staff(api_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant)
    data = {
        "kind": "meeting",
        "date": "2025-03-04",
        "title": "Kick-off",
        "cooperation": coop.pk,
        "staff": [cooperation_officer.pk],
    }
    response = _send(api_as(cooperation_officer), "post", "/activities", data)
    assert response.status_code == 201, response.content
    activity = Activity.objects.get(pk=response.json()["id"])
    assert (activity.tenant, activity.cooperation, activity.recorded_by) == (
        tenant,
        coop,
        cooperation_officer,
    )
    assert list(activity.staff.all()) == [cooperation_officer]
    assert response.json()["staff"] == [cooperation_officer.pk]


def test_an_activity_needs_a_cooperation_or_a_partner(api_as, cooperation_officer):
    data = {"kind": "call", "date": "2025-03-04", "title": "Call"}
    response = _send(api_as(cooperation_officer), "post", "/activities", data)
    assert response.status_code == 422
    assert not Activity.objects.exists()


def test_the_activity_list_filters_by_date(api_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant)
    for day in (date(2025, 1, 5), date(2025, 6, 5)):
        followup_services.log_activity(
            tenant, by=None, kind="call", date=day, title="x", cooperation=coop
        )
    body = api_as(cooperation_officer).get(f"{API}/activities?date_from=2025-03-01").json()
    assert [item["date"] for item in body["items"]] == ["2025-06-05"]


def test_a_task_is_created_completed_and_cannot_be_completed_twice(
    api_as, cooperation_officer, tenant
):
    client = api_as(cooperation_officer)
    data = {
        "title": "Send the draft MoU",
        "assignee": cooperation_officer.pk,
        "due_date": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "priority": 3,
    }
    response = _send(client, "post", "/tasks", data)
    assert response.status_code == 201, response.content
    task = Task.objects.get(pk=response.json()["id"])
    assert (task.tenant, task.priority, task.created_by) == (tenant, 3, cooperation_officer)
    response = _send(client, "post", f"/tasks/{task.pk}/complete", {"note": "Sent"})
    assert response.status_code == 200
    task.refresh_from_db()
    assert (task.status, task.completion_note) == ("done", "Sent")
    response = _send(client, "post", f"/tasks/{task.pk}/complete", {})
    assert response.status_code == 409


def test_a_task_for_someone_of_another_tenant_is_refused(api_as, cooperation_officer, outsider):
    data = {"title": "x", "assignee": outsider.pk, "due_date": "2025-07-01"}
    response = _send(api_as(cooperation_officer), "post", "/tasks", data)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "assignee"]
    assert not Task.objects.exists()


def test_leadership_completes_its_own_task_but_cannot_cancel_others(
    api_as, leadership, cooperation_officer, tenant
):
    own = followup_services.create_task(
        tenant,
        by=None,
        title="Sign",
        assignee=leadership,
        due_date=date(2025, 7, 1),
        given_on=GIVEN,
    )
    other = followup_services.create_task(
        tenant,
        by=None,
        title="Draft",
        assignee=cooperation_officer,
        due_date=date(2025, 7, 1),
        given_on=GIVEN,
    )
    client = api_as(leadership)
    assert _send(client, "post", f"/tasks/{own.pk}/complete", {}).status_code == 200
    assert _send(client, "post", f"/tasks/{other.pk}/cancel", {}).status_code == 403
    other.refresh_from_db()
    assert other.status == "open"


def test_the_task_list_shows_ones_own_with_mine(
    api_as, cooperation_officer, agency_officer, tenant
):
    mine = followup_services.create_task(
        tenant,
        by=None,
        title="A",
        assignee=cooperation_officer,
        due_date=date(2025, 7, 1),
        given_on=GIVEN,
    )
    followup_services.create_task(
        tenant,
        by=None,
        title="B",
        assignee=agency_officer,
        due_date=date(2025, 7, 1),
        given_on=GIVEN,
    )
    body = api_as(cooperation_officer).get(f"{API}/tasks?mine=true").json()
    assert [item["id"] for item in body["items"]] == [mine.pk]


def test_an_event_is_created_and_moved(api_as, cooperation_officer, tenant):
    client = api_as(cooperation_officer)
    data = {
        "name": "F8 Makassar",
        "place": "Pantai Losari",
        "starts_on": "2025-09-10",
        "ends_on": "2025-09-14",
    }
    response = _send(client, "post", "/events", data)
    assert response.status_code == 201, response.content
    event = Event.objects.get(pk=response.json()["id"])
    assert (event.tenant, event.place) == (tenant, "Pantai Losari")
    response = _send(client, "patch", f"/events/{event.pk}", {"starts_on": "2025-09-11"})
    assert response.status_code == 200
    event.refresh_from_db()
    assert (event.starts_on, event.ends_on) == (date(2025, 9, 11), date(2025, 9, 14))


def test_an_event_cannot_end_before_it_starts(api_as, cooperation_officer):
    data = {"name": "F8", "starts_on": "2025-09-10", "ends_on": "2025-09-01"}
    response = _send(api_as(cooperation_officer), "post", "/events", data)
    assert response.status_code == 422
    assert not Event.objects.exists()
