import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_add_calendar_feed'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(
            model_name='calendarfeed',
            old_name='token',
            new_name='token_hash',
        ),
        migrations.AlterField(
            model_name='calendarfeed',
            name='token_hash',
            field=models.CharField(max_length=64, unique=True, verbose_name='token hash'),
        ),
        migrations.AddField(
            model_name='calendarfeed',
            name='created_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='made by'),
        ),
    ]
