"""Formatting for Mitra's templates: state badges, dates in the user's language, audit changes.

Templates hold only `if`, `for` and `include`; anything that needs a decision or a lookup to
display a value lives here, so it is written once and tested once.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal
from django import template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from mitra.audit.models import AuditEntry
from mitra.cooperations import workflow
from mitra.cooperations.models import (
    Cooperation,
    CooperationEvent,
    ObjectOfCooperation,
)

register = template.Library()

State = Cooperation.State


# Which colour a state's badge gets: stopped (red), held or lapsing (amber), running (green);
# every procedure step not named here is "in progress" (blue).
@register.filter
def state_tone(state: str) -> str:
    """The CSS modifier of a state's badge: `badge--hold`, `badge--stopped` ..."""
    facts = workflow.STATES.get(state)
    return f"badge--{facts.tone if facts else workflow.Tone.PROGRESS}"


@register.filter
def state_label(state: str) -> str:
    """A state slug in the user's language; an unknown or empty slug is shown as it is."""
    try:
        return str(State(state).label)
    except ValueError:
        return state


@register.filter
def kind_abbreviation(kind: str) -> str:
    """KSDD, KSDPK, KSDPL or KSDLL."""
    return workflow.abbreviation(kind)


@register.filter
def object_labels(slugs: list[str]) -> list[str]:
    """The objects of a KSDPL/KSDLL (stored as slugs) in the user's language."""
    labels = dict(ObjectOfCooperation.choices)
    return [str(labels.get(slug, slug)) for slug in slugs or []]


def _locale() -> str:
    return to_locale(get_language() or "id")


@register.filter
def long_date(value: date | None) -> str:
    """ "19 Desember 2014" / "December 19, 2014"; empty for no date."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return str(format_date(value, "long", locale=_locale()))


@register.filter
def medium_date(value: date | datetime | None) -> str:
    """ "19 Des 2014" / "Dec 19, 2014": compact enough for a table column."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return str(format_date(value, "medium", locale=_locale()))


@register.filter
def moment(value: datetime | None) -> str:
    """A point in time in local time in the active language ("19 Des 2014, 14.05")."""
    if value is None or value == "":
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    day = format_date(local, "medium", locale=_locale())
    return f"{day}, {format_time(local, 'short', locale=_locale())}"


@register.filter
def month_year(value: date | None) -> str:
    """ "Desember 2014" / "December 2014": a month heading."""
    if value is None or value == "":
        return ""
    return str(format_date(value, "LLLL y", locale=_locale()))


@register.filter
def number(value: float | int | str | None, digits: int = 0) -> str:
    """A number with the active language's separators: "1.250,5" / "1,250.5"; empty for none.

    `digits` is the most fraction digits shown; trailing zeros are dropped.
    """
    if value is None or value == "":
        return ""
    pattern = "#,##0" + (("." + "#" * int(digits)) if int(digits) > 0 else "")
    return str(format_decimal(value, format=pattern, locale=_locale()))


@register.filter
def rupiah(value: float | int | str | None) -> str:
    """An amount in rupiah: "Rp1.250.000" / "IDR 1,250,000"; empty for none."""
    if value is None or value == "":
        return ""
    return str(format_currency(value, "IDR", "¤#,##0", locale=_locale(), currency_digits=False))


@register.filter
def person(user: models.Model | None) -> str:
    """A user's full name, else the username; "system" when no one (a command or import)."""
    if user is None:
        return _("system")
    full_name = getattr(user, "get_full_name", lambda: "")()
    return str(full_name or getattr(user, "username", user))


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
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(_shown(field, item, names) for item in value)
    if _keyed(field):
        return names.get((field.related_model._meta.label_lower, value), f"#{value}")
    if isinstance(field, models.Field) and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        try:
            return long_date(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    return str(value)


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


@register.filter
def record_type(entry: AuditEntry) -> str:
    """What kind of record an audit entry is about ("dokumen", "kontak"), in the user's language."""
    try:
        return str(apps.get_model(entry.model_label)._meta.verbose_name)
    except (LookupError, ValueError):
        return entry.model_label


@dataclass(frozen=True)
class ProgressStep:
    """One step of a progress bar: its state slug and label, and `done`, `current`, `halted`
    (where a cooperation now off the main line stopped) or `upcoming`."""

    state: str
    label: str
    status: str


def last_step_reached(steps: Sequence[str], events: Iterable[CooperationEvent]) -> str:
    """The latest main-line step in a history given newest first; empty when there is none."""
    return next((event.target for event in events if event.target in steps), "")


def procedure_progress(steps: Sequence[str], state: str, reached: str = "") -> list[ProgressStep]:
    """The main line of a procedure with each step's place relative to the cooperation.

    A cooperation on the line is `current` at its state. Off the line (on hold, dormant,
    rejected ...) `reached` is the step it was on last, shown `halted`; without one, every step
    is `upcoming`.
    """
    anchor = state if state in steps else reached
    position = list(steps).index(anchor) if anchor in steps else -1
    here = "current" if state in steps else "halted"
    return [
        ProgressStep(
            step,
            state_label(step),
            "done" if index < position else here if index == position else "upcoming",
        )
        for index, step in enumerate(steps)
    ]
