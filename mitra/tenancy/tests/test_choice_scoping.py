"""Every choice the admin offers a tenant administrator is their tenant's own.

Both tenants have a row of every tenant-owned model; Bandung's carry the word BANDUNGONLY.
Makassar's administrator, even when granted every Django permission, must never see one of
them in a page, a choice, a list filter or an autocomplete, nor link one by posting its id.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.db import models
from django.test import RequestFactory
from django.urls import reverse

from mitra.cooperations.models import Document
from mitra.followups.models import Activity
from mitra.partners.models import Contact
from mitra.tenancy.models import Membership, Tenant
from mitra.tenancy.scope import (
    TENANT_PATHS,
    broken_paths,
    is_tenant_owned,
    limit_to_tenant,
    undeclared_models,
)
from tests.factories import make_user
from tests.tenant_world import World

pytestmark = pytest.mark.django_db

MARKER = "BANDUNGONLY"
ADMINS = sorted(admin.site._registry.items(), key=lambda pair: pair[0]._meta.label)


@pytest.fixture
def tenant(ours: World) -> Tenant:
    return ours.tenant


@pytest.fixture
def other_tenant(theirs: World) -> Tenant:
    return theirs.tenant


@pytest.fixture
def admin_user(tenant: Tenant) -> User:
    """Makassar's tenant administrator, signed in to the admin."""
    user = make_user(tenant, Membership.Role.TENANT_ADMIN, "makassar-admin")
    User.objects.filter(pk=user.pk).update(is_staff=True)
    return User.objects.get(pk=user.pk)


@pytest.fixture
def empowered_admin(admin_user: User) -> User:
    """The administrator granted every Django permission, as a superuser might: the scoping
    must hold in the admins that are otherwise the superuser's alone."""
    admin_user.user_permissions.set(Permission.objects.all())
    return User.objects.get(pk=admin_user.pk)


def _theirs(model: type[models.Model], other: Tenant) -> list[Any]:
    """The pks of the other tenant's rows of `model`; none for shared data."""
    if not is_tenant_owned(model):
        return []
    return list(
        limit_to_tenant(model._default_manager.order_by("pk"), other).values_list("pk", flat=True)
    )


def _url(model: type[models.Model], view: str, *args: Any) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _first_of(model: type[models.Model], tenant: Tenant) -> Any:
    rows = model._default_manager.order_by("pk")
    return (limit_to_tenant(rows, tenant) if is_tenant_owned(model) else rows).first()


# -- Every model says whose it is -------------------------------------------------------------


def test_every_model_is_declared_tenant_owned_or_shared():
    assert undeclared_models() == []


def test_every_declared_path_leads_to_a_tenant():
    assert broken_paths() == []


def test_both_tenants_have_a_row_of_every_tenant_owned_model(tenant, other_tenant):
    """Otherwise the walks below could not see a leak of that model."""
    missing = [
        f"{label} of {owner}"
        for label in TENANT_PATHS
        for owner in (tenant, other_tenant)
        if not _theirs(apps.get_model(label), owner)
    ]
    assert missing == []


# -- The reported case ------------------------------------------------------------------------


def test_a_documents_parent_offers_only_the_tenants_own_documents(client_as, admin_user, ours):
    response = client_as(admin_user).get(reverse("admin:cooperations_document_add"))
    offered = response.context["adminform"].form.fields["parent"].queryset
    assert sorted(offered.values_list("title", flat=True)) == ["Letter MAKASSAR", "MoU MAKASSAR"]


def test_an_activitys_contacts_offer_only_the_tenants_own_contacts(client_as, admin_user, ours):
    response = client_as(admin_user).get(reverse("admin:followups_activity_add"))
    offered = response.context["adminform"].form.fields["partner_contacts"].queryset
    assert list(offered.values_list("name", flat=True)) == ["Contact MAKASSAR"]


def test_another_tenants_document_cannot_be_stored_as_a_parent(client_as, admin_user, ours, theirs):
    url = reverse("admin:cooperations_document_change", args=[ours.document.pk])
    data = {
        "cooperation": ours.cooperation.pk,
        "kind": ours.document.kind,
        "title": ours.document.title,
        "parent": Document.objects.get(title=f"Letter {MARKER}").pk,
        "parties-TOTAL_FORMS": 0,
        "parties-INITIAL_FORMS": 0,
    }
    response = client_as(admin_user).post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["parent"]
    assert Document.objects.get(pk=ours.document.pk).parent.title == "Letter MAKASSAR"


def test_another_tenants_contact_cannot_be_linked_to_an_activity(
    client_as, admin_user, ours, theirs
):
    activity = Activity.objects.get(title="Meeting MAKASSAR")
    url = reverse("admin:followups_activity_change", args=[activity.pk])
    data = {
        "kind": activity.kind,
        "date": activity.date.isoformat(),
        "title": activity.title,
        "partner_contacts": [Contact.objects.get(name=f"Contact {MARKER}").pk],
    }
    response = client_as(admin_user).post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["partner_contacts"]
    assert [c.name for c in activity.partner_contacts.all()] == ["Contact MAKASSAR"]


# -- Every admin and inline -------------------------------------------------------------------


def test_no_admin_page_shows_another_tenants_record(
    client_as, empowered_admin, tenant, other_tenant
):
    """The changelist (rows, list filters) and a change page (fields, inlines) of every admin."""
    client = client_as(empowered_admin)
    theirs = (MARKER, other_tenant.name)
    shown = []
    for model, _model_admin in ADMINS:
        first = _first_of(model, tenant)
        urls = [_url(model, "changelist")] + ([_url(model, "change", first.pk)] if first else [])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            if any(word in response.content.decode() for word in theirs):
                shown.append(url)
    assert shown == []


def test_another_tenants_record_cannot_be_opened_in_any_admin(
    client_as, empowered_admin, other_tenant
):
    client = client_as(empowered_admin)
    opened = [
        _url(model, view, pk)
        for model, _model_admin in ADMINS
        for pk in _theirs(model, other_tenant)[:1]
        for view in ("change", "history", "delete")
        if client.get(_url(model, view, pk)).status_code == 200
    ]
    assert opened == []


def _admin_forms(request: Any, tenant: Tenant) -> Iterator[tuple[str, Any, Any]]:
    """(name, form class or formset class, object) of every admin's add and change form and
    of each of their inlines, built for `request` as the admin's views build them."""
    for model, model_admin in ADMINS:
        for obj in (None, _first_of(model, tenant)):
            if obj is None and not model_admin.has_add_permission(request):
                continue
            label = f"{model._meta.label}:{'change' if obj else 'add'}"
            yield label, model_admin.get_form(request, obj, change=obj is not None), obj
            for formset, inline in model_admin.get_formsets_with_inlines(request, obj):
                yield f"{label}:{inline.model._meta.label}", formset, obj


def _hostile_form(form_class: Any, obj: Any, name: str, hostile: str) -> Any:
    form = form_class({name: hostile}, instance=obj)
    form.is_valid()
    return form


def _hostile_inline(formset_class: Any, obj: Any, name: str, hostile: str) -> Any:
    """An inline's first row (the existing one, if any) with `name` set to `hostile`."""
    shown = formset_class(instance=obj)
    prefix, existing = shown.prefix, shown.initial_form_count()
    data = {f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": str(min(existing, 1))}
    if existing:
        data[f"{prefix}-0-{shown.forms[0]._meta.model._meta.pk.name}"] = shown.forms[0].instance.pk
    data[f"{prefix}-0-{name}"] = hostile
    formset = formset_class(data, instance=obj)
    formset.is_valid()
    return formset.forms[0]


def _refused(form: Any, name: str) -> bool:
    """The field's value is refused as not a valid choice, or the whole row is ignored (an
    inline row the administrator may not add or change is never saved, so never checked)."""
    codes = [error.code for error in form.errors.as_data().get(name, [])]
    return bool({"invalid_choice", "invalid_list"} & set(codes)) or not form.has_changed()


def test_no_admin_form_or_inline_offers_or_accepts_another_tenants_rows(
    empowered_admin, tenant, other_tenant
):
    request = RequestFactory().get("/admin/")
    request.user = empowered_admin
    offered, accepted, tried = [], [], 0
    for label, form_class, obj in _admin_forms(request, tenant):
        inline = issubclass(form_class, forms.BaseFormSet)
        sample = form_class(instance=obj).empty_form if inline else form_class(instance=obj)
        for name, field in sample.fields.items():
            their = _theirs(getattr(field, "queryset", Document.objects.none()).model, other_tenant)
            if not isinstance(field, forms.ModelChoiceField) or not their:
                continue
            if field.queryset.filter(pk__in=their).exists():
                offered.append(f"{label}.{name}")
            hostile = str(their[0])
            bound = (_hostile_inline if inline else _hostile_form)(form_class, obj, name, hostile)
            tried += 1
            if not _refused(bound, name):
                accepted.append(f"{label}.{name}")
    assert offered == []
    assert accepted == []
    assert tried > 40  # the admins' choices of tenant-owned rows, inline row ids included


def _autocomplete_doors() -> Iterator[tuple[type[models.Model], Any]]:
    """Every relation, forward or reverse, of every model: each names a target admin for
    the autocomplete view, which answers for any of them."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.is_relation and field.related_model in admin.site._registry:
                yield model, field


def test_no_autocomplete_offers_another_tenants_rows(client_as, empowered_admin, other_tenant):
    client = client_as(empowered_admin)
    leaks, answered = [], 0
    for model, field in _autocomplete_doors():
        params = {
            "app_label": model._meta.app_label,
            "model_name": model._meta.model_name,
            "field_name": field.name,
            "term": "",
        }
        response = client.get(reverse("admin:autocomplete"), params)
        assert response.status_code in (200, 403, 404), params  # never a server error
        if response.status_code == 200:
            answered += 1
            ids = {row["id"] for row in response.json()["results"]}
            their = {str(pk) for pk in _theirs(field.related_model, other_tenant)}
            if ids & their or MARKER in response.content.decode():
                leaks.append(f"{model._meta.label}.{field.name}")
    assert leaks == []
    assert answered >= 10


# -- Posted values the database cannot hold ---------------------------------------------------

BEYOND_ANY_KEY = str(2**70)


def test_every_admin_add_page_refuses_a_key_beyond_the_database_with_a_message(
    client_as, empowered_admin
):
    """A posted choice larger than any key the database can hold is refused on its field and
    the page shows again: the autocomplete widget that shows the choice again must not query
    with it (SQLite cannot take such an integer)."""
    client = client_as(empowered_admin)
    tried = 0
    for model, model_admin in ADMINS:
        if not model_admin.has_add_permission(_request_as(empowered_admin)):
            continue
        relations = [
            field.name
            for field in model._meta.get_fields()
            if (field.many_to_one or field.many_to_many) and not field.auto_created
        ]
        if not relations:
            continue
        response = client.post(_url(model, "add"), dict.fromkeys(relations, BEYOND_ANY_KEY))
        assert response.status_code in (200, 403), model._meta.label
        if response.status_code == 200:
            tried += 1
            assert response.context["adminform"].form.errors, model._meta.label
    assert tried >= 10


def _request_as(user: User) -> Any:
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_a_name_taken_in_the_tenant_is_refused_on_the_admin_form_in_indonesian(
    client_as, admin_user, ours
):
    from mitra.cooperations.models import Agency

    taken = Agency.objects.filter(tenant=ours.tenant).first()
    assert taken is not None
    before = Agency.objects.count()
    response = client_as(admin_user).post(
        reverse("admin:cooperations_agency_add"), {"name": taken.name, "acronym": "X"}
    )
    assert response.status_code == 200
    assert "sudah ada" in response.content.decode()
    assert Agency.objects.count() == before
