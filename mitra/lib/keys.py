"""Primary keys reserved before rows are written in bulk.

Django's `bulk_create(ignore_conflicts=True)` sets no primary key, so a bulk insert that skips
rows another run wrote first cannot tell which rows are its own; and rows that point at each
other need their keys before either is written. Keys taken from the table's own sequence
(PostgreSQL) are never handed out twice, so the rows found afterwards under the reserved keys
are exactly the rows this transaction wrote.
"""

from django.db import connection, models


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` primary keys no row of `model` has, for rows the caller writes next in the same
    transaction (on SQLite they are only free until then: write them before reserving more)."""
    if count == 0:
        return []
    table, pk = model._meta.db_table, str(model._meta.pk.column)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk, count],
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite: a transaction holds the database's write lock from its start (Mitra opens them
        # IMMEDIATE), so no other connection writes before these keys are used.
        quoted = connection.ops.quote_name
        cursor.execute(f"SELECT COALESCE(MAX({quoted(pk)}), 0) FROM {quoted(table)}")  # noqa: S608
        highest = cursor.fetchone()[0]
    return list(range(highest + 1, highest + 1 + count))
