"""A transactional test's flush that leaves the reference data in place on PostgreSQL.

When a test with committed data ends (`transaction=True`, the live server, the worker), Django
empties every table, the reference data loaded by the migrations included (regions, countries,
the gazetteer's 160,000 places and names, sectors, affairs), and the next test that needs it
loaded it again: about two seconds of a loaded machine for each such test, flush and reload.

Instead, once the test database is made, the reference tables (and Django's content types and
permissions, which the flush's post_migrate would write again) are copied into a schema of
their own, and a statement-level trigger on each marks it as touched when anything writes to it.
The flush then empties only the other tables (with DELETE, cheaper than TRUNCATE for the few
rows a test leaves); if a test did write to a reference table, the
flush empties every table, as Django does, puts the copy back and clears the marks. So every
test still starts from exactly the migrated reference data, and a test that changes it costs
what every transactional test cost before. On SQLite Django's own flush runs unchanged.
"""

from collections.abc import Callable, Sequence

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.management.commands import flush
from django.db import connection as default_connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model

from mitra.regions.models import Region
from mitra.tenancy.scope import REFERENCE_DATA

SCHEMA = "reference_guard"
KEPT = REFERENCE_DATA | {"contenttypes.ContentType", "auth.Permission"}


def kept_models() -> list[type[Model]]:
    """The kept models, and the link tables that join only kept models."""
    models = [apps.get_model(label) for label in sorted(KEPT)]
    for model in list(models):
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created and field.related_model in models:
                models.append(through)
    return models


def _quoted(model: type[Model], connection: BaseDatabaseWrapper) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def install(connection: BaseDatabaseWrapper = default_connection) -> None:
    """Copy the kept tables and put the triggers on them (again, if the database is reused)."""
    if connection.vendor != "postgresql":
        return
    if not Region.objects.exists():  # a reused database, flushed by an older run
        call_command("load_refdata", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(f"""
            DROP SCHEMA IF EXISTS {SCHEMA} CASCADE;
            CREATE SCHEMA {SCHEMA};
            CREATE TABLE {SCHEMA}.touched (name text PRIMARY KEY);
            CREATE FUNCTION {SCHEMA}.mark() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO {SCHEMA}.touched VALUES (TG_TABLE_NAME) ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
        """)  # noqa: S608 (the names of this module, no input)
        for model in kept_models():
            table = _quoted(model, connection)
            cursor.execute(f"""
                CREATE TABLE {SCHEMA}.{table} AS TABLE {table};
                CREATE TRIGGER reference_guard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
                    ON {table} FOR EACH STATEMENT EXECUTE FUNCTION {SCHEMA}.mark();
            """)


def _installed(connection: BaseDatabaseWrapper) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [f"{SCHEMA}.touched"])
        return bool(cursor.fetchone()[0])


def _touched(connection: BaseDatabaseWrapper) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT EXISTS (SELECT FROM {SCHEMA}.touched)")  # noqa: S608
        return bool(cursor.fetchone()[0])


def guarded_sql_flush(
    style: object,
    connection: BaseDatabaseWrapper,
    reset_sequences: bool = True,
    allow_cascade: bool = False,
) -> Sequence[str]:
    if connection.vendor != "postgresql" or not _installed(connection):
        return _django_sql_flush(style, connection, reset_sequences, allow_cascade)
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    models = kept_models()
    if not _touched(connection):
        kept = {model._meta.db_table for model in models}
        emptied = [table for table in tables if table not in kept]
        if reset_sequences:
            return connection.ops.sql_flush(style, emptied, reset_sequences=True)
        # DELETE, not TRUNCATE: a test leaves a few rows in a few tables, and TRUNCATE gives
        # each of the hundred tables and its indexes new files (most of a second). Foreign keys
        # are not checked (triggers off): every table that refers to another is emptied too.
        return [
            "SET LOCAL session_replication_role = replica",
            *(f"DELETE FROM {connection.ops.quote_name(table)}" for table in emptied),  # noqa: S608
            "SET LOCAL session_replication_role = DEFAULT",
        ]
    # A test wrote to the reference data: empty everything, then put the copy back. The copy
    # goes in with triggers off (rows in any order, no marks), and the marks of the TRUNCATE
    # itself are cleared last.
    restore = [
        f"INSERT INTO {_quoted(m, connection)} SELECT * FROM {SCHEMA}.{_quoted(m, connection)}"  # noqa: S608
        for m in models
    ]
    return [
        *connection.ops.sql_flush(style, tables, reset_sequences=reset_sequences),
        "SET LOCAL session_replication_role = replica",
        *restore,
        *connection.ops.sequence_reset_sql(no_style(), models),
        "SET LOCAL session_replication_role = DEFAULT",
        f"DELETE FROM {SCHEMA}.touched",  # noqa: S608
    ]


_django_sql_flush: Callable[..., Sequence[str]] = flush.sql_flush


def enable() -> None:
    """Make Django's flush command (which TransactionTestCase calls) use the guarded flush."""
    flush.sql_flush = guarded_sql_flush
