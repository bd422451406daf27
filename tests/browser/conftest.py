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
from django.core.management import call_command
from pytest_django import DjangoDbBlocker

from mitra.regions.models import Region


def _load_reference_data() -> None:
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
    if not Region.objects.exists():
        _load_reference_data()
