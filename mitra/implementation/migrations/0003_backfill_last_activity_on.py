"""Stamp each cooperation with the day of its latest activity in the progress reported on its plan of action."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import Max, Q


def stamp(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    ProgressUpdate = apps.get_model("implementation", "ProgressUpdate")
    Cooperation = apps.get_model("cooperations", "Cooperation")
    latest = (
        ProgressUpdate.objects.values_list("item__cooperation_id")
        .order_by()
        .annotate(day=Max("date"))
    )
    for coop_id, day in latest:
        later = Q(last_activity_on__isnull=True) | Q(last_activity_on__lt=day)
        Cooperation.objects.filter(later, pk=coop_id).update(last_activity_on=day)


class Migration(migrations.Migration):
    dependencies = [
        ("cooperations", "0006_cooperation_last_activity_on"),
        ("implementation", "0002_validate_uploads"),
    ]

    operations = [migrations.RunPython(stamp, migrations.RunPython.noop)]
