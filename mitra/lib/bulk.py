"""Writing many rows fast: `COPY` on PostgreSQL, `bulk_create` elsewhere (SQLite in tests).

For the synthetic national data and the daily run's reminders. `bulk_create` builds a model
instance for every row and compiles an INSERT for every batch (with each value quoted by the
driver in Python): for the millions of rows of a national run that Python work took most of the
twenty minutes, and most of the time of the 260,000 reminders of a first daily run. Here a
row is a plain dict of attribute names (`tenant_id`, `title` ...) or a model instance already
built; a field left out takes its model default, an `auto_now`/`auto_now_add` field the time of
the write. Rows that others point at get their primary keys first (`mitra.lib.keys`), from the
table's own sequence, so the rows pointing at them can be drawn before anything is written.
"""

import enum
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

BATCH = 2000  # rows per INSERT where COPY is not available

Row = dict[str, Any]


def write(
    model: type[models.Model], rows: Sequence[Row], *, ignore_conflicts: bool = False
) -> None:
    """Insert `rows` into `model`'s table, each a dict of attribute names to values; with
    `ignore_conflicts`, rows a unique rule already holds are left out, as `bulk_create` does."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(
            [model(**row) for row in rows], batch_size=BATCH, ignore_conflicts=ignore_conflicts
        )
        return
    fields = [f for f in model._meta.concrete_fields if not _left_to_database(f, rows[0])]
    fill = [_filler(field) for field in fields]
    names = [field.attname for field in fields]
    columns = ", ".join(connection.ops.quote_name(str(field.column)) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    # COPY has no ON CONFLICT: the rows go to a temporary table first, then across in one INSERT.
    target = (
        connection.ops.quote_name(f"bulk_{model._meta.db_table}") if ignore_conflicts else table
    )
    # In one transaction, so that a failure leaves no temporary table behind in the session.
    with transaction.atomic() if ignore_conflicts else nullcontext(), connection.cursor() as cursor:
        if ignore_conflicts:
            cursor.execute(
                f"CREATE TEMPORARY TABLE {target} AS SELECT {columns} FROM {table} WITH NO DATA"  # noqa: S608 (quoted model identifiers)
            )
        with cursor.cursor.copy(f"COPY {target} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [f(row.get(name, _MISSING)) for f, name in zip(fill, names, strict=True)]
                )
        if ignore_conflicts:
            cursor.execute(
                f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {target} "  # noqa: S608 (quoted model identifiers)
                "ON CONFLICT DO NOTHING"
            )
            cursor.execute(f"DROP TABLE {target}")


def write_objects(model: type[models.Model], objects: Iterable[models.Model]) -> None:
    """Insert model instances (their primary keys set from `reserve_ids`) the way `write` does;
    they are then saved instances, as after `bulk_create`."""
    objects = list(objects)
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objects, batch_size=BATCH)
        return
    fields = [field.attname for field in model._meta.concrete_fields]
    write(model, [{name: getattr(obj, name) for name in fields} for obj in objects])
    for obj in objects:
        obj._state.adding, obj._state.db = False, connection.alias


_MISSING = object()
# Fields whose Python values PostgreSQL's driver writes as they are (the rest go through Django).
PLAIN = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.DateField,
    models.BooleanField,
    models.DecimalField,
    models.FloatField,
    models.ForeignKey,
)


def _left_to_database(field: models.Field[Any, Any], first: Row) -> bool:
    """The primary key, unless the rows bring their own, is the table's to number."""
    return field.primary_key and field.attname not in first


def _filler(field: models.Field[Any, Any]) -> Callable[[Any], Any]:
    """How one column's value is made from a row's (`_MISSING` when the row leaves it out)."""
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        default: Callable[[], Any] = timezone.now
    elif field.has_default() and callable(field.default):
        default = field.default
    else:
        constant = field.get_default()
        default = lambda: constant  # noqa: E731
    if not isinstance(field, PLAIN):  # JSON, files ...: Django makes the value the column's
        return lambda value: field.get_db_prep_save(
            default() if value is _MISSING else value, connection
        )

    def fill(value: Any) -> Any:
        if value is _MISSING or (value is None and default is timezone.now):
            return default()
        # A TextChoices member is a str; its plain value is what the column holds.
        return value.value if isinstance(value, enum.Enum) else value

    return fill
