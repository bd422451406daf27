"""The migrations build the whole schema and its reference data, on SQLite and on PostgreSQL.

Marked `embedded`: with the demo and the page walk, this is what scripts/test.sh also runs on
SQLite, the embedded default database (the rest of the suite runs on PostgreSQL only).
"""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from mitra.cooperations.models import Affair, Sector
from mitra.partners.models import Country, Place
from mitra.regions.models import Region

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]


def test_every_migration_is_applied_and_none_is_missing():
    call_command("migrate", "--check", stdout=StringIO())  # exits non-zero if one is unapplied
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


def test_every_model_has_its_table():
    tables = set(connection.introspection.table_names())
    models = [m for m in apps.get_models() if m._meta.managed and not m._meta.proxy]
    assert models
    assert {m._meta.db_table for m in models} <= tables


def test_the_migrations_load_the_reference_data():
    assert Region.objects.filter(code="7371").exists()  # Kota Makassar
    assert Country.objects.filter(code="KR").exists()
    assert Place.objects.exists()
    assert Sector.objects.exists()
    assert Affair.objects.exists()
