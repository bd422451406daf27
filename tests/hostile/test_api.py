"""The hostile-input crawler, API: every operation of the OpenAPI schema, called by each role
with hostile path ids (the other tenant's records among them), query parameters and bodies.
No call may end in a server error or show a traceback, and the other tenant's rows stay
exactly as they were.

Runs on SQLite and PostgreSQL. Schemathesis (mitra/api/tests/test_schema_fuzzing.py) checks the
answers against the schema; this crawl checks tenants and hostile values the schema allows.
"""

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from mitra.api import services as api_services
from mitra.cooperations.models import Cooperation, Document
from mitra.events.models import Event
from mitra.events.services import create_event
from mitra.followups.models import Activity, Task
from mitra.partners.models import Partner
from mitra.tenancy.models import Membership, Tenant
from mitra.tenancy.scope import limit_to_tenant
from tests.factories import make_document
from tests.hostile.crawl import DATES, NUMBERS, ROUNDS, TEXTS, Findings, changes, fingerprint

pytestmark = [pytest.mark.django_db, pytest.mark.long]

SCHEMA_URL = "/api/v1/openapi.json"
ROLES = {
    "tenant_admin": "makassar.admin",
    "cooperation_officer": "makassar.officer",
    "agency_officer": "makassar.opd",
    "team_reviewer": "makassar.tkksd",
    "leadership": "makassar.leader",
    "no token": "",
    "a wrong token": "-",
}
WRITERS = {"tenant_admin", "cooperation_officer", "agency_officer"}
# The record each path's {pk} names, by the path's first segment.
RECORDS: dict[str, type[Any]] = {
    "partners": Partner,
    "cooperations": Cooperation,
    "documents": Document,
    "activities": Activity,
    "tasks": Task,
    "events": Event,
}
HOSTILE_IDS = ["0", "-1", "99999999999999999999999", "abc", "1.5", "%00"]
NOT_OBJECTS = ["[null, null]", "null", '"x"', "[]", "42"]


@pytest.fixture
def throttling_out_of_the_way(settings: Any) -> None:
    """The crawl sends wrong tokens on purpose; the token rate limit has its own tests."""
    settings.MITRA_API_TOKEN_FAILURE_LIMIT = 1_000_000
    settings.MITRA_LOGIN_ADDRESS_FAILURE_LIMIT = 1_000_000


def _client(username: str) -> Client:
    if username in ("", "-"):
        return Client(HTTP_AUTHORIZATION="Bearer not-a-token") if username else Client()
    user = User.objects.get(username=username)
    membership = Membership.objects.filter(user=user).first()
    assert membership is not None
    _token, raw = api_services.create_token(user, name="crawl", membership=membership, by=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def _ids(tenant: Tenant) -> dict[str, str]:
    """One record of each kind of the tenant, for the path's {pk}."""
    # The demo gives one tenant no document or event yet: the crawl needs one of each.
    coop = Cooperation.objects.filter(tenant=tenant).order_by("pk").first()
    make_document(coop, title=f"Crawl {tenant.pk}")
    create_event(tenant, by=None, name=f"Crawl {tenant.pk}", starts_on=date(2026, 9, 1))
    found = {}
    for segment, model in RECORDS.items():
        row = limit_to_tenant(model._default_manager.order_by("pk"), tenant).first()
        assert row is not None, f"the demo has no {segment} for {tenant}"
        found[segment] = str(row.pk)
    return found


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        node = schema["components"]["schemas"][name]
    return node


def _hostile(schema: dict[str, Any], node: dict[str, Any], round_: int, depth: int = 0) -> Any:
    """A hostile value shaped like `node`: the round picks from each list of hostile values."""
    node = _resolve(schema, node)
    options = node.get("anyOf") or node.get("oneOf")
    if options:
        return _hostile(schema, options[round_ % len(options)], round_, depth)
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        if depth > 2:
            return {}
        props = node.get("properties", {})
        return {
            name: _hostile(schema, sub, round_ + i, depth + 1)
            for i, (name, sub) in enumerate(props.items())
        }
    if kind == "array":
        return [_hostile(schema, node.get("items", {}), round_, depth + 1)] * (1 + round_ % 3)
    if kind in ("integer", "number"):
        raw = NUMBERS[round_ % len(NUMBERS)]
        try:
            return int(raw)
        except ValueError:
            return raw
    if kind == "boolean":
        return ["true", None, 1, "ya"][round_ % 4]
    if node.get("format") in ("date", "date-time"):
        return DATES[round_ % len(DATES)]
    return TEXTS[round_ % len(TEXTS)]


def _operations(schema: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield method, path, operation


def _path(path: str, round_: int, ours: dict[str, str], theirs: dict[str, str]) -> str:
    if "{pk}" not in path:
        return path
    segment = path.removeprefix("/api/v1/").split("/")[0]
    pk = [theirs[segment], ours[segment], HOSTILE_IDS[round_ % len(HOSTILE_IDS)]][round_ % 3]
    return path.replace("{pk}", pk)


def _query(schema: dict[str, Any], operation: dict[str, Any], round_: int) -> dict[str, Any]:
    values = {
        p["name"]: _hostile(schema, p.get("schema", {}), round_ + i)
        for i, p in enumerate(operation.get("parameters", []))
        if p["in"] == "query"
    }
    return {name: value for name, value in values.items() if value is not None}


def _call(
    findings: Findings,
    client: Client,
    method: str,
    url: str,
    schema: dict[str, Any],
    operation: dict[str, Any],
    round_: int,
) -> None:
    content = operation.get("requestBody", {}).get("content", {})
    query = _query(schema, operation, round_)
    if method == "get":
        findings.request(client, "get", url, data=query)
        return
    if "multipart/form-data" in content:
        upload = ("page.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>")
        findings.request(client, method, url, data={"file": SimpleUploadedFile(*upload)})
        return
    media = content.get("application/json", {}).get("schema", {})
    body: Any = _hostile(schema, media, round_)
    payload = NOT_OBJECTS[round_ % len(NOT_OBJECTS)] if round_ % 4 == 3 else json.dumps(body)
    findings.request(client, method, url, data=payload, content_type="application/json")


def test_no_hostile_call_breaks_the_api_or_reaches_the_other_tenant(
    demo: tuple[Tenant, Tenant], throttling_out_of_the_way: None
) -> None:
    makassar, bandung = demo
    ours, theirs = _ids(makassar), _ids(bandung)
    schema = Client().get(SCHEMA_URL).json()
    operations = list(_operations(schema))
    before = fingerprint(bandung)
    findings = Findings()
    for role, username in ROLES.items():
        client = _client(username)
        rounds = ROUNDS if role in WRITERS else 2
        for method, path, operation in operations:
            for round_ in range(rounds):
                url = _path(path, round_, ours, theirs)
                _call(findings, client, method, url, schema, operation, round_)
    assert not findings.problems, findings.report()
    assert changes(before, fingerprint(bandung)) == []
    assert len(operations) >= 30
    assert findings.requests >= len(operations) * (3 * ROUNDS + 4 * 2)
