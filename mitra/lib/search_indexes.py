"""Trigram indexes for the searches that look inside names and titles (`icontains`).

Django writes `title__icontains=x` on PostgreSQL as `UPPER("title"::text) LIKE UPPER('%x%')`; a
GIN index over the same expression with `gin_trgm_ops` (the pg_trgm extension, trusted since
PostgreSQL 13) answers it without reading the whole table. SQLite has no such index: there the
search reads the tenant's rows, which is what an embedded installation holds anyway.

The migrations that add them call `trigram_indexes(...)`; `tests/test_search_uses_indexes.py`
proves on PostgreSQL that each search the pages run can use its index.
"""

from typing import Any

from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations import RunPython


def index_name(table: str, column: str) -> str:
    return f"{table}_{column}_trgm"[:63]


def trigram_indexes(*columns: tuple[str, str]) -> RunPython:
    """A migration operation adding a trigram index on each (table, column), on PostgreSQL only."""

    def forwards(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for table, column in columns:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" ON "{table}" '
                f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
            )

    def backwards(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for table, column in columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{index_name(table, column)}"')

    return RunPython(forwards, backwards, elidable=False)
