from django.db import migrations

from mitra.cooperations.refdata import load_affairs, load_sectors


class Migration(migrations.Migration):
    dependencies = [
        ("cooperations", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load_sectors, migrations.RunPython.noop),
        migrations.RunPython(load_affairs, migrations.RunPython.noop),
    ]
