"""Bad input gets 422 with a message per problem, in the caller's language; never a 500."""

import pytest

from mitra.api.tests.conftest import API
from mitra.cooperations.models import Cooperation
from tests.factories import make_cooperation


@pytest.fixture
def client(api_as, cooperation_officer):
    return api_as(cooperation_officer)


def _post(client, url, body, **headers):
    return client.post(API + url, body, content_type="application/json", headers=headers)


@pytest.mark.parametrize(
    "body", ["{not json", "", "[1, 2", '{"kind": "foreign_region",}', "\x00", "null", "[]", "42"]
)
def test_a_body_that_is_not_a_cooperation_is_422_json(client, body):
    response = _post(client, "/cooperations", body)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert all(error["msg"] for error in response.json()["detail"])
    assert not Cooperation.objects.exists()


def test_wrong_types_get_a_message_each_in_indonesian_by_default(client):
    body = {"kind": 3, "title": ["x"], "partners": "one", "start_date": "tomorrow"}
    response = _post(client, "/cooperations", body)
    assert response.status_code == 422
    assert response["Content-Language"] == "id"
    errors = {tuple(error["loc"]): error for error in response.json()["detail"]}
    assert set(errors) == {
        ("body", "kind"),
        ("body", "title"),
        ("body", "partners"),
        ("body", "start_date"),
    }
    assert errors[("body", "start_date")]["type"] == "date_type"


def test_messages_are_in_english_when_the_client_asks(client):
    response = _post(client, "/cooperations", {"title": "x"}, accept_language="en")
    assert response["Content-Language"] == "en"
    messages = {error["loc"][-1]: error["msg"] for error in response.json()["detail"]}
    assert messages["kind"] == "This field is required."


def test_an_unknown_choice_lists_the_choices(client):
    response = _post(
        client, "/cooperations", {"kind": "sister_city", "title": "x", "partners": [1]}
    )
    error = response.json()["detail"][0]
    assert error["loc"] == ["body", "kind"] and error["type"] == "enum"
    assert "foreign_region" in error["msg"]


@pytest.mark.parametrize(
    "query",
    ["page=0", "page=abc", "page_size=1000", "page=99999999999999999999", "q=%00", "sort=nonsense"],
)
def test_bad_list_parameters_are_422(client, query):
    response = client.get(f"{API}/cooperations?{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


@pytest.mark.parametrize("pk", ["abc", "0", "-1", "99999999999999999999999", "1.5"])
def test_a_malformed_or_unknown_id_is_never_a_server_error(client, pk):
    response = client.get(f"{API}/cooperations/{pk}")
    assert response.status_code in (404, 422)
    assert response.json()["detail"]


def test_a_nul_character_in_text_is_refused_on_any_database(client, tenant):
    coop = make_cooperation(tenant)
    response = client.patch(
        f"{API}/cooperations/{coop.pk}", {"summary": "a\x00b"}, content_type="application/json"
    )
    assert response.status_code == 422
    coop.refresh_from_db()
    assert coop.summary == ""


def test_a_transition_without_an_action_is_422(client, tenant):
    coop = make_cooperation(tenant)
    response = _post(client, f"/cooperations/{coop.pk}/transitions", {"note": "x"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "action"]


def test_an_unknown_action_is_refused_with_409_and_a_reason(client, tenant):
    coop = make_cooperation(tenant)
    response = _post(client, f"/cooperations/{coop.pk}/transitions", {"action": "fly_to_the_moon"})
    assert response.status_code == 409
    assert response.json()["problems"]
