"""Every update operation says whether it saved anything (issue 14).

A PATCH giving the values a record already has saves nothing; its answer says so in the
request's language (`saved`, `message`), and a real change says it was saved. The operations are
read off the API's routers, so a new PATCH or PUT fails `test_every_update_operation_has_its_case`
until it is walked like the others.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.db import models

from mitra.api.api import api
from mitra.api.tests.conftest import API
from mitra.audit.models import AuditEntry
from mitra.events.services import create_event
from mitra.tenancy.models import Tenant
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db

UPDATE_METHODS = {"PATCH", "PUT"}


@dataclass(frozen=True)
class Update:
    """One update operation: how to make its record, the field to send and a new value."""

    record: Callable[[Tenant], models.Model]
    field: str
    new_value: str


UPDATES = {
    ("PATCH", "/cooperations/{pk}"): Update(
        lambda tenant: make_cooperation(tenant), "title", "A new title"
    ),
    ("PATCH", "/partners/{pk}"): Update(lambda tenant: make_partner(tenant), "name", "A new name"),
    ("PATCH", "/events/{pk}"): Update(
        lambda tenant: create_event(tenant, by=None, name="Festival", starts_on="2026-05-01"),
        "name",
        "Another festival",
    ),
}


def _update_operations() -> Iterator[tuple[str, str]]:
    for prefix, router in api._routers:
        for path, view in router.path_operations.items():
            for operation in view.operations:
                for method in set(operation.methods) & UPDATE_METHODS:
                    yield method, prefix + path


def test_every_update_operation_has_its_case():
    assert set(_update_operations()) == set(UPDATES)


@pytest.mark.parametrize(("method", "path"), sorted(UPDATES))
def test_an_update_that_changes_nothing_says_so_and_a_change_says_saved(
    method, path, api_as, cooperation_officer, tenant
):
    case = UPDATES[method, path]
    record = case.record(tenant)
    url = API + path.replace("{pk}", str(record.pk))
    client = api_as(cooperation_officer)
    audit_rows = AuditEntry.objects.count()

    same = {case.field: getattr(record, case.field)}
    response = client.generic(method, url, json.dumps(same), content_type="application/json")
    assert response.status_code == 200, response.content
    assert (response.json()["saved"], response.json()["message"]) == (False, "Tidak ada perubahan.")
    assert AuditEntry.objects.count() == audit_rows

    english = client.generic(
        method,
        url,
        json.dumps(same),
        content_type="application/json",
        headers={"Accept-Language": "en"},
    )
    assert english.json()["message"] == "Nothing was changed."

    changed = {case.field: case.new_value}
    response = client.generic(method, url, json.dumps(changed), content_type="application/json")
    answer = response.json()
    assert (answer["saved"], answer["message"]) == (True, "Perubahan telah disimpan.")
    assert answer[case.field] == case.new_value
    assert AuditEntry.objects.count() > audit_rows


def test_the_schema_documents_both_fields_on_every_update(client):
    openapi = client.get(f"{API}/openapi.json").json()
    for method, path in UPDATES:
        operation = openapi["paths"][API + path][method.lower()]
        ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        schema = openapi["components"]["schemas"][ref.rsplit("/", 1)[1]]
        assert {"saved", "message"} <= set(schema["required"]), (method, path)
        assert schema["properties"]["saved"]["type"] == "boolean", (method, path)
        assert schema["properties"]["message"]["description"], (method, path)
