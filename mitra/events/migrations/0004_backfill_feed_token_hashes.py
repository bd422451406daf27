"""Hash the calendar feeds' tokens stored in plain text, so the addresses people use keep working.

The tokens are random (`secrets.token_urlsafe(32)`, 43 characters), so a stored value of 64 hex
digits is already a hash. Who made each feed comes from its audit row, so a feed dies with its
maker's membership like the ones made from now on.
"""

import hashlib

from django.db import migrations


def hash_tokens(apps, schema_editor):
    CalendarFeed = apps.get_model("events", "CalendarFeed")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    for feed in CalendarFeed.objects.all():
        fields = []
        if len(feed.token_hash) != 64:
            feed.token_hash = hashlib.sha256(feed.token_hash.encode()).hexdigest()
            fields.append("token_hash")
        if feed.created_by_id is None:
            made = AuditEntry.objects.filter(
                record=f"events.calendarfeed:{feed.pk}", action="create"
            ).first()
            if made is not None and made.user_id is not None:
                feed.created_by_id = made.user_id
                fields.append("created_by")
        if fields:
            feed.save(update_fields=fields)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0003_hash_feed_tokens'),
        ('audit', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
    ]
