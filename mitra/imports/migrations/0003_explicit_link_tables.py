"""Django's automatic link tables of the many-to-many fields become explicit models over the
same tables (state only: the tables, their rows and their indexes stay as they are), so that
the next migration can give each link row its tenant."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import mitra.tenancy.models


class Migration(migrations.Migration):

    dependencies = [
        ('imports', '0002_validate_uploads'),
        ('cooperations', '0008_explicit_link_tables'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ImportedCooperation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('run', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='imports.importrun', db_column='importrun_id')),
                    ('cooperation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cooperations.cooperation')),
                    ],
                    options={
                        'verbose_name': 'imported cooperation',
                        'verbose_name_plural': 'imported cooperations',
                        'db_table': 'imports_importrun_cooperations',
                        'unique_together': {('run', 'cooperation')},
                    },
                ),
                migrations.AlterField(
                    model_name='importrun',
                    name='cooperations',
                    field=mitra.tenancy.models.TenantLinks(blank=True, related_name='import_runs', through='imports.ImportedCooperation', to='cooperations.cooperation', verbose_name='cooperations created'),
                ),
            ],
        ),
    ]
