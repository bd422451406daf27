"""The flush of a transactional test keeps the migrated reference data on PostgreSQL, and puts it
back as it was when a test changed it (tests/reference_guard.py)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from mitra.cooperations.models import Cooperation, Sector
from mitra.partners.models import Place
from mitra.regions.models import Region
from mitra.tenancy.models import Tenant
from tests import reference_guard
from tests.factories import make_cooperation, make_tenant

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the guard is PostgreSQL's; SQLite flushes all"
    ),
]


def _flush() -> None:
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False)


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count() for model in reference_guard.kept_models()
    }


def test_a_flush_empties_the_tenants_tables_and_keeps_the_reference_data():
    before = _counts()
    make_cooperation(make_tenant("7371"))

    _flush()

    assert Tenant.objects.count() == 0 and Cooperation.objects.count() == 0
    assert _counts() == before
    assert Region.objects.count() > 500 and Place.objects.count() > 10_000


def test_a_reference_row_changed_or_removed_by_a_test_is_put_back_by_the_flush():
    before = _counts()
    region = Region.objects.get(code="7371")
    Region.objects.filter(pk=region.pk).update(name="renamed by a test")
    Sector.objects.filter(slug=Sector.Slug.TOURISM).delete()
    Place.objects.filter(pk=Place.objects.order_by("pk").values("pk")[:1]).delete()
    make_tenant("7371")

    _flush()

    assert Region.objects.get(pk=region.pk).name == region.name
    assert Sector.objects.filter(slug=Sector.Slug.TOURISM).exists()
    assert _counts() == before
    assert Tenant.objects.count() == 0
    with connection.cursor() as cursor:  # the put-back itself leaves no mark for the next flush
        cursor.execute(f"SELECT count(*) FROM {reference_guard.SCHEMA}.touched")  # noqa: S608
        assert cursor.fetchone()[0] == 0


def test_the_content_types_are_kept_and_the_ones_a_test_adds_go():
    kept = ContentType.objects.count()
    ContentType.objects.create(app_label="tests", model="madeup")

    _flush()

    assert ContentType.objects.count() == kept
    assert not ContentType.objects.filter(app_label="tests").exists()
