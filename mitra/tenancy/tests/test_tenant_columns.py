"""Every tenant-owned table carries its own tenant, so the schema can be distributed by tenant.

A record that belonged to its tenant only through a parent (a document through its cooperation,
a link row through the record it starts from) now has a `tenant` column, set by the service from
the parent; its indexes and unique rules start with it (docs/scaling.md).
"""

import pytest
from django.apps import apps
from django.db import models
from django.db.models import F

from mitra.cooperations.models import CooperationEvent, Document, DocumentParty
from mitra.cooperations.services import PartyInput, attach_document
from mitra.tenancy.models import Tenant
from mitra.tenancy.scope import TENANT_PATHS, TENANT_SOURCES, is_tenant_owned
from tests.factories import make_cooperation, make_partner
from tests.tenant_world import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def tenant(ours: World) -> Tenant:
    return ours.tenant


@pytest.fixture
def other_tenant(theirs: World) -> Tenant:
    return theirs.tenant


# Tenant-owned models whose tenant may stay empty, and why.
MAY_BE_EMPTY: dict[str, str] = {
    "tenancy.Membership": "a central reviewer (Kemendagri) is a member of no tenant",
    "audit.AuditEntry": "a central reviewer's actions and login lockouts belong to no tenant",
    "api.ApiToken": "a central reviewer's token acts for the installation, not for a tenant",
    "reminders.Reminder": "a central reviewer's reminders (review requests waiting) have none",
}

# Indexes and unique rules of tenant-owned models that do not start with the tenant, and why.
ACROSS_TENANTS: dict[str, str] = {
    "tenancy.Membership.membership_one_per_tenant": "a user's roles are found by the user",
    "audit.AuditEntry.record": "a record's trail, central reviewers' rows (no tenant) included",
    "audit.AuditEntry.parent": "the same trail, by the record it belongs to",
    "audit.AuditEntry.at": "the installation's trail, newest first, across tenants",
    "events.CalendarFeed.token_hash": "a feed's address is looked up by its token alone",
    "api.ApiToken.token_hash": "a token is looked up before anybody's tenant is known",
    "followups.Task.due_date": "the daily commands read due tasks of every tenant at once",
    "reviews.ReviewRequest.status_opened_at": "the central reviewer's queue spans all tenants",
    "reviews.ReviewRequest.opened_at": "the same queue, oldest first",
    "reminders.Reminder.due_at_id": "the daily run claims due reminders of every tenant at once",
    "reminders.Reminder.recipient_read_at": "a person's notifications, a central reviewer's too",
    "reminders.Reminder.subject_window": "the daily run finds which of the day's reminders "
    "exist, in every tenant at once",
    "reminders.Reminder.reminder_once_per_window": "once per recipient, who may have no tenant",
    "implementation.IntendedOutput.plan_item": "one output per plan item (a one-to-one field); "
    "a distributed table needs (tenant, plan_item)",
    "portal.Publication.cooperation": "one publication per cooperation (a one-to-one field); "
    "a cooperation never changes tenant, but a distributed table needs (tenant, cooperation)",
}


def _mitra_models() -> list[type[models.Model]]:
    """Every model of Mitra's apps, Django's automatic link tables included."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_config is not None and model._meta.app_config.name.startswith("mitra.")
    ]


def _tenant_field(model: type[models.Model]) -> models.ForeignKey[Tenant, Tenant] | None:
    for field in model._meta.concrete_fields:
        if field.name == "tenant" and isinstance(field, models.ForeignKey):
            return field
    return None


def test_no_many_to_many_field_of_mitra_keeps_an_automatic_link_table():
    """Django's automatic tables have no tenant column: each link table is a model of its own."""
    automatic = [m._meta.label for m in _mitra_models() if m._meta.auto_created]
    assert automatic == []


def test_every_tenant_owned_model_has_its_own_tenant_column():
    missing = [
        label
        for model in _mitra_models()
        if is_tenant_owned(model) and model is not Tenant
        for label in [model._meta.label]
        if _tenant_field(model) is None or _tenant_field(model).related_model is not Tenant
    ]
    assert missing == []


def test_every_tenant_owned_model_requires_its_tenant_but_the_named_exceptions():
    empty = {
        model._meta.label
        for model in _mitra_models()
        if is_tenant_owned(model) and model is not Tenant and _tenant_field(model).null
    }
    assert empty == set(MAY_BE_EMPTY)


def test_every_tenant_path_is_the_models_own_tenant_column():
    through_others = {
        label: path
        for label, path in TENANT_PATHS.items()
        if path != "tenant" and label.startswith(tuple(c.label for c in _apps()))
    }
    assert through_others == {"tenancy.Tenant": "pk"}


def _apps() -> list[object]:
    return [c for c in apps.get_app_configs() if c.name.startswith("mitra.")]


def _leading_fields(model: type[models.Model]) -> dict[str, list[str]]:
    """Each index and unique rule of `model`, by a name, with its fields in order."""
    rules: dict[str, list[str]] = {}
    for index in model._meta.indexes:
        rules[f"{model._meta.label}.{'_'.join(index.fields)}"] = list(index.fields)
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint):
            rules[f"{model._meta.label}.{constraint.name}"] = list(constraint.fields)
    for field in model._meta.concrete_fields:
        single = field.db_index and not field.is_relation
        if (field.unique and not field.primary_key) or single:
            rules[f"{model._meta.label}.{field.name}"] = [field.name]
    return rules


def test_indexes_and_unique_rules_of_tenant_owned_models_start_with_the_tenant():
    """A unique rule within a tenant includes it; a table distributed by tenant needs that."""
    not_leading = sorted(
        name
        for model in _mitra_models()
        if is_tenant_owned(model) and model is not Tenant
        for name, fields in _leading_fields(model).items()
        if fields[0] != "tenant"
    )
    assert not_leading == sorted(ACROSS_TENANTS)


# -- The services copy the parent's tenant ------------------------------------------------------


def test_each_child_row_of_both_worlds_has_its_parents_tenant(ours, theirs):
    """The worlds are built through the services wherever one writes the row."""
    disagreeing, absent = [], []
    for label, parent in TENANT_SOURCES.items():
        rows = apps.get_model(label)._base_manager
        if rows.exclude(tenant_id=F(f"{parent}__tenant_id")).exists():
            disagreeing.append(label)
        absent += [
            f"{label} of {world.tenant}"
            for world in (ours, theirs)
            if not rows.filter(tenant=world.tenant).exists()
        ]
    assert disagreeing == []
    assert absent == []


def test_a_document_and_its_parties_take_the_cooperations_tenant(tenant, other_tenant):
    make_cooperation(other_tenant)  # an outsider's rows beside ours
    coop = make_cooperation(tenant)
    document = attach_document(
        coop,
        by=None,
        kind=Document.Kind.LETTER_OF_INTENT,
        title="Letter of intent",
        parties=[PartyInput(role="first", name="Pemerintah Kota Makassar", number="1/2026")],
    )
    assert document.tenant == tenant
    assert [p.tenant for p in DocumentParty.objects.filter(document=document)] == [tenant]


def test_a_cooperations_links_and_history_take_its_tenant(tenant, other_tenant):
    theirs = make_cooperation(other_tenant)
    coop = make_cooperation(tenant, partners=[make_partner(tenant)], sectors=["tourism"])
    for link in ("CooperationPartner", "CooperationSector"):
        rows = apps.get_model("cooperations", link).objects
        assert set(rows.filter(cooperation=coop).values_list("tenant", flat=True)) == {tenant.pk}
        assert set(rows.filter(cooperation=theirs).values_list("tenant", flat=True)) <= {
            other_tenant.pk
        }
    assert {e.tenant for e in CooperationEvent.objects.filter(cooperation=coop)} == {tenant}
