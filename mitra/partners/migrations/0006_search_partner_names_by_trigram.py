from django.db import migrations

from mitra.lib.search_indexes import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("partners", "0005_require_tenant")]

    operations = [
        trigram_indexes(("partners_partner", "name"), ("partners_partneralias", "alias")),
    ]
