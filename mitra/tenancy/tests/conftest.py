"""The two tenants' worlds (a row of every tenant-owned model each), built once per module for
the modules that ask for them."""

from collections.abc import Iterator
from typing import Any

import pytest

from tests.tenant_world import World, two_worlds


@pytest.fixture(scope="module")
def worlds(django_db_setup: None, django_db_blocker: Any) -> Iterator[tuple[World, World]]:
    with two_worlds(django_db_blocker) as pair:
        yield pair


@pytest.fixture
def ours(worlds: tuple[World, World], db: None) -> World:
    return worlds[0]


@pytest.fixture
def theirs(worlds: tuple[World, World], db: None) -> World:
    return worlds[1]
