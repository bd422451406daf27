from django.db import migrations

from mitra.regions.refdata import load_regions


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load_regions, migrations.RunPython.noop),
    ]
