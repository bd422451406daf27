"""Django's automatic link tables of the many-to-many fields become explicit models over the
same tables (state only: the tables, their rows and their indexes stay as they are), so that
the next migration can give each link row its tenant."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import mitra.tenancy.models


class Migration(migrations.Migration):

    dependencies = [
        ('followups', '0005_activity_can_be_voided'),
        ('partners', '0002_backfill_countries_and_places'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ActivityStaff',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('activity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='followups.activity')),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'staff member at an activity',
                        'verbose_name_plural': 'staff members at activities',
                        'db_table': 'followups_activity_staff',
                        'unique_together': {('activity', 'user')},
                    },
                ),
                migrations.AlterField(
                    model_name='activity',
                    name='staff',
                    field=mitra.tenancy.models.TenantLinks(blank=True, related_name='+', through='followups.ActivityStaff', to=settings.AUTH_USER_MODEL, verbose_name='staff present'),
                ),
                migrations.CreateModel(
                    name='ActivityContact',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('activity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='followups.activity')),
                    ('contact', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='partners.contact')),
                    ],
                    options={
                        'verbose_name': 'partner contact at an activity',
                        'verbose_name_plural': 'partner contacts at activities',
                        'db_table': 'followups_activity_partner_contacts',
                        'unique_together': {('activity', 'contact')},
                    },
                ),
                migrations.AlterField(
                    model_name='activity',
                    name='partner_contacts',
                    field=mitra.tenancy.models.TenantLinks(blank=True, related_name='activities', through='followups.ActivityContact', to='partners.contact', verbose_name='partner contacts'),
                ),
            ],
        ),
    ]
