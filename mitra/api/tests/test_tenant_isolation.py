"""Every endpoint answers another government's records with 404, and lists never show them."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mitra.api.tests.conftest import API
from mitra.cooperations.models import Cooperation, Document
from mitra.events import services as event_services
from mitra.followups import services as followup_services
from mitra.partners.models import Partner
from tests.factories import make_cooperation, make_document, make_partner


def _records(tenant, person):
    coop = make_cooperation(tenant)
    document = make_document(coop)
    activity = followup_services.log_activity(
        tenant, by=None, kind="meeting", date=date(2025, 3, 1), title="Visit", cooperation=coop
    )
    task = followup_services.create_task(
        tenant,
        by=None,
        title="Send draft",
        assignee=person,
        due_date=date(2025, 4, 1),
        given_on=date(2025, 3, 1),
    )
    event = event_services.create_event(tenant, by=None, name="F8", starts_on=date(2025, 9, 1))
    return {
        "coop": coop.pk,
        "partner": coop.partners.get().pk,
        "document": document.pk,
        "activity": activity.pk,
        "task": task.pk,
        "event": event.pk,
    }


@pytest.fixture
def theirs(other_tenant, outsider):
    return _records(other_tenant, outsider)


@pytest.fixture
def ours(tenant, cooperation_officer):
    return _records(tenant, cooperation_officer)


READS = [
    "/partners/{partner}",
    "/cooperations/{coop}",
    "/cooperations/{coop}/transitions",
    "/cooperations/{coop}/history",
    "/cooperations/{coop}/documents",
    "/documents/{document}",
    "/documents/{document}/file",
    "/activities/{activity}",
    "/tasks/{task}",
    "/events/{event}",
]
WRITES = [
    ("patch", "/partners/{partner}", {"notes": "x"}),
    ("patch", "/cooperations/{coop}", {"title": "x"}),
    ("post", "/cooperations/{coop}/transitions", {"action": "start_exploration"}),
    ("post", "/cooperations/{coop}/documents", {"kind": "mou", "title": "x"}),
    ("post", "/tasks/{task}/complete", {}),
    ("post", "/tasks/{task}/cancel", {}),
    ("post", "/tasks/{task}/reassign", {"assignee": 1}),
    ("patch", "/events/{event}", {"name": "x"}),
]
LISTS = ["/partners", "/cooperations", "/activities", "/tasks", "/events"]


@pytest.mark.parametrize("url", READS)
def test_reading_another_tenants_record_is_404(api_as, cooperation_officer, theirs, url):
    response = api_as(cooperation_officer).get(API + url.format(**theirs))
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.parametrize("url", [url for url in READS if not url.endswith("/file")])
def test_reading_ones_own_record_works(api_as, cooperation_officer, ours, url):
    # (A download needs a file: test_documents downloads a real one.)
    response = api_as(cooperation_officer).get(API + url.format(**ours))
    assert response.status_code == 200


@pytest.mark.parametrize(("method", "url", "data"), WRITES)
def test_writing_to_another_tenants_record_is_404_and_changes_nothing(
    api_as, cooperation_officer, theirs, method, url, data
):
    before = [
        list(model.objects.values_list("pk", "updated_at"))
        for model in (Cooperation, Partner, Document)
    ]
    client = api_as(cooperation_officer)
    response = getattr(client, method)(
        API + url.format(**theirs), data, content_type="application/json"
    )
    assert response.status_code == 404
    after = [
        list(model.objects.values_list("pk", "updated_at"))
        for model in (Cooperation, Partner, Document)
    ]
    assert after == before


def test_uploading_to_another_tenants_document_is_404(api_as, cooperation_officer, theirs):
    response = api_as(cooperation_officer).post(
        f"{API}/documents/{theirs['document']}/file",
        {"file": SimpleUploadedFile("loi.pdf", b"%PDF-1.4\n", content_type="application/pdf")},
    )
    assert response.status_code == 404
    assert not Document.objects.get(pk=theirs["document"]).file


@pytest.mark.parametrize("url", LISTS)
def test_lists_show_only_ones_own_records(api_as, cooperation_officer, ours, theirs, url):
    body = api_as(cooperation_officer).get(API + url).json()
    kind = {
        "/partners": "partner",
        "/cooperations": "coop",
        "/activities": "activity",
        "/tasks": "task",
        "/events": "event",
    }[url]
    assert [item["id"] for item in body["items"]] == [ours[kind]]
    assert body["count"] == 1


def test_another_tenants_partner_cannot_be_linked_to_an_activity(
    api_as, cooperation_officer, theirs, ours
):
    data = {"kind": "meeting", "date": "2025-05-01", "title": "x", "partner": theirs["partner"]}
    response = api_as(cooperation_officer).post(
        f"{API}/activities", data, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "partner"]


def test_a_member_of_no_tenant_is_refused_with_403(api_as, central_reviewer):
    response = api_as(central_reviewer).get(f"{API}/cooperations")
    assert response.status_code == 403
    assert response.json()["detail"]


def test_an_outsider_cannot_use_ones_partner_for_a_new_cooperation(api_as, outsider, tenant):
    ours = make_partner(tenant)
    data = {"kind": "foreign_region", "title": "x", "partners": [ours.pk]}
    response = api_as(outsider).post(f"{API}/cooperations", data, content_type="application/json")
    assert response.status_code == 422
    assert not Cooperation.objects.exists()
