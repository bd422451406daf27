"""The whole OpenAPI schema driven by schemathesis, in process: no answer may be a server error,
and every answer must match what the schema documents."""

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from mitra.api.tests.conftest import API
from tests.factories import make_cooperation, make_document

# Loaded at collection: serving the schema needs no database.
schema = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", WSGIHandler())


@pytest.fixture
def connections_kept_open():
    """The test's transaction must outlive each request, as with Django's test client: a bare
    WSGIHandler would close the database connection when every request ends."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token_guessing_not_throttled(settings):
    """The fuzzer sends many invalid tokens from one address, as a token-guesser would, and
    expects 401 for each: the rate limit that answers 429 instead has its own tests
    (mitra/accounts/tests/test_throttling.py)."""
    settings.MITRA_API_TOKEN_FAILURE_LIMIT = 1_000_000
    settings.MITRA_LOGIN_ADDRESS_FAILURE_LIMIT = 1_000_000


@pytest.fixture
def records(tenant, other_tenant):
    """A little of everything in both tenants, so that generated ids sometimes hit records."""
    for each in (tenant, other_tenant):
        make_document(make_cooperation(each))


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_operation_fails_on_any_input(
    case,
    connections_kept_open,
    token_guessing_not_throttled,
    records,
    cooperation_officer,
    token_for,
):
    # Valid shapes with ids of nothing, or of another tenant, are rightly refused (404, 422):
    # the schema cannot say which ids exist, so positive data is not required to be accepted.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token_for(cooperation_officer)}"},
        excluded_checks=[positive_data_acceptance],
    )
