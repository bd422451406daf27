"""Filling records with marker strings, including records of models this app does not know.

`mark` sets every free-text field of a record to a marker. `mark_the_rest` finds every model that
points (directly or through another such model) at a cooperation or a partner and creates one
record of it, every field filled, all texts markers: a model added later is covered without
anyone remembering to extend the privacy test.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.auth.models import User
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from mitra.cooperations.models import Cooperation
from mitra.partners.models import Country, Partner
from mitra.tenancy.models import Tenant

MARKER = "SECRET-MARKER"
ROOTS = (Cooperation, Partner)
# Public by design: the portal's own text. Checked by the test that published fields appear.
PUBLIC_MODELS = {"portal.publication", "portal.portalpage"}
# Shared reference data (gazetteers, countries, sectors) is never made up.
REFERENCE_APPS = {"regions", "partners", "auth", "tenancy", "contenttypes"}


def marker_for(obj_or_model: Any, field: Any) -> str:
    label = f"{MARKER}-{obj_or_model._meta.label_lower}-{field.name}"
    return label[: field.max_length] if field.max_length else label


def mark(obj, *, keep=()):
    """Set every free-text field (no choices) and file name of `obj` to a marker, and save."""
    for field in obj._meta.concrete_fields:
        if field.name in keep or field.primary_key or field.choices:
            continue
        if isinstance(field, models.FileField):
            setattr(obj, field.attname, f"private/{marker_for(obj, field)}.pdf")
        elif isinstance(field, models.CharField | models.TextField):
            setattr(obj, field.attname, marker_for(obj, field))
    obj.save()
    return obj


def linked_models() -> set[type[models.Model]]:
    """Models pointing at a cooperation or partner, or at such a model, transitively."""
    found: set[type[models.Model]] = set(ROOTS)
    while True:
        more = {
            model
            for model in apps.get_models()
            if model not in found
            and any(
                f.is_relation and not f.auto_created and f.related_model in found
                for f in model._meta.get_fields()
            )
        }
        if not more:
            return found - set(ROOTS) - _link_tables()
        found |= more


def _link_tables() -> set[type[models.Model]]:
    """The link models of many-to-many fields (they hold only their two keys and the tenant):
    `_create` fills them through the fields, as it did when they were Django's own tables."""
    return {
        field.remote_field.through
        for model in apps.get_models()
        for field in model._meta.local_many_to_many
    }


def _value(model, field, made):
    if field.choices:
        return field.get_default() if field.has_default() else field.choices[0][0]
    if isinstance(field, models.FileField):
        return f"private/{marker_for(model, field)}.pdf"
    if isinstance(field, models.CharField | models.TextField):
        return marker_for(model, field)
    if isinstance(field, models.BooleanField):
        return field.get_default()
    if isinstance(field, models.DateTimeField):
        return timezone.now()
    if isinstance(field, models.DateField):
        return date(2024, 1, 1)
    if isinstance(field, models.DecimalField):
        return Decimal(1)
    if isinstance(field, models.IntegerField | models.FloatField):
        return 1
    if isinstance(field, models.JSONField):
        return {"note": marker_for(model, field)}
    if field.has_default() or field.null:
        return field.get_default()
    raise LookupError(f"no value for {model._meta.label}.{field.name}")


def _target(field, made, making):
    related = field.related_model
    if related in made:
        return made[related]
    if related is Country:
        return Country.objects.get(code="KR")
    if field.null:
        return None
    if related not in making and related._meta.app_label not in REFERENCE_APPS:
        made[related] = _create(related, made, making)  # a record it needs, such as a news item
        return made[related]
    raise LookupError(f"no {related._meta.label} for {field.model._meta.label}.{field.name}")


def _create(model, made, making=frozenset()):
    """A record with every field filled; failing a constraint, one with the optional ones empty."""
    making = making | {model}
    values: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if (
            field.primary_key
            or getattr(field, "auto_now", False)
            or getattr(field, "auto_now_add", False)
        ):
            continue
        if field.is_relation:
            values[field.name] = _target(field, made, making)
        else:
            values[field.name] = _value(model, field, made)
    try:
        with transaction.atomic():
            obj = model.objects.create(**values)
    except IntegrityError:
        optional = {f.name for f in model._meta.concrete_fields if f.null and not f.is_relation}
        obj = model.objects.create(**{k: None if k in optional else v for k, v in values.items()})
    for field in model._meta.many_to_many:
        if field.related_model in made:
            links = {"tenant_id": obj.tenant_id} if hasattr(obj, "tenant_id") else {}
            getattr(obj, field.name).add(made[field.related_model], through_defaults=links)
    return obj


def mark_the_rest(made: dict[type[models.Model], models.Model]) -> list[str]:
    """Create one marked record of every linked model not yet in `made`; their labels."""
    tables = set(connection.introspection.table_names())  # a model still without migration waits
    pending = [
        m
        for m in linked_models()
        if m not in made and m._meta.label_lower not in PUBLIC_MODELS and m._meta.db_table in tables
    ]
    created: list[str] = []
    while pending:
        progress = False
        for model in list(pending):
            try:
                made[model] = _create(model, made)
            except LookupError:
                continue
            pending.remove(model)
            created.append(model._meta.label_lower)
            progress = True
        if not progress:
            raise AssertionError(
                f"The privacy test cannot make records of {sorted(m._meta.label for m in pending)}: "
                "create them in mark_everything_around."
            )
    return created


def references(tenant: Tenant, user: User) -> dict[type[models.Model], models.Model]:
    return {Tenant: tenant, User: user}
