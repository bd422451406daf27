"""The searches inside names and titles can use trigram indexes on PostgreSQL, and read only the
searching tenant's rows.

Every `__icontains` lookup of the application's code (tests and demo loaders aside) must search a
column listed in SEARCHED, and every column there has its index (mitra/lib/search_indexes.py):
a new search without an index fails here. The plans are read with sequential scans discouraged,
which proves the index matches the expression Django writes, whatever the table's size.
"""

import re
from pathlib import Path

import pytest
from django.db import connection

from mitra.cooperations.filters import filter_cooperations
from mitra.cooperations.models import Cooperation
from mitra.lib.search_indexes import index_name
from mitra.partners.access import filter_partners
from mitra.partners.models import Partner, PartnerAlias
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
SEARCHED = {
    ("cooperations_cooperation", "title"),
    ("cooperations_cooperation", "summary"),
    ("partners_partner", "name"),
    ("partners_partneralias", "alias"),
}
# Lookups in code that is not a search people run: the demo loaders find their own rows by name.
NOT_SEARCHES = ("/tests/", "/demo.py", "/demo/")
ICONTAINS = re.compile(r"(\w+)__icontains")


def _application_lookups() -> set[str]:
    found = set()
    for path in (ROOT / "mitra").rglob("*.py"):
        if any(part in str(path) for part in NOT_SEARCHES):
            continue
        found |= set(ICONTAINS.findall(path.read_text()))
    return found


def _plan(sql: str, params: tuple[object, ...]) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = on")
    return plan


def test_every_search_in_the_code_is_on_a_searched_column():
    columns = {column for _, column in SEARCHED}
    lookups = _application_lookups()
    assert lookups, "the scan found no search at all"
    assert {lookup.rsplit("__", 1)[-1] for lookup in lookups} <= columns, lookups


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
def test_every_searched_column_has_its_trigram_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%_trgm'")
        indexes = dict(cursor.fetchall())
    for table, column in SEARCHED:
        definition = indexes.get(index_name(table, column), "")
        assert "gin_trgm_ops" in definition and re.search(rf"upper\(\(?{column}\b", definition), (
            table,
            column,
            definition,
        )


MODELS = {
    "cooperations_cooperation": Cooperation,
    "partners_partner": Partner,
    "partners_partneralias": PartnerAlias,
}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
@pytest.mark.parametrize(("table", "column"), sorted(SEARCHED))
def test_each_search_expression_is_the_one_its_index_holds(table, column):
    """Django's own `icontains` SQL, on the whole table: the planner can answer it from the
    index only if the index holds the very expression Django writes."""
    queryset = MODELS[table].objects.filter(**{f"{column}__icontains": "gothen"}).values("pk")
    sql, params = queryset.query.sql_with_params()
    assert index_name(table, column) in _plan(sql, params)


def test_a_search_finds_only_the_tenants_own_cooperations(tenant, other_tenant):
    ours = make_cooperation(tenant, title="Pertukaran pelajar Gothenburg")
    make_cooperation(other_tenant, title="Pertukaran pelajar Gothenburg")
    theirs_partner = make_partner(other_tenant, name="Gothenburg Stad")
    make_cooperation(other_tenant, title="Kota kembar", partners=[theirs_partner])
    found = filter_cooperations(Cooperation.objects.for_tenant(tenant), {"q": "gothenburg"})
    assert list(found) == [ours]


def test_a_partner_found_by_its_alias_is_the_tenants_own(tenant, other_tenant):
    ours = make_partner(tenant, name="Majlis Amanah Rakyat")
    PartnerAlias.objects.create(tenant=tenant, partner=ours, alias="MARA")
    theirs = make_partner(other_tenant, name="Majlis Amanah Rakyat Malaysia")
    PartnerAlias.objects.create(tenant=other_tenant, partner=theirs, alias="MARA")
    found = filter_partners(Partner.objects.for_tenant(tenant), {"q": "mara"})
    assert list(found) == [ours]
