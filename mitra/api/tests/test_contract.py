"""The OpenAPI schema says what every operation takes and answers, for every operation there is."""

import re

import pytest

from mitra.api import typed_text
from mitra.api.tests.conftest import API
from mitra.cooperations.models import Cooperation
from mitra.events.models import Event
from mitra.events.services import create_event
from mitra.partners.models import Partner
from tests.factories import make_cooperation

ERROR_STATUSES = {"400", "401", "403", "404", "422"}


@pytest.fixture
def openapi(client):
    return client.get(f"{API}/openapi.json").json()


def _operations(openapi):
    return [
        (method.upper(), path, operation)
        for path, methods in openapi["paths"].items()
        for method, operation in methods.items()
    ]


def _body_schema(openapi, operation):
    content = operation.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    if schema and "$ref" in schema:
        return openapi["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def test_every_operation_documents_its_errors_as_json(openapi):
    for method, path, operation in _operations(openapi):
        responses = operation["responses"]
        assert set(responses) >= ERROR_STATUSES, (method, path)
        if method != "GET":
            assert "409" in responses, (method, path)
        for status in ERROR_STATUSES:
            assert "application/json" in responses[status]["content"], (method, path, status)


def test_every_request_body_is_an_object_with_its_fields_typed(openapi):
    for method, path, operation in _operations(openapi):
        body = _body_schema(openapi, operation)
        if body is None:
            continue
        assert body["type"] == "object", (method, path)
        for name, field in body["properties"].items():
            assert field.get("type") or field.get("anyOf") or field.get("$ref"), (path, name)


def _strings(field):
    if field.get("type") == "string":
        yield field
    for option in field.get("anyOf", []):
        yield from _strings(option)
    if field.get("type") == "array":
        yield from _strings(field["items"])


def test_every_text_a_client_sends_has_a_limit_or_a_form(openapi):
    """Lengths, choices, patterns or formats: nothing unbounded reaches the forms."""
    for method, path, operation in _operations(openapi):
        body = _body_schema(openapi, operation) or {"properties": {}}
        params = {p["name"]: p["schema"] for p in operation.get("parameters", [])}
        for name, field in {**body["properties"], **params}.items():
            for text in _strings(field):
                limits = {"maxLength", "enum", "pattern", "format"} & set(text)
                assert limits, (method, path, name)


def test_every_text_a_client_sends_says_control_characters_are_refused(openapi):
    """The middleware and the API's parser refuse control characters in every text and days
    outside 1900-2100: the schema says so of each, so a client knows before it is refused."""
    checked = 0
    for method, path, operation in _operations(openapi):
        body = _body_schema(openapi, operation) or {"properties": {}}
        params = {p["name"]: p["schema"] for p in operation.get("parameters", [])}
        params = {n: f for n, f in params.items() if n != "pk"}
        for name, field in {**body["properties"], **params}.items():
            for text in _strings(field):
                if "enum" in text or text.get("format") == "binary":
                    continue
                checked += 1
                assert text["pattern"].startswith(typed_text.NO_CONTROL), (method, path, name)
                assert not re.search(text["pattern"], "ab\x0bc"), (method, path, name)
                if text.get("format") == "date":
                    assert not re.search(text["pattern"], "1899-12-31"), (method, path, name)
                    assert re.search(text["pattern"], "2026-12-06"), (method, path, name)
    assert checked > 40


def test_every_body_takes_only_its_documented_fields(api_as, cooperation_officer, openapi):
    for method, path, operation in _operations(openapi):
        body = _body_schema(openapi, operation)
        if body is not None and "properties" in body and "multipart" not in str(operation):
            assert body.get("additionalProperties") is False, (method, path)
    response = api_as(cooperation_officer).post(
        f"{API}/partners",
        {"name": "Kota Kaohsiung", "kind": "x", "colour": "red"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert any(error["loc"][-1] == "colour" for error in response.json()["detail"])


def test_list_filters_list_their_choices(openapi):
    params = {
        p["name"]: p["schema"] for p in openapi["paths"][f"{API}/cooperations"]["get"]["parameters"]
    }
    assert set(Cooperation.Kind.values) < set(params["kind"]["enum"])
    assert set(Cooperation.State.values) < set(params["state"]["enum"])
    assert "-updated" in params["sort"]["enum"]
    assert "enum" in params["sector"]


def _patch_operations(openapi):
    return [
        (path, operation) for method, path, operation in _operations(openapi) if method == "PATCH"
    ]


@pytest.mark.parametrize("body", ["[null, null]", "[]", '"title"', "42", "null", "true"])
def test_every_patch_refuses_a_body_that_is_not_an_object(
    api_as, cooperation_officer, tenant, openapi, body
):
    coop = make_cooperation(tenant)
    event = create_event(tenant, by=None, name="Festival", starts_on="2026-05-01")
    ids = {"cooperations": coop.pk, "events": event.pk, "partners": coop.partners.get().pk}
    client = api_as(cooperation_officer)
    patches = _patch_operations(openapi)
    assert len(patches) == 3
    for path, _operation in patches:
        url = path.replace("{pk}", str(ids[path.removeprefix(API).split("/")[1]]))
        response = client.patch(url, body, content_type="application/json")
        assert response.status_code == 422, (path, response.content)
        assert response.json()["detail"][0]["type"] == "dict_type"
    assert Cooperation.objects.get().title == coop.title
    assert Event.objects.get().name == "Festival"


def test_a_patch_refuses_null_for_a_field_that_cannot_be_empty(api_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant, summary="Ringkasan")
    client = api_as(cooperation_officer)
    for field in ("title", "summary", "partners", "burdens_public"):
        response = client.patch(
            f"{API}/cooperations/{coop.pk}", {field: None}, content_type="application/json"
        )
        assert response.status_code == 422, field
        assert response.json()["detail"][0]["loc"] == ["body", field]
    coop.refresh_from_db()
    assert coop.summary == "Ringkasan"


def test_a_patch_may_clear_a_field_that_can_be_empty(api_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant, start_date="2026-01-01")
    response = api_as(cooperation_officer).patch(
        f"{API}/cooperations/{coop.pk}", {"start_date": None}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["start_date"] is None


def test_a_patch_schema_documents_no_defaults_and_no_nulls_where_none_are_taken(openapi):
    patch = openapi["components"]["schemas"]["CooperationUpdatePatch"]
    assert "required" not in patch
    assert all("default" not in field for field in patch["properties"].values())
    assert patch["properties"]["title"]["type"] == "string"


def test_a_title_of_spaces_is_refused_with_a_message(api_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant)
    response = api_as(cooperation_officer).patch(
        f"{API}/cooperations/{coop.pk}", {"title": "   "}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Isi bidang ini; spasi saja tidak cukup."


def test_a_country_no_partner_has_lists_nothing_rather_than_refusing(
    api_as, cooperation_officer, outsider, tenant, other_tenant
):
    make_cooperation(tenant)
    make_cooperation(other_tenant)
    client = api_as(cooperation_officer)
    for resource in ("cooperations", "partners"):
        response = client.get(f"{API}/{resource}?country=JP")
        assert response.status_code == 200, resource
        assert response.json() == {"items": [], "count": 0}
        assert client.get(f"{API}/{resource}?country=KR").json()["count"] == 1
        assert client.get(f"{API}/{resource}?country=kr").status_code == 422
    assert Partner.objects.count() == 2


def test_an_amount_is_a_string_or_a_whole_number_never_a_fraction_as_float(
    api_as, cooperation_officer, tenant
):
    coop = make_cooperation(tenant)
    client = api_as(cooperation_officer)
    url = f"{API}/cooperations/{coop.pk}"
    for amount, status in (("1500000.50", 200), (1500000, 200), (1500000.0, 200), (0.1, 422)):
        body = {"budget": "apbd", "budget_amount": amount, "budget_line": "5.2.1"}
        response = client.patch(url, body, content_type="application/json")
        assert response.status_code == status, (amount, response.content)
