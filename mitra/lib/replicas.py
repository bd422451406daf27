"""Reads of read-only requests from a streaming replica; everything else from the primary.

Installed by `config/settings.py` only when `DATABASE_REPLICA_URL` is set (the `replica`
database). The middleware marks a GET or HEAD request as one whose reads may go to the replica;
the router sends them there while no transaction is open and nothing has been written in the
request. Writes, transactions, POSTs, commands and the worker always use the primary.

Reading your own writes: a request that writes (a form post, or a GET that saved something)
leaves a cookie that sends the same browser's reads to the primary for the next
`DATABASE_REPLICA_MAX_LAG` seconds. The replica is read only while it is at most that far
behind, so once the cookie expires the replica has the write. A replica that is down, cut off
from its primary or lagging is skipped for the request, which reads the primary instead.
"""

import contextlib
import logging
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
COOKIE = "mitra_primary_until"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Seconds the replica is behind the primary: 0 when it has replayed all it received; NULL (too
# far) when no WAL receiver runs, i.e. it is cut off and cannot know. Not in recovery: a primary.
LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN NOT EXISTS (SELECT FROM pg_stat_wal_receiver) THEN NULL
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())
END
"""

logger = logging.getLogger(__name__)


@dataclass
class _Reads:
    """The current request's reads: whether they may use the replica, and what was decided."""

    replica_allowed: bool
    alias: str | None = None  # chosen at the first read, after asking the replica its lag
    wrote: bool = False


_request_reads: ContextVar[_Reads | None] = ContextVar("mitra_request_reads", default=None)


def max_lag() -> int:
    return int(settings.MITRA_REPLICA_MAX_LAG)


def replica_lag() -> float | None:
    """Seconds the replica is behind, or None when it cannot be read or cannot tell."""
    replica = connections[REPLICA]
    try:
        with replica.cursor() as cursor:
            cursor.execute(LAG_SQL)
            row = cursor.fetchone()
    except DatabaseError as error:
        logger.warning("The read replica cannot be reached; reading the primary: %s", error)
        with contextlib.suppress(DatabaseError):
            replica.close()  # a fresh connection next time, once it is back
        return None
    return None if row is None or row[0] is None else float(row[0])


def _choose_alias() -> str:
    lag = replica_lag()
    return REPLICA if lag is not None and lag <= max_lag() else DEFAULT_DB_ALIAS


class ReplicaRouter:
    """Reads of a read-only request outside a transaction go to the replica; all else to the
    primary. Both hold the same rows, so relations between their objects are allowed."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        reads = _request_reads.get()
        if reads is None or not reads.replica_allowed or reads.wrote:
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        if reads.alias is None:
            reads.alias = _choose_alias()
        return reads.alias

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        reads = _request_reads.get()
        if reads is not None:
            reads.wrote = True  # the rest of the request, and the next ones, read the write
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool:
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == DEFAULT_DB_ALIAS


def _recently_wrote(request: HttpRequest) -> bool:
    try:
        return float(request.COOKIES.get(COOKIE, "0")) > time.time()
    except ValueError:
        return False


class ReadFromReplicaMiddleware:
    """Lets the router read a GET or HEAD request from the replica, unless this browser wrote
    within the last `DATABASE_REPLICA_MAX_LAG` seconds; after a write, sets that window."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reads = _Reads(
            replica_allowed=request.method in SAFE_METHODS and not _recently_wrote(request)
        )
        token = _request_reads.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _request_reads.reset(token)
        if reads.wrote or request.method not in SAFE_METHODS:
            window = max_lag()
            response.set_cookie(
                COOKIE,
                str(int(time.time()) + window + 1),
                max_age=window + 1,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
