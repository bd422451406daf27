"""Browser tests: an Indonesian browser on a laptop screen, and reference data that survives.

A live-server test runs with `transaction=True`, and Django flushes the database when such a
test ends. On PostgreSQL that flush keeps the reference data the migrations loaded (the guard of
tests/reference_guard.py); on SQLite it empties every table, and `load_refdata` (the
migrations' own loaders) brings the data back before the next test that needs it and after the
package's last test.
"""

from collections.abc import Iterator

import pytest
from django.core.management import call_command
from pytest_django import DjangoDbBlocker

from mitra.regions.models import Region


def _load_reference_data() -> None:
    if not Region.objects.exists():
        call_command("load_refdata", verbosity=0)


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
        _load_reference_data()


@pytest.fixture
def reference_data(transactional_db: None) -> None:
    """Regions, countries, places, sectors and affairs, even if an earlier test flushed them."""
    _load_reference_data()
