"""Load the committed countries, country aliases and world-cities gazetteer into the database.

Called by the `0002_backfill_countries_and_places` migration with the historical app registry
and by the `load_refdata` command with the real one, so it only reaches models through
`apps.get_model`. Running it again updates countries and places in place (partners refer to
them, so nothing is deleted), rebuilds the country alias keys and brings the place-name keys
in line with the file.

The gazetteer is about 34,000 places and 124,000 names. Building that many model instances for
`bulk_create` takes over ten seconds, so places and their names go in as raw rows
(`insert_rows`): `executemany` on SQLite, COPY on PostgreSQL.
"""

import csv
import gzip
from collections.abc import Iterator, Sequence
from itertools import batched
from pathlib import Path

from django.apps.registry import Apps
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from mitra.lib.text import fold

DATA_DIR = Path(__file__).resolve().parent / "data"
DELETE_BATCH_SIZE = 500
COUNTRY_FIELDS = ["alpha3", "numeric", "name_id", "name_en"]
COUNTRY_FIELDS += ["diplomatic_relations", "cooperation_blocked"]
PLACE_FIELDS = ["geonameid", "name", "country", "admin1", "latitude", "longitude", "population"]

type Row = tuple[int | float | str, ...]


def read_rows(filename: str) -> Iterator[dict[str, str]]:
    with (DATA_DIR / filename).open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def database(schema_editor: BaseDatabaseSchemaEditor | None) -> str:
    return schema_editor.connection.alias if schema_editor else DEFAULT_DB_ALIAS


def load_countries(
    apps: Apps, schema_editor: BaseDatabaseSchemaEditor | None = None
) -> dict[str, int]:
    """Insert or update every ISO 3166-1 country, then rebuild the alias keys; return counts."""
    country_model = apps.get_model("partners", "Country")
    alias_model = apps.get_model("partners", "CountryAlias")
    countries = [
        country_model(
            code=row["code"],
            alpha3=row["alpha3"],
            numeric=row["numeric"],
            name_id=row["name_id"],
            name_en=row["name_en"],
            diplomatic_relations=row["diplomatic_relations"] == "true",
            cooperation_blocked=row["cooperation_blocked"] == "true",
        )
        for row in read_rows("countries.csv")
    ]
    aliases = [
        alias_model(country_id=row["country"], alias=row["alias"], key=fold(row["alias"]))
        for row in read_rows("country_aliases.csv")
    ]
    using = database(schema_editor)
    with transaction.atomic(using=using):
        country_model.objects.using(using).bulk_create(
            countries,
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=COUNTRY_FIELDS,
        )
        alias_model.objects.using(using).all().delete()
        alias_model.objects.using(using).bulk_create(aliases)
    return {"countries": len(countries), "country aliases": len(aliases)}


def load_places(
    apps: Apps, schema_editor: BaseDatabaseSchemaEditor | None = None
) -> dict[str, int]:
    """Insert or update the GeoNames places and bring their name keys in line; return counts.

    Countries must be loaded first.
    """
    place_model = apps.get_model("partners", "Place")
    name_model = apps.get_model("partners", "PlaceName")
    places, names = place_and_name_rows()
    using = database(schema_editor)
    with transaction.atomic(using=using):
        insert_rows(place_model, PLACE_FIELDS, places, using=using, update=True)
        changed = sync_place_names(name_model, names, using=using)
    return {"places": len(places), "place names": len(names), "place names changed": changed}


def sync_place_names(name_model: type[models.Model], wanted: list[Row], *, using: str) -> int:
    """Delete the (place, key) rows no longer wanted and insert the new ones; return how many.

    Rewriting all names on every refresh would churn 124,000 rows through five indexes.
    """
    manager = name_model._default_manager.using(using)
    existing = {(place, key): pk for pk, place, key in manager.values_list("pk", "place", "key")}
    wanted_set = set(wanted)
    stale = [pk for pair, pk in existing.items() if pair not in wanted_set]
    for batch in batched(stale, DELETE_BATCH_SIZE):
        manager.filter(pk__in=batch).delete()
    missing = [pair for pair in wanted if pair not in existing]
    insert_rows(name_model, ["place", "key"], missing, using=using)
    return len(stale) + len(missing)


def place_and_name_rows() -> tuple[list[Row], list[Row]]:
    """Rows for PLACE_FIELDS and for (place, key): the folded name, then the alternates."""
    places: list[Row] = []
    names: list[Row] = []
    with gzip.open(DATA_DIR / "places.csv.gz", "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        if (header := next(reader)) != [*PLACE_FIELDS, "names"]:
            raise ValueError(f"Unexpected columns in places.csv.gz: {header}")
        for geonameid, name, country, admin1, lat, lon, population, alternates in reader:
            place = int(geonameid)
            places.append((place, name, country, admin1, float(lat), float(lon), int(population)))
            keys = dict.fromkeys([fold(name), *alternates.split("|")])
            names += [(place, key) for key in keys if key]
    return places, names


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[Row],
    *,
    using: str,
    update: bool = False,
) -> None:
    """INSERT rows of raw values into the model's table, bypassing model instances.

    With `update`, the first field is the primary key and existing rows are updated. On
    PostgreSQL the rows travel by COPY, since psycopg's client-side parameter binding (Django's
    default) spends seconds on a few hundred thousand parameters.
    """
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = [quote(column(model, name)) for name in fields]
    conflict = ""
    if update:
        assignments = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns[1:])
        conflict = f" ON CONFLICT ({columns[0]}) DO UPDATE SET {assignments}"
    if connection.vendor == "postgresql":
        copy_rows(connection, table, columns, rows, conflict)
        return
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}){conflict}"  # noqa: S608 (quoted model identifiers)
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def column(model: type[models.Model], field_name: str) -> str:
    field = model._meta.get_field(field_name)
    if not isinstance(field, models.Field) or not field.column:
        raise ValueError(f"{model.__name__}.{field_name} has no column")
    return field.column


def copy_rows(
    connection: BaseDatabaseWrapper,
    table: str,
    columns: list[str],
    rows: Sequence[Row],
    conflict: str,
) -> None:
    """COPY rows into the table, through a temporary table when rows may already exist."""
    column_list = ", ".join(columns)
    target = connection.ops.quote_name("refdata_rows") if conflict else table
    with connection.cursor() as cursor:
        if conflict:
            cursor.execute(
                f"CREATE TEMPORARY TABLE {target} AS SELECT {column_list} FROM {table} WITH NO DATA"  # noqa: S608 (quoted model identifiers)
            )
        with cursor.cursor.copy(f"COPY {target} ({column_list}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        if conflict:
            cursor.execute(
                f"INSERT INTO {table} ({column_list}) SELECT {column_list} FROM {target}{conflict}"  # noqa: S608 (quoted model identifiers)
            )
            cursor.execute(f"DROP TABLE {target}")
