"""`mitra synthesize` at a tiny size, each test on an empty database: the same data for the same
seed and day, a refusal on a database with real tenants unless --force, bad numbers refused."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import translation

from mitra.cooperations.models import Cooperation
from mitra.demo.tests.test_synthesize import fingerprint, synthesize
from mitra.tenancy.models import Tenant
from tests.factories import make_tenant

pytestmark = pytest.mark.django_db


def test_the_same_seed_and_day_give_the_same_data() -> None:
    runs = []
    for _ in range(2):
        with transaction.atomic():
            synthesize("--seed", "3")
            runs.append(fingerprint())
            transaction.set_rollback(True)
    assert runs[0] == runs[1]
    assert len(runs[0]) == 60


def test_another_seed_gives_other_data() -> None:
    with transaction.atomic():
        synthesize("--seed", "3")
        first = fingerprint()
        transaction.set_rollback(True)
    synthesize("--seed", "4")
    assert fingerprint() != first


def test_it_refuses_a_database_with_real_tenants_in_indonesian() -> None:
    make_tenant("3273")
    with translation.override("id"), pytest.raises(CommandError) as refused:
        synthesize()
    assert "--force" in str(refused.value)
    assert "sudah" in str(refused.value)
    assert Cooperation.objects.count() == 0


def test_with_force_it_adds_synthetic_tenants_beside_the_real_ones() -> None:
    real = make_tenant("3273")
    synthesize("--force")
    assert Tenant.objects.count() == 4
    assert not Cooperation.objects.filter(tenant=real).exists()


def test_a_number_that_is_not_one_is_refused_with_the_option_named() -> None:
    with translation.override("id"), pytest.raises(CommandError) as refused:
        call_command("synthesize", "--tenants", "tiga", stdout=StringIO())
    assert "--tenants" in str(refused.value)
    assert Tenant.objects.count() == 0
