"""Django's automatic link tables of the many-to-many fields become explicit models over the
same tables (state only: the tables, their rows and their indexes stay as they are), so that
the next migration can give each link row its tenant."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import mitra.tenancy.models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0005_planned_signing_can_be_voided'),
        ('cooperations', '0008_explicit_link_tables'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='EventCooperation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='events.event')),
                    ('cooperation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cooperations.cooperation')),
                    ],
                    options={
                        'verbose_name': 'cooperation of an event',
                        'verbose_name_plural': 'cooperations of events',
                        'db_table': 'events_event_cooperations',
                        'unique_together': {('event', 'cooperation')},
                    },
                ),
                migrations.AlterField(
                    model_name='event',
                    name='cooperations',
                    field=mitra.tenancy.models.TenantLinks(blank=True, related_name='scheduled_events', through='events.EventCooperation', to='cooperations.cooperation', verbose_name='cooperations'),
                ),
            ],
        ),
    ]
