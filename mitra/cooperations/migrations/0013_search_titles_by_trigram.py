from django.db import migrations

from mitra.lib.search_indexes import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("cooperations", "0012_add_tkksd_consideration")]

    operations = [
        trigram_indexes(
            ("cooperations_cooperation", "title"),
            ("cooperations_cooperation", "summary"),
        ),
    ]
