"""Cooperations through the API: the same forms, services, guards and rows as the web."""

import pytest
from django.test import Client

from mitra.api.tests.conftest import API
from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation, CooperationEvent, Sector
from mitra.partners.models import Country
from mitra.regions.models import Region
from tests.factories import make_cooperation, make_partner


def _post(client: Client, url: str, data: object, **headers: str):
    return client.post(f"{API}{url}", data, content_type="application/json", headers=headers)


def _patch(client: Client, url: str, data: object):
    return client.patch(f"{API}{url}", data, content_type="application/json")


def _sister_city(partner_id: int, **overrides: object) -> dict[str, object]:
    return {
        "kind": "foreign_region",
        "sub_form": "sister_city",
        "title": "Makassar–Incheon sister city",
        "partners": [partner_id],
        "sectors": ["smart_city", "e_government"],
        "objects_of_cooperation": ["government_capacity"],
        "start_date": "2025-01-01",
        "note": "Proposed at F8",
        **overrides,
    }


def test_an_officer_creates_a_cooperation_with_an_event_and_an_audit_row(
    api_as, cooperation_officer, tenant
):
    partner = make_partner(tenant)
    response = _post(api_as(cooperation_officer), "/cooperations", _sister_city(partner.pk))
    assert response.status_code == 201, response.content
    body = response.json()
    coop = Cooperation.objects.get(pk=body["id"])
    assert (coop.tenant, coop.state, coop.title) == (tenant, "initiative", body["title"])
    assert set(coop.sectors.values_list("slug", flat=True)) == {"smart_city", "e_government"}
    assert body["state"] == "initiative" and body["partners"] == [partner.pk]
    event = CooperationEvent.objects.get(cooperation=coop)
    assert (event.action, event.by, event.note) == ("create", cooperation_officer, "Proposed at F8")
    audit = AuditEntry.objects.get(record=f"cooperations.cooperation:{coop.pk}", action="create")
    assert audit.user == cooperation_officer and audit.tenant == tenant


def test_the_law_refuses_a_cooperation_with_a_blocked_country_and_nothing_is_written(
    api_as, cooperation_officer, tenant
):
    israel = make_partner(tenant, name="Tel Aviv", country=Country.objects.get(code="IL"))
    response = _post(api_as(cooperation_officer), "/cooperations", _sister_city(israel.pk))
    assert response.status_code == 409
    assert response.json()["problems"]
    assert not Cooperation.objects.exists()


def test_another_tenants_partner_is_not_a_valid_choice(api_as, cooperation_officer, other_tenant):
    theirs = make_partner(other_tenant)
    response = _post(api_as(cooperation_officer), "/cooperations", _sister_city(theirs.pk))
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert any(error["loc"] == ["body", "partners"] for error in errors)
    assert not Cooperation.objects.exists()


def test_a_read_only_role_may_read_but_not_create(api_as, leadership, tenant):
    client = api_as(leadership)
    make_cooperation(tenant)
    assert client.get(f"{API}/cooperations").json()["count"] == 1
    response = _post(client, "/cooperations", _sister_city(make_partner(tenant).pk))
    assert response.status_code == 403
    assert response.json()["detail"]
    assert Cooperation.objects.count() == 1


def test_the_list_takes_the_webs_filters(api_as, cooperation_officer, tenant):
    domestic = make_cooperation(
        tenant,
        kind="domestic_region",
        sub_form="voluntary",
        title="Makassar–Surakarta smart city",
        partners=[
            make_partner(
                tenant,
                kind="indonesian_region",
                country=None,
                region=Region.objects.get(code="3372"),
            )
        ],
    )
    foreign = make_cooperation(tenant, title="Makassar–Incheon")
    foreign.sectors.set([Sector.objects.get(slug="tourism")], through_defaults={"tenant": tenant})
    client = api_as(cooperation_officer)

    def ids(query: str) -> list[int]:
        response = client.get(f"{API}/cooperations?{query}")
        assert response.status_code == 200, response.content
        return [item["id"] for item in response.json()["items"]]

    assert ids("kind=domestic_region") == [domestic.pk]
    assert ids("sector=tourism") == [foreign.pk]
    assert ids("country=KR") == [foreign.pk]
    assert ids("q=surakarta") == [domestic.pk]
    assert ids("sort=title") == [foreign.pk, domestic.pk]
    assert ids("page_size=1&page=2&sort=title") == [domestic.pk]


def test_an_unknown_filter_value_is_422_with_its_place(api_as, cooperation_officer, tenant):
    response = api_as(cooperation_officer).get(f"{API}/cooperations?state=nowhere")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "state"]


def test_an_update_changes_only_the_given_fields_with_an_audit_row(
    api_as, cooperation_officer, tenant
):
    coop = make_cooperation(tenant, summary="Old summary")
    response = _patch(api_as(cooperation_officer), f"/cooperations/{coop.pk}", {"title": "New"})
    assert response.status_code == 200, response.content
    coop.refresh_from_db()
    assert (coop.title, coop.summary, coop.kind) == ("New", "Old summary", "foreign_region")
    audit = AuditEntry.objects.get(record=f"cooperations.cooperation:{coop.pk}", action="update")
    assert list(audit.changes) == ["title"]


def test_an_update_cannot_end_before_it_starts(api_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant)
    data = {"start_date": "2025-06-01", "end_date": "2025-01-01"}
    response = _patch(api_as(cooperation_officer), f"/cooperations/{coop.pk}", data)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "end_date"]
    coop.refresh_from_db()
    assert coop.start_date is None


@pytest.fixture
def at_letter_of_intent(api_as, cooperation_officer, tenant):
    """A sister-city cooperation moved by the API to the LoI step."""
    coop = make_cooperation(tenant)
    client = api_as(cooperation_officer)
    for action in ("start_exploration", "prepare_loi"):
        response = _post(client, f"/cooperations/{coop.pk}/transitions", {"action": action})
        assert response.status_code == 200, response.content
    return coop, client


def test_an_accepted_transition_writes_a_cooperation_event(api_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant)
    client = api_as(cooperation_officer)
    response = _post(
        client,
        f"/cooperations/{coop.pk}/transitions",
        {"action": "start_exploration", "note": "Visit"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "exploration" and body["event"]["action"] == "start_exploration"
    coop.refresh_from_db()
    assert coop.state == "exploration"
    event = CooperationEvent.objects.get(pk=body["event"]["id"])
    assert (event.source, event.target, event.by, event.note) == (
        "initiative",
        "exploration",
        cooperation_officer,
        "Visit",
    )


def test_a_refused_transition_lists_every_unmet_requirement_and_changes_nothing(
    at_letter_of_intent, english
):
    coop, client = at_letter_of_intent
    events = CooperationEvent.objects.filter(cooperation=coop).count()
    response = _post(
        client, f"/cooperations/{coop.pk}/transitions", {"action": "sign_loi"}, accept_language="en"
    )
    assert response.status_code == 409
    assert response["Content-Type"] == "application/json; charset=utf-8"
    problems = response.json()["problems"]
    assert any("letter of intent" in problem for problem in problems)
    coop.refresh_from_db()
    assert coop.state == "letter_of_intent"
    assert CooperationEvent.objects.filter(cooperation=coop).count() == events


def test_the_open_moves_show_what_is_still_missing(at_letter_of_intent):
    coop, client = at_letter_of_intent
    steps = {
        step["action"]: step
        for step in client.get(f"{API}/cooperations/{coop.pk}/transitions").json()
    }
    assert steps["sign_loi"]["ready"] is False and steps["sign_loi"]["problems"]
    assert steps["sign_loi"]["target"] == "cooperation_plan"


def test_a_document_added_through_the_api_satisfies_the_guard(at_letter_of_intent):
    coop, client = at_letter_of_intent
    document = {
        "kind": "letter_of_intent",
        "title": "LoI Makassar–Incheon",
        "date_signed": "2025-09-14",
        "parties": [
            {"role": "first", "name": "Pemerintah Kota Makassar", "number": "001/KS/2025"},
            {"role": "second", "name": "Incheon Metropolitan City", "number": "IC-77"},
        ],
    }
    assert _post(client, f"/cooperations/{coop.pk}/documents", document).status_code == 201
    response = _post(client, f"/cooperations/{coop.pk}/transitions", {"action": "sign_loi"})
    assert response.status_code == 200, response.content
    coop.refresh_from_db()
    assert coop.state == "cooperation_plan"


def test_a_stale_expected_state_is_refused(at_letter_of_intent):
    coop, client = at_letter_of_intent
    move = {"action": "sign_loi", "expected_state": "exploration"}
    response = _post(client, f"/cooperations/{coop.pk}/transitions", move)
    assert response.status_code == 409
    coop.refresh_from_db()
    assert coop.state == "letter_of_intent"


def test_the_history_lists_every_state_change(at_letter_of_intent):
    coop, client = at_letter_of_intent
    history = client.get(f"{API}/cooperations/{coop.pk}/history").json()
    assert [item["action"] for item in history["items"]] == [
        "prepare_loi",
        "start_exploration",
        "create",
    ]


def test_a_browser_session_needs_the_csrf_token_for_writes(cooperation_officer, tenant):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cooperation_officer)
    coop = make_cooperation(tenant)
    assert client.get(f"{API}/cooperations/{coop.pk}").status_code == 200
    url = f"/cooperations/{coop.pk}/transitions"
    response = _post(client, url, {"action": "start_exploration"})
    assert response.status_code == 403
    client.get("/tokens/")  # any page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = _post(client, url, {"action": "start_exploration"}, x_csrftoken=token)
    assert response.status_code == 200
    coop.refresh_from_db()
    assert coop.state == "exploration"
