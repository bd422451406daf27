"""Copy each record's tenant from its parent: one UPDATE per table, parents first."""

from django.db import migrations
from django.db.models import OuterRef, Subquery

# (model, parent's app, parent model, the field leading to the parent), parents before children.
CHILDREN = [
    ('plannedsigning', 'events', 'event', 'event'),
    ('eventcooperation', 'events', 'event', 'event'),
]


def backfill(apps, schema_editor):
    for model_name, parent_app, parent_name, field in CHILDREN:
        model = apps.get_model("events", model_name)
        parent = apps.get_model(parent_app, parent_name)
        tenant = parent._base_manager.filter(pk=OuterRef(field)).values("tenant_id")[:1]
        model._base_manager.filter(tenant=None).update(tenant_id=Subquery(tenant))


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0007_add_tenant_to_children"),
        ('cooperations', '0010_backfill_tenants'),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
