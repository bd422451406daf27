from django.db import migrations

from mitra.partners.refdata import load_countries, load_places


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
    ]

    operations = [
        # Countries first: every place refers to its country.
        migrations.RunPython(load_countries, migrations.RunPython.noop),
        migrations.RunPython(load_places, migrations.RunPython.noop),
    ]
