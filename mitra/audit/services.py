"""Writing the audit trail. Services call these explicitly: no signals, no save() overrides."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.db import models
from django.utils import timezone, translation

from mitra.audit.models import AuditEntry
from mitra.lib import bulk
from mitra.lib.formatting import person
from mitra.lib.tenant_changes import changed

Snapshot = dict[str, Any]
SKIPPED_FIELDS = frozenset({"created_at", "updated_at"})
# Secrets are recorded as changed, never with their value: the trail is readable by many.
SECRET_FIELDS = frozenset({"token", "token_hash", "password", "secret"})
REDACTED = "[hidden]"


def record_key(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def _plain(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def snapshot(obj: models.Model, many: Iterable[str] = ()) -> Snapshot:
    """The record's field values in plain JSON terms, including the named many-to-many fields.

    Related records are kept as their names in the installation's language, so the trail reads
    the same whoever looks at it.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return _snapshot(obj, many)


def _snapshot(obj: models.Model, many: Iterable[str]) -> Snapshot:
    values: Snapshot = {}
    for field in obj._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS:
            continue
        value = getattr(obj, field.attname)
        values[field.name] = REDACTED if field.name in SECRET_FIELDS and value else _plain(value)
    for name in many:
        values[name] = sorted(_name(item) for item in getattr(obj, name).all())
    return values


def _name(record: models.Model) -> str:
    """A related record as the trail keeps it: a person by their name, never the username
    they log in with ("makassar.officer"); a record that says how the trail keeps it
    (`for_trail`, a document's party with its signatory) so; anything else by its own name."""
    if isinstance(record, User):
        return person(record)
    for_trail = getattr(record, "for_trail", None)
    return for_trail() if callable(for_trail) else str(record)


def diff(before: Snapshot, after: Snapshot) -> dict[str, list[object]]:
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def unchanged(
    obj: models.Model,
    before: Snapshot,
    links: Mapping[str, Iterable[models.Model | Any] | None] | None = None,
) -> bool:
    """Whether an edit would change nothing: the values set on `obj` in memory equal `before`
    (its snapshot when loaded), no new file was given, each many-to-many link about to be set
    (None: left as it is) holds the records it holds now. An edit service then saves nothing
    and writes no row, so the record's "last changed" stays true, and tells its caller so; rows
    it replaces (a document's parties) it compares itself, field by field.
    """
    if diff(before, snapshot(obj)):
        return False
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if (
            isinstance(value, models.fields.files.FieldFile)
            and value
            and not getattr(value, "_committed", True)
        ):
            return False
    for name, items in (links or {}).items():
        if items is None:
            continue
        now = set(getattr(obj, name).values_list("pk", flat=True))
        # A link is given as its record or as its key (a sector as its slug).
        if now != {item.pk if isinstance(item, models.Model) else item for item in items}:
            return False
    return True


def _write(
    obj: models.Model,
    action: str,
    changes: dict[str, Any],
    *,
    by: User | AnonymousUser | None,
    tenant: Any = None,
    parent: models.Model | None = None,
) -> AuditEntry:
    if tenant is None:
        tenant = obj if obj._meta.label_lower == "tenancy.tenant" else getattr(obj, "tenant", None)
    entry = AuditEntry.objects.create(
        tenant=tenant,
        user=by if isinstance(by, User) else None,
        action=action,
        record=record_key(obj),
        parent=record_key(parent) if parent is not None else "",
        model_label=obj._meta.label_lower,
        object_repr=str(obj)[:250],
        changes=changes,
        at=timezone.now(),
    )
    changed([entry.tenant_id])  # the tenant's kept figures are computed again
    return entry


def record_created(
    obj: models.Model, *, by: Any, many: Iterable[str] = (), parent: models.Model | None = None
) -> AuditEntry:
    after = snapshot(obj, many)
    changes = {name: [None, value] for name, value in after.items() if value not in (None, "", [])}
    tenant = getattr(parent, "tenant", None) if parent is not None else None
    return _write(obj, AuditEntry.Action.CREATE, changes, by=by, tenant=tenant, parent=parent)


def record_created_in_bulk(
    rows: Sequence[tuple[models.Model, models.Model | None]], *, by: Any
) -> None:
    """`record_created` for many new records at once (the daily run's generated tasks), each
    with its parent: one COPY (PostgreSQL) for all the audit rows."""
    user_id = by.pk if isinstance(by, User) else None
    at = timezone.now()
    entries = []
    with translation.override(settings.LANGUAGE_CODE):
        for obj, parent in rows:
            after = _snapshot(obj, ())
            entries.append(
                {
                    "tenant_id": _tenant_id(obj, parent),
                    "user_id": user_id,
                    "action": AuditEntry.Action.CREATE,
                    "record": record_key(obj),
                    "parent": record_key(parent) if parent is not None else "",
                    "model_label": obj._meta.label_lower,
                    "object_repr": str(obj)[:250],
                    "changes": {k: [None, v] for k, v in after.items() if v not in (None, "", [])},
                    "at": at,
                }
            )
    bulk.write(AuditEntry, entries)
    changed(_tenant_id(obj, parent) for obj, parent in rows)


def _tenant_id(obj: models.Model, parent: models.Model | None) -> int | None:
    """Whose row it is, as `_write` decides: the parent's tenant, else the record's own."""
    tenant_id = getattr(parent, "tenant_id", None) if parent is not None else None
    if tenant_id is None:
        is_tenant = obj._meta.label_lower == "tenancy.tenant"
        tenant_id = obj.pk if is_tenant else getattr(obj, "tenant_id", None)
    return tenant_id


def record_updated(
    obj: models.Model,
    before: Snapshot,
    *,
    by: Any,
    many: Iterable[str] = (),
    parent: models.Model | None = None,
) -> AuditEntry | None:
    """Write an update row with the fields that changed; nothing when nothing did."""
    changes = diff(before, snapshot(obj, many))
    if not changes:
        return None
    tenant = getattr(parent, "tenant", None) if parent is not None else None
    return _write(obj, AuditEntry.Action.UPDATE, changes, by=by, tenant=tenant, parent=parent)


def void(obj: Any, *, by: Any, reason: str, parent: models.Model | None = None) -> AuditEntry:
    """Void a `Voidable` record (its `voided_at`, `voided_by`, `void_reason`) and write a "voided"
    row with the reason, before -> after. The caller checks that the reason is given."""
    before = snapshot(obj)
    obj.voided_at = timezone.now()
    obj.voided_by = by if isinstance(by, User) else None
    obj.void_reason = reason.strip()
    obj.save(update_fields=["voided_at", "voided_by", "void_reason"])
    changes = diff(before, snapshot(obj))
    tenant = getattr(parent, "tenant", None) if parent is not None else None
    return _write(obj, AuditEntry.Action.VOID, changes, by=by, tenant=tenant, parent=parent)


def record_deleted(obj: models.Model, *, by: Any, parent: models.Model | None = None) -> AuditEntry:
    tenant = getattr(parent, "tenant", None) if parent is not None else None
    return _write(obj, AuditEntry.Action.DELETE, snapshot(obj), by=by, tenant=tenant, parent=parent)


def record_lockout(
    *, username: str, address: str, user: User | None, path: str, within: timedelta | None
) -> AuditEntry | None:
    """One row when logging in is locked for an account or an address, in the account's tenant.

    Refused attempts during the same lockout add no further row.
    """
    record = record_key(user) if user is not None else f"auth.user:{username[:80]}"
    if within is not None:
        recent = AuditEntry.objects.filter(
            action=AuditEntry.Action.LOCKOUT, record=record, at__gte=timezone.now() - within
        )
        if any(entry.changes.get("address") == [None, address] for entry in recent):
            return None
    membership = user.memberships.select_related("tenant").first() if user is not None else None
    return AuditEntry.objects.create(
        tenant=membership.tenant if membership is not None else None,
        user=None,  # nobody signed in: the attempts were anonymous
        action=AuditEntry.Action.LOCKOUT,
        record=record,
        model_label="auth.user",
        object_repr=username[:250],
        changes={"address": [None, address], "path": [None, path[:200]]},
        at=timezone.now(),
    )


def trail_for(obj: models.Model) -> models.QuerySet[AuditEntry]:
    """Entries about the record itself and about records that belong to it."""
    key = record_key(obj)
    return AuditEntry.objects.filter(models.Q(record=key) | models.Q(parent=key)).select_related(
        "user"
    )
