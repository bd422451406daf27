"""Django's automatic link tables of the many-to-many fields become explicit models over the
same tables (state only: the tables, their rows and their indexes stay as they are), so that
the next migration can give each link row its tenant."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import mitra.tenancy.models


class Migration(migrations.Migration):

    dependencies = [
        ('staff', '0001_initial'),
        ('cooperations', '0008_explicit_link_tables'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='StaffSector',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('profile', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='staff.staffprofile', db_column='staffprofile_id')),
                    ('sector', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cooperations.sector')),
                    ],
                    options={
                        'verbose_name': 'sector of a staff member',
                        'verbose_name_plural': 'sectors of staff members',
                        'db_table': 'staff_staffprofile_sectors',
                        'unique_together': {('profile', 'sector')},
                    },
                ),
                migrations.AlterField(
                    model_name='staffprofile',
                    name='sectors',
                    field=mitra.tenancy.models.TenantLinks(blank=True, related_name='+', through='staff.StaffSector', to='cooperations.sector', verbose_name='sectors'),
                ),
            ],
        ),
    ]
