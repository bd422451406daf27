"""Browser tests: an Indonesian browser on a laptop screen, and reference data that survives.

A live-server test runs with `transaction=True`, and Django flushes every table when such a
test ends, the reference data loaded by migrations included. `serialized_rollback=True` would
reload the data at the start of the test, but deserialising the gazetteer's 160,000 rows takes
about a minute and leaves the database empty afterwards all the same (which breaks the next
`--reuse-db` run). Instead the `load_refdata` command (the migrations' own loaders, about three
seconds) brings the data back before the test if something else flushed it, and after it.
"""

from collections.abc import Iterator

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Model
from pytest_django import DjangoDbBlocker

from mitra.regions.models import Region

SNAPSHOT = "refdata_snapshot"
# Filled by Django itself after a flush (post_migrate), never part of the reference data.
NOT_REFERENCE = {"django_content_type", "auth_permission", "django_migrations"}
_snapshot: list[type[Model]] = []


def _load_reference_data() -> None:
    """On PostgreSQL the first load is kept in a schema of the test database and later loads copy
    it back (well under a second instead of about three); elsewhere `load_refdata` runs."""
    if connection.vendor != "postgresql":
        call_command("load_refdata", verbosity=0)
    elif _snapshot:
        _restore_snapshot()
    else:
        call_command("load_refdata", verbosity=0)
        _take_snapshot()


def _take_snapshot() -> None:
    """Keep every table the load filled (the database was empty before it: flushed)."""
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table not in NOT_REFERENCE and model.objects.exists()
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SNAPSHOT} CASCADE; CREATE SCHEMA {SNAPSHOT}")
        for model in models:
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"CREATE TABLE {SNAPSHOT}.{table} AS TABLE {table}")
    _snapshot.extend(models)


def _restore_snapshot() -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")  # rows in any order
        for model in _snapshot:
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"INSERT INTO {table} SELECT * FROM {SNAPSHOT}.{table}")  # noqa: S608
        for statement in connection.ops.sequence_reset_sql(no_style(), _snapshot):
            cursor.execute(statement)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, object]) -> dict[str, object]:
    return {
        **browser_context_args,
        "locale": "id-ID",
        "viewport": {"width": 1280, "height": 900},
    }


@pytest.fixture(scope="package", autouse=True)
def reference_data_reloaded_after_the_flush(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[None]:
    # Package scope: this teardown runs after the last test's flush, not before it.
    yield
    with django_db_blocker.unblock():
        if not Region.objects.exists():  # an earlier package teardown may have loaded it
            _load_reference_data()


@pytest.fixture
def reference_data(transactional_db: None) -> None:
    """Regions, countries, places, sectors and affairs, even if an earlier test flushed them."""
    if not Region.objects.exists():
        _load_reference_data()
