"""Load the committed Kemendagri regions and their aliases into the database.

Called by the `0002_backfill_regions` migration with the historical app registry and by the
`load_refdata` command with the real one, so it only reaches models through `apps.get_model`.
Running it again updates rows in place: regions are referenced by tenant data and are never
deleted here; aliases are rebuilt.
"""

import csv
from pathlib import Path

from django.apps.registry import Apps
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from mitra.lib.text import fold

DATA_DIR = Path(__file__).resolve().parent / "data"
BATCH_SIZE = 1000
REGION_FIELDS = ["dotted_code", "name", "type", "province", "capital", "latitude", "longitude"]


def read_rows(filename: str) -> list[dict[str, str]]:
    with (DATA_DIR / filename).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_regions(
    apps: Apps, schema_editor: BaseDatabaseSchemaEditor | None = None
) -> dict[str, int]:
    """Insert or update all 552 regions, then rebuild their lookup keys; return row counts."""
    region_model = apps.get_model("regions", "Region")
    alias_model = apps.get_model("regions", "RegionAlias")
    rows = read_rows("regions.csv")
    regions = [
        region_model(
            code=row["code"],
            dotted_code=row["dotted_code"],
            name=row["name"],
            type=row["type"],
            province_id=row["province"] or None,
            capital=row["capital"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
        )
        for row in rows
    ]
    aliases = [
        alias_model(region_id=code, alias=alias, key=key)
        for (code, key), alias in alias_keys(rows).items()
    ]
    using = schema_editor.connection.alias if schema_editor else DEFAULT_DB_ALIAS
    with transaction.atomic(using=using):
        region_model.objects.using(using).bulk_create(
            regions,
            batch_size=BATCH_SIZE,
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=REGION_FIELDS,
        )
        alias_model.objects.using(using).all().delete()
        alias_model.objects.using(using).bulk_create(aliases, batch_size=BATCH_SIZE)
    return {"regions": len(regions), "region aliases": len(aliases)}


def alias_keys(regions: list[dict[str, str]]) -> dict[tuple[str, str], str]:
    """Each region's own name plus the curated aliases, as {(code, key): alias}."""
    keys = {(row["code"], fold(row["name"])): row["name"] for row in regions}
    for row in read_rows("aliases.csv"):
        keys.setdefault((row["region_code"], fold(row["alias"])), row["alias"])
    return keys
