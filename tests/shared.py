"""Data built once for a module or a class of tests, the way Django's setUpTestData does it.

A module- or class-scoped fixture opens `built_once(django_db_blocker)`, builds the data inside
and yields; every test of the module or class then runs in its own savepoint inside that block
(pytest-django's `db`), so whatever a test changes is undone after it, and the whole block is
rolled back after the last test. Use it for data that is expensive to build (the demo) and read
by several tests.

The files such a fixture writes go to the session's media folder (conftest.py), which each test
of the module or class sees in its own media folder; they are removed with the rows, so tests
elsewhere start with an empty media folder.
"""

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver
from pytest_django import DjangoDbBlocker


@contextmanager
def built_once(django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    media = Path(settings.MEDIA_ROOT)
    before = set(media.iterdir()) if media.is_dir() else set()
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            yield
            transaction.set_rollback(True)
    finally:
        for entry in set(media.iterdir()) - before if media.is_dir() else ():
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def url_views(
    patterns: list[URLPattern | URLResolver] | None = None, prefix: str = ""
) -> Iterator[tuple[str, object]]:
    """(URL name with its namespaces, view) of every address of the project."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from url_views(pattern.url_patterns, namespace)
        else:
            yield f"{prefix}{pattern.name}", pattern.callback


def synthesize(*, tenants: int, cooperations: int, seed: int, today: date) -> None:
    """`mitra synthesize` at a small size: regions with cooperations in every step, partners in
    many countries, sectors, documents, activities, publications; the big city (Kota Makassar)
    gets the largest share. Call it inside `built_once`."""
    call_command(
        "synthesize",
        *("--tenants", str(tenants), "--cooperations", str(cooperations)),
        *("--seed", str(seed), "--today", today.isoformat()),
        stdout=StringIO(),
    )
