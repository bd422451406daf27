"""A tenant's change count, and the figures a process keeps for the tenant until it changes.

Every write to a tenant's data records an audit row or a history row (the house rule); their
writers call `changed`, which bumps the tenant's `changes` once the transaction has committed.
The count is read with the membership at the start of every request, so a costly page (the
dashboard) keeps its figures in the process under the count it read (`remembered`): a write
made through any server bumps the count in the database, and every server then computes the
figures again. The count is read before the figures: a write committing in between leaves
newer figures under the older count, never older figures under the newer one.
"""

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from functools import partial
from threading import Lock
from typing import Any, Protocol, cast

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import F


class Counted(Protocol):
    """A tenant, as far as keeping its figures goes (the model lives in a layer above)."""

    pk: Any
    changes: int


# Entries a process keeps: a few pages for each tenant active on the server at once.
KEPT = 512

_kept: OrderedDict[Hashable, object] = OrderedDict()
_lock = Lock()


def changed(tenant_ids: Iterable[int | None]) -> None:
    """Bump the tenants' change counts once the current transaction commits (at once outside
    one). After the commit, so that it holds no lock on the tenant's row while the write runs."""
    ids = sorted({pk for pk in tenant_ids if pk is not None})
    if ids:
        transaction.on_commit(partial(_bump, ids))


def _bump(ids: list[int]) -> None:
    tenants = apps.get_model("tenancy", "Tenant")
    tenants.objects.filter(pk__in=ids).update(changes=F("changes") + 1)


def remembered[T](tenant: Counted, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, kept in this process for the tenant until its change count moves. The key
    names everything else the value depends on (the page, the day, the language)."""
    if not settings.MITRA_REMEMBER_FIGURES:
        return compute()
    full = (tenant.pk, tenant.changes, key)
    with _lock:
        if full in _kept:
            _kept.move_to_end(full)
            return cast(T, _kept[full])
    value = compute()
    with _lock:
        _kept[full] = value
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return value


def forget() -> None:
    """Drop every kept value (tests)."""
    with _lock:
        _kept.clear()
