"""The audit trail as a page shows it: labels, names and dates in the user's language, never the
codes it stores (issue 14: `science_technology`, `government_capacity` in every change history).
"""

from collections.abc import Iterator
from datetime import date

import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone, translation

from mitra.audit.models import AuditEntry
from mitra.audit.presenter import audit_rows
from mitra.audit.services import trail_for
from mitra.cooperations import services
from mitra.cooperations.models import Cooperation, ObjectOfCooperation, Sector
from mitra.lib.modelfields import ChoiceListField
from tests.factories import make_cooperation


def choice_fields() -> Iterator[tuple[type[models.Model], models.Field]]:  # type: ignore[type-arg]
    """Every field of Mitra's models that stores a code from fixed choices, one or a list."""
    for model in apps.get_models():
        if not model.__module__.startswith("mitra."):
            continue
        for field in model._meta.concrete_fields:
            if field.choices or isinstance(field, ChoiceListField):
                yield model, field


def shown_change(model: type[models.Model], name: str, value: object) -> str:
    """What the trail shows as the new value of one field set to `value`."""
    entry = AuditEntry(
        model_label=model._meta.label_lower,
        action=AuditEntry.Action.UPDATE,
        record=f"{model._meta.label_lower}:1",
        changes={name: [None, value]},
        at=timezone.now(),
    )
    [row] = audit_rows([entry])
    [change] = row.changes
    return change.new


def test_the_fields_with_choices_are_found():
    fields = {f"{model._meta.label}.{field.name}" for model, field in choice_fields()}
    assert fields >= {
        "cooperations.Cooperation.state",
        "cooperations.Cooperation.objects_of_cooperation",
        "staff.StaffProfile.competencies",
    }
    assert len(fields) > 30


def test_no_history_shows_the_code_of_a_choice():
    """Every code of every choice field of every model, as the trail would show it changed."""
    codes_shown = []
    with translation.override("id"):
        for model, field in choice_fields():
            if isinstance(field, ChoiceListField):
                pairs, stored = field.item_choices, lambda code: [code]
            else:
                pairs, stored = field.flatchoices, lambda code: code
            for code, label in pairs:
                shown = shown_change(model, field.name, stored(code))
                if shown != str(label):
                    where = f"{model._meta.label}.{field.name}"
                    codes_shown.append(f"{where}={code!r} shown as {shown!r}")
    assert codes_shown == []


def test_a_list_of_choices_is_shown_as_its_labels_in_the_users_language():
    objects = [ObjectOfCooperation.SCIENCE_TECHNOLOGY, ObjectOfCooperation.GOVERNMENT_CAPACITY]
    with translation.override("id"):
        shown = shown_change(Cooperation, "objects_of_cooperation", objects)
    assert shown == (
        "pengembangan ilmu pengetahuan dan teknologi, "
        "peningkatan kemampuan teknis dan manajemen pemerintahan"
    )


@pytest.mark.usefixtures("production_time_zone")
def test_dates_and_moments_are_shown_as_the_pages_write_them_never_as_iso():
    with translation.override("id"):
        day = shown_change(Cooperation, "start_date", "2026-12-04")
        at = shown_change(Cooperation, "created_at", "2026-12-06T18:33:48.914839+00:00")
    assert day == "4 Des 2026"
    assert at == "7 Des 2026, 01.33 WIB"  # the installation's time zone, Asia/Jakarta


def test_every_file_is_shown_by_its_name_not_its_place_in_storage():
    """A file stored under "documents/2026/12/" shows as its name, for every file field."""
    files = [
        (model, field)
        for model in apps.get_models()
        if model.__module__.startswith("mitra.")
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]
    assert len(files) >= 3
    for model, field in files:
        shown = shown_change(model, field.name, "documents/2026/12/loi-gothenburg.pdf")
        assert shown == "loi-gothenburg.pdf", f"{model._meta.label}.{field.name}"


def test_an_unreadable_stored_date_is_shown_as_it_is():
    assert shown_change(Cooperation, "start_date", "not a date") == "not a date"


@pytest.mark.django_db
def test_a_cooperations_history_names_its_sectors_and_objects(
    tenant, other_tenant, cooperation_officer
):
    coop = make_cooperation(tenant, sectors=["smart_city"])
    services.update_cooperation(
        coop,
        by=cooperation_officer,
        sectors=[Sector.objects.get(slug="smart_city"), Sector.objects.get(slug="education")],
        objects_of_cooperation=[ObjectOfCooperation.SCIENCE_TECHNOLOGY],
        start_date=date(2026, 12, 4),
    )
    make_cooperation(other_tenant, title="Someone else's")
    with translation.override("id"):
        rows = audit_rows(trail_for(coop))
    changed = {c.field: (c.old, c.new) for c in rows[0].changes}
    assert changed == {
        "sektor": ("kota cerdas", "kota cerdas, pendidikan"),
        "objek (KSDPL/KSDLL)": ("—", "pengembangan ilmu pengetahuan dan teknologi"),
        "tanggal mulai": ("—", "4 Des 2026"),
    }
    assert {row.entry.tenant for row in rows} == {tenant}
