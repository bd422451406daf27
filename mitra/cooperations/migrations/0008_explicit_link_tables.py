"""Django's automatic link tables of the many-to-many fields become explicit models over the
same tables (state only: the tables, their rows and their indexes stay as they are), so that
the next migration can give each link row its tenant."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import mitra.tenancy.models


class Migration(migrations.Migration):

    dependencies = [
        ('cooperations', '0007_document_can_be_voided'),
        ('partners', '0002_backfill_countries_and_places'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CooperationPartner',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('cooperation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cooperations.cooperation')),
                    ('partner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='partners.partner')),
                    ],
                    options={
                        'verbose_name': 'partner of a cooperation',
                        'verbose_name_plural': 'partners of cooperations',
                        'db_table': 'cooperations_cooperation_partners',
                        'unique_together': {('cooperation', 'partner')},
                    },
                ),
                migrations.AlterField(
                    model_name='cooperation',
                    name='partners',
                    field=mitra.tenancy.models.TenantLinks(related_name='cooperations', through='cooperations.CooperationPartner', to='partners.partner', verbose_name='partners'),
                ),
                migrations.CreateModel(
                    name='CooperationSector',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('cooperation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cooperations.cooperation')),
                    ('sector', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cooperations.sector')),
                    ],
                    options={
                        'verbose_name': 'sector of a cooperation',
                        'verbose_name_plural': 'sectors of cooperations',
                        'db_table': 'cooperations_cooperation_sectors',
                        'unique_together': {('cooperation', 'sector')},
                    },
                ),
                migrations.AlterField(
                    model_name='cooperation',
                    name='sectors',
                    field=mitra.tenancy.models.TenantLinks(blank=True, related_name='cooperations', through='cooperations.CooperationSector', to='cooperations.sector', verbose_name='sectors'),
                ),
                migrations.CreateModel(
                    name='CooperationAffair',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('cooperation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cooperations.cooperation')),
                    ('affair', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cooperations.affair')),
                    ],
                    options={
                        'verbose_name': 'government affair of a cooperation',
                        'verbose_name_plural': 'government affairs of cooperations',
                        'db_table': 'cooperations_cooperation_affairs',
                        'unique_together': {('cooperation', 'affair')},
                    },
                ),
                migrations.AlterField(
                    model_name='cooperation',
                    name='affairs',
                    field=mitra.tenancy.models.TenantLinks(blank=True, related_name='cooperations', through='cooperations.CooperationAffair', to='cooperations.affair', verbose_name='government affairs'),
                ),
                migrations.CreateModel(
                    name='CooperationAgency',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('cooperation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cooperations.cooperation')),
                    ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cooperations.agency')),
                    ],
                    options={
                        'verbose_name': 'implementing agency of a cooperation',
                        'verbose_name_plural': 'implementing agencies of cooperations',
                        'db_table': 'cooperations_cooperation_implementing_agencies',
                        'unique_together': {('cooperation', 'agency')},
                    },
                ),
                migrations.AlterField(
                    model_name='cooperation',
                    name='implementing_agencies',
                    field=mitra.tenancy.models.TenantLinks(blank=True, related_name='implemented_cooperations', through='cooperations.CooperationAgency', to='cooperations.agency', verbose_name='implementing agencies'),
                ),
            ],
        ),
    ]
