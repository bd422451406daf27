"""The audit trail ready to show: each entry's changed fields with their labels and values.

Views call `audit_rows` (it looks up, in bulk, the records the foreign keys point to); templates
only loop over the result.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _

from mitra.audit.models import AuditEntry
from mitra.lib.formatting import medium_date, moment, person
from mitra.lib.modelfields import ChoiceListField


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class TrailRow:
    entry: AuditEntry
    changes: list[Change]


# Never worth showing: the row's own key and its tenant.
HIDDEN_FIELDS = frozenset({"id", "tenant"})
Names = dict[tuple[str, object], str]


def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _field(model: type[models.Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _label(field: Any, name: str) -> str:
    if isinstance(field, models.Field):
        return str(field.verbose_name)
    if isinstance(field, models.ForeignObjectRel):  # a reverse relation: a document's parties
        return str(field.related_model._meta.verbose_name_plural)
    return name


def _keyed(field: Any) -> bool:
    """A foreign key: the trail stores its bare key ("7371", 12), shown as the record's name."""
    return isinstance(field, models.ForeignKey)


def _shown(field: Any, value: object, names: Names) -> str:
    """A stored value as the page shows it: a choice's label, never its slug; a related
    record's name, never its key; a date or a moment in the user's language, never ISO; a
    file by its name, never its place in storage ("documents/2026/12/")."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(_shown(field, item, names) for item in value)
    if _keyed(field):
        return names.get((field.related_model._meta.label_lower, value), f"#{value}")
    if isinstance(field, ChoiceListField):
        return field.item_label(value)
    if isinstance(field, models.Field) and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField):
        return _when(str(value), moment, datetime.fromisoformat)
    if isinstance(field, models.DateField):
        return _when(str(value), medium_date, date.fromisoformat)
    if isinstance(field, models.FileField):
        return PurePosixPath(str(value)).name
    return str(value)


def _when[T: date](value: str, shown: Callable[[T], str], parse: Callable[[str], T]) -> str:
    """A date or a moment stored as ISO text, formatted; kept as it is when unreadable."""
    try:
        return shown(parse(value))
    except ValueError:
        return value


def _shown_fields(entry: AuditEntry) -> list[tuple[str, Any, object, object]]:
    model = _model(entry.model_label)
    parent_label = entry.parent.partition(":")[0]
    shown = []
    for name, pair in (entry.changes or {}).items():
        field = _field(model, name)
        is_parent = _keyed(field) and field.related_model._meta.label_lower == parent_label
        if name in HIDDEN_FIELDS or is_parent:
            continue
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        shown.append((name, field, old, new))
    return shown


def _names(rows: list[list[tuple[str, Any, object, object]]]) -> Names:
    """What each numeric foreign key in the trail points to, one query per related model."""
    wanted: dict[type[models.Model], set[object]] = {}
    for fields in rows:
        for _name, field, old, new in fields:
            if _keyed(field):
                wanted.setdefault(field.related_model, set()).update({old, new} - {None})
    names: Names = {}
    for model, keys in wanted.items():
        for pk, obj in model._default_manager.in_bulk(list(keys)).items():
            shown = person(obj) if hasattr(obj, "get_username") else str(obj)
            names[(model._meta.label_lower, pk)] = shown
    return names


def audit_rows(entries: Iterable[AuditEntry]) -> list[TrailRow]:
    """An audit trail ready to show: each entry with its changed fields, labels and values.

    Views call this (it queries the records the foreign keys point to, in bulk); templates
    only loop over the result.
    """
    entries = list(entries)
    fields = [_shown_fields(entry) for entry in entries]
    names = _names(fields)
    return [
        TrailRow(
            entry=entry,
            changes=[
                Change(_label(field, name), _shown(field, old, names), _shown(field, new, names))
                for name, field, old, new in shown
            ],
        )
        for entry, shown in zip(entries, fields, strict=True)
    ]


def record_type(entry: AuditEntry) -> str:
    """What kind of record an audit entry is about ("dokumen", "kontak"), in the user's language."""
    try:
        return str(apps.get_model(entry.model_label)._meta.verbose_name)
    except (LookupError, ValueError):
        return entry.model_label
