"""Copy each tenant's implementation settings onto the tenant, before the old model goes."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

FIELDS = ("evaluations_per_year", "renewal_lead_days", "stale_progress_days")


def copy_to_tenants(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    ImplementationSettings = apps.get_model("implementation", "ImplementationSettings")
    Tenant = apps.get_model("tenancy", "Tenant")
    for found in ImplementationSettings.objects.all():
        values = {name: getattr(found, name) for name in FIELDS}
        Tenant.objects.filter(pk=found.tenant_id).update(**values)


class Migration(migrations.Migration):
    dependencies = [
        ("implementation", "0003_backfill_last_activity_on"),
        ("tenancy", "0004_add_implementation_settings"),
    ]

    operations = [migrations.RunPython(copy_to_tenants, migrations.RunPython.noop)]
