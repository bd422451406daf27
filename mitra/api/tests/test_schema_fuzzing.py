"""The whole OpenAPI schema driven by schemathesis, in process, with every check it has: no server
error, every answer as documented (status, content type, headers, body), data outside the schema
refused, and data inside it accepted."""

from collections.abc import Callable
from datetime import date

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.specs.openapi.checks import positive_data_acceptance

from mitra.api.tests.conftest import API
from mitra.events.services import create_event
from mitra.followups.models import Activity
from mitra.followups.services import create_task, log_activity
from tests.factories import make_cooperation, make_document

# Loaded at collection: serving the schema needs no database.
schema = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", WSGIHandler())
OPERATIONS = sorted(
    f"{method.upper()} {path}"
    for path, methods in schema.raw_schema["paths"].items()
    for method in methods
)

# What each `{pk}` names, by the path's first segment.
RECORD_OF_PATH = {
    "partners": "partner",
    "cooperations": "cooperation",
    "documents": "document",
    "activities": "activity",
    "tasks": "task",
    "events": "event",
}

# Body fields whose validity the schema cannot state, because it depends on the records stored
# (an id of the caller's tenant, a city of the chosen country) or on other fields (a sub-form
# that fits the kind, an end after the start). A generated value there may rightly be refused
# by the web's form (422 "invalid"), and only there: any other refusal of schema-valid data,
# and any refusal by the schema itself, still fails the test.
PARTNER_FIELDS = {"place", "region", "country"}
COOPERATION_FIELDS = {
    "__all__",
    "partners",
    "initiating_agency",
    "implementing_agencies",
    "owner",
    "affairs",
    "sub_form",
    "route",
    "end_date",
}
ACTIVITY_FIELDS = {"__all__", "cooperation", "partner", "staff", "partner_contacts"}
DEPENDS_ON_RECORDS_OR_OTHER_FIELDS: dict[str, set[str]] = {
    f"POST {API}/partners": PARTNER_FIELDS,
    f"PATCH {API}/partners/{{pk}}": PARTNER_FIELDS,
    f"POST {API}/cooperations": COOPERATION_FIELDS,
    f"PATCH {API}/cooperations/{{pk}}": COOPERATION_FIELDS,
    # A title names the document with at least three letters, in any script
    # (`rules.title_is_meaningful`), and a document is signed by today (`rules.signed_by_today`):
    # rules no pattern of the schema can state.
    f"POST {API}/cooperations/{{pk}}/documents": {
        "__all__",
        "parent",
        "valid_until",
        "title",
        "date_signed",
    },
    f"POST {API}/activities": ACTIVITY_FIELDS,
    f"POST {API}/tasks": {"cooperation", "assignee"},
    f"POST {API}/tasks/{{pk}}/reassign": {"assignee"},
    f"POST {API}/events": {"ends_on"},
    f"PATCH {API}/events/{{pk}}": {"ends_on"},
    # The file's content is checked from its bytes (a PDF must be a PDF), which no schema states.
    f"POST {API}/documents/{{pk}}/file": {"file"},
    # The period's kind decides which of year, quarter, start and end it needs.
    f"GET {API}/reports": {"year", "quarter", "start", "end"},
}


@pytest.fixture
def connections_kept_open():
    """The test's transaction must outlive each request, as with Django's test client: a bare
    WSGIHandler would close the database connection when every request ends."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _records_of(tenant, user) -> dict[str, int]:
    coop = make_cooperation(tenant)
    day = date(2026, 3, 1)
    activity = log_activity(
        tenant, by=user, kind=Activity.Kind.MEETING, date=day, title="Rapat", cooperation=coop
    )
    task = create_task(tenant, by=user, title="Surat", assignee=user, due_date=day, given_on=day)
    event = create_event(tenant, by=user, name="Festival", starts_on=day)
    return {
        "partner": coop.partners.get().pk,
        "cooperation": coop.pk,
        "document": make_document(coop).pk,
        "activity": activity.pk,
        "task": task.pk,
        "event": event.pk,
    }


@pytest.fixture
def token_guessing_not_throttled(settings):
    """The fuzzer sends many invalid tokens from one address, as a token-guesser would, and
    expects 401 for each: the rate limit that answers 429 instead has its own tests
    (mitra/accounts/tests/test_throttling.py)."""
    settings.MITRA_API_TOKEN_FAILURE_LIMIT = 1_000_000
    settings.MITRA_LOGIN_ADDRESS_FAILURE_LIMIT = 1_000_000


@pytest.fixture
def records(tenant, other_tenant, cooperation_officer, outsider) -> dict[str, int]:
    """One record of each kind in both tenants; the caller's ids are the ones positive cases use."""
    _records_of(other_tenant, outsider)
    return _records_of(tenant, cooperation_officer)


def with_real_ids(case, records: dict[str, int]) -> None:
    """Schema-valid requests name records that exist: a valid id of nothing is rightly a 404,
    which says nothing about whether the operation accepts valid data."""
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return
    if "pk" in (case.path_parameters or {}):
        resource = case.path.removeprefix(API).split("/")[1]
        case.path_parameters["pk"] = records[RECORD_OF_PATH[resource]]


def _form_refusals_only_where_allowed(case, response) -> bool:
    allowed = DEPENDS_ON_RECORDS_OR_OTHER_FIELDS.get(f"{case.method.upper()} {case.path}", set())
    if response.status_code != 422 or not allowed:
        return False
    errors = response.json()["detail"]
    return all(
        error["type"] == "invalid" and (error["loc"][1:2] or ["__all__"])[0] in allowed
        for error in errors
    )


def positive_data_accepted(ctx, response, case) -> bool | None:
    """Schemathesis's positive_data_acceptance, except for the form refusals listed above."""
    if _form_refusals_only_where_allowed(case, response):
        return None
    return positive_data_acceptance(ctx, response, case)


@pytest.fixture
def officer_token(cooperation_officer: User, token_for: Callable[[User], str]) -> str:
    """One token for every example of an operation (no operation of the API touches tokens):
    making one per example was a quarter of the fuzzing's time."""
    return token_for(cooperation_officer)


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_answers_as_documented(
    case,
    connections_kept_open,
    token_guessing_not_throttled,
    records,
    officer_token,
):
    with_real_ids(case, records)
    case.call_and_validate(
        headers={"Authorization": f"Bearer {officer_token}"},
        excluded_checks=[positive_data_acceptance],
        additional_checks=[positive_data_accepted],
    )


def test_every_check_schemathesis_has_runs():
    load_all_checks()
    names = {check.__name__ for check in CHECKS.get_all()}
    assert "positive_data_acceptance" in names and "negative_data_rejection" in names
    config = schema.config.checks_config_for(operation=None, phase=None)
    assert all(config.get_by_name(name=name).enabled for name in names)


def _items_of(node: pytest.Collector) -> list[pytest.Item]:
    """Every test a collector yields, through the collectors it holds (schemathesis's is one)."""
    found: list[pytest.Item] = []
    for child in node.collect():
        found += [child] if isinstance(child, pytest.Item) else _items_of(child)
    return found


def test_the_fuzzing_test_has_one_item_per_operation(request: pytest.FixtureRequest):
    """Collected as the suite collects it, it must yield every operation of the schema: run with
    pytest-xdist's `--dist loadfile` it once ran 1 of them, silently. The module is collected
    again here, in this process, whatever the run selected."""
    module = request.node.parent
    assert isinstance(module, pytest.Module)
    items = [
        item.name.split("[", 1)[1].removesuffix("]")
        for item in _items_of(module)
        if item.name.startswith("test_every_operation_answers_as_documented[")
    ]
    assert sorted(items) == OPERATIONS
    assert len(OPERATIONS) == 30
