"""The implementation settings a tenant had before issue 13 survive as the tenant's own settings.

Runs the real migrations backwards and forwards inside the test's transaction, so it needs
PostgreSQL's transactional DDL; SQLite cannot alter its schema inside a transaction.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db

BEFORE = [("implementation", "0003_backfill_last_activity_on")]
AFTER = [("implementation", "0005_remove_implementation_settings")]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs transactional DDL")
def test_the_migration_copies_each_tenants_settings_and_removes_the_old_model(tenant, other_tenant):
    with connection.cursor() as cursor:  # going back alters foreign keys to the tenant table
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    old.get_model("implementation", "ImplementationSettings").objects.create(
        tenant_id=tenant.pk, evaluations_per_year=4, renewal_lead_days=365, stale_progress_days=30
    )
    with connection.cursor() as cursor:  # the old row's foreign key is checked before the drop
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    tenant.refresh_from_db()
    other_tenant.refresh_from_db()
    copied = (tenant.evaluations_per_year, tenant.renewal_lead_days, tenant.stale_progress_days)
    kept = (
        other_tenant.evaluations_per_year,
        other_tenant.renewal_lead_days,
        other_tenant.stale_progress_days,
    )
    assert (copied, kept) == ((4, 365, 30), (2, 180, 90))
    assert "implementation_implementationsettings" not in connection.introspection.table_names()
