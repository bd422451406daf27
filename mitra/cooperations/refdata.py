"""Load the fixed sector tags and the government affairs (urusan) into the database.

Called by the `0002_backfill_sectors_and_affairs` migration with the historical app registry and
by the `load_refdata` command with the real one, so it only reaches models through
`apps.get_model`. Running it again updates rows in place and never deletes any: cooperations
refer to them.
"""

import csv
from pathlib import Path

from django.apps.registry import Apps
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_sectors(
    apps: Apps, schema_editor: BaseDatabaseSchemaEditor | None = None
) -> dict[str, int]:
    """Create one row per `Sector.Slug` choice; return the count.

    The choices are read from the model's field, so a migration sees the list as it was then.
    """
    sector_model = apps.get_model("cooperations", "Sector")
    slugs = [value for value, _label in sector_model._meta.get_field("slug").choices or []]
    using = schema_editor.connection.alias if schema_editor else DEFAULT_DB_ALIAS
    with transaction.atomic(using=using):
        sector_model.objects.using(using).bulk_create(
            [sector_model(slug=slug) for slug in slugs], ignore_conflicts=True
        )
    return {"sectors": len(slugs)}


def load_affairs(
    apps: Apps, schema_editor: BaseDatabaseSchemaEditor | None = None
) -> dict[str, int]:
    """Insert or update the 32 government affairs of UU 23/2014 Pasal 12; return the count."""
    affair_model = apps.get_model("cooperations", "Affair")
    with (DATA_DIR / "affairs.csv").open(encoding="utf-8", newline="") as f:
        affairs = [affair_model(**row) for row in csv.DictReader(f)]
    using = schema_editor.connection.alias if schema_editor else DEFAULT_DB_ALIAS
    with transaction.atomic(using=using):
        affair_model.objects.using(using).bulk_create(
            affairs, update_conflicts=True, unique_fields=["slug"], update_fields=["name", "group"]
        )
    return {"affairs": len(affairs)}
