"""Mitra on more than one machine: an object store, a primary with a streaming replica, and two
gunicorn instances, each started once per test session and only for the tests that ask.

The object store serves the in-process tests too (the test database, files in the bucket). The
cluster tests (marked `servers`) run Mitra as separate processes against a throw-away primary
and replica copied from the test database, so nothing they write touches it.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from pytest_django import DjangoDbBlocker

from tests.browser.conftest import _load_reference_data
from tests.machines import servers
from tests.machines.servers import Cluster, Instance, ObjectStore


@pytest.fixture(scope="session")
def object_store() -> Iterator[ObjectStore]:
    with servers.object_store() as store:
        yield store


@pytest.fixture
def files_in_bucket(settings: Any, object_store: ObjectStore, request: Any) -> str:
    """This test's uploaded and generated files go to the bucket, under a prefix of its own.
    Returns the prefix."""
    prefix = f"tests/{request.node.name}"
    settings.STORAGES = {**settings.STORAGES, "default": object_store.storage(prefix)}
    return prefix


@pytest.fixture(scope="session")
def cluster(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Cluster]:
    """A primary holding a copy of the test database (schema and reference data) and its
    streaming replica."""
    if connection.vendor != "postgresql":
        pytest.skip("a streaming replica needs PostgreSQL; the test command runs this on it")
    with django_db_blocker.unblock():
        _load_reference_data()  # on SQLite a transactional test may have flushed it
    with servers.cluster(servers.libpq_url(connection.settings_dict)) as made:
        yield made


@pytest.fixture(scope="session")
def installation(cluster: Cluster, object_store: ObjectStore) -> dict[str, str]:
    """The environment of every instance and command: one database with its replica, one
    bucket, persistent connections (so a replica that goes away is met mid-connection)."""
    return servers.environment(
        DATABASE_URL=cluster.primary_url,
        DATABASE_REPLICA_URL=cluster.replica_url,
        DATABASE_CONN_MAX_AGE="60",
        **object_store.environment("installation"),
    )


@pytest.fixture(scope="session")
def seeded(installation: dict[str, str]) -> dict[str, Any]:
    return servers.seed(installation)


@pytest.fixture(scope="session")
def instances(
    request: pytest.FixtureRequest,
    installation: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Instance, Instance]]:
    """Two web servers, `a` and `b`, with the seeded data. `b` reads the replica only while it
    is at most a second behind, to show a lagging replica skipped; `a` tolerates a minute, to
    show reads served by a replica that was paused on purpose."""
    logs = tmp_path_factory.mktemp("gunicorn")
    a = Instance("a", {**installation, "DATABASE_REPLICA_MAX_LAG": "60"})
    b = Instance("b", {**installation, "DATABASE_REPLICA_MAX_LAG": "1"})
    try:
        for instance in (a, b):
            instance.start(logs / f"{instance.name}.log")
        request.getfixturevalue("seeded")  # while they start
        for instance in (a, b):
            instance.wait_until_ready(logs / f"{instance.name}.log")
        yield a, b
    finally:
        for instance in (a, b):
            instance.stop()
