"""Every choice offered to a tenant is its own: in every admin, inline, autocomplete and form.

Bandung's rows carry the word BANDUNGONLY; Makassar's administrator and officers must never be
offered one of them, nor be able to link one by posting its id.
"""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from mitra.cooperations.models import Document
from mitra.followups.models import Activity
from mitra.partners.models import Contact
from mitra.tenancy.models import Membership, Tenant
from mitra.tenancy.scope import broken_paths, undeclared_models
from tests.factories import make_user
from tests.tenant_world import World, make_world

pytestmark = pytest.mark.django_db

MARKER = "BANDUNGONLY"


@pytest.fixture
def ours(tenant: Tenant) -> World:
    return make_world(tenant, "MAKASSAR")


@pytest.fixture
def theirs(other_tenant: Tenant) -> World:
    return make_world(other_tenant, MARKER)


@pytest.fixture
def admin_user(tenant: Tenant) -> User:
    """Makassar's tenant administrator, signed in to the admin."""
    user = make_user(tenant, Membership.Role.TENANT_ADMIN, "makassar-admin")
    User.objects.filter(pk=user.pk).update(is_staff=True)
    user.refresh_from_db()
    return user


def _form(response: Any) -> Any:
    return response.context["adminform"].form


# -- Every model says whose it is -------------------------------------------------------------


def test_every_model_is_declared_tenant_owned_or_shared():
    assert undeclared_models() == []


def test_every_declared_path_leads_to_a_tenant():
    assert broken_paths() == []


# -- The reported case ------------------------------------------------------------------------


def test_a_documents_parent_offers_only_the_tenants_own_documents(
    client_as, admin_user, ours, theirs
):
    response = client_as(admin_user).get(reverse("admin:cooperations_document_add"))
    offered = _form(response).fields["parent"].queryset
    assert theirs.document not in offered
    assert not offered.filter(title__contains=MARKER).exists()
    assert ours.document in offered


def test_an_activitys_contacts_offer_only_the_tenants_own_contacts(
    client_as, admin_user, ours, theirs
):
    response = client_as(admin_user).get(reverse("admin:followups_activity_add"))
    offered = _form(response).fields["partner_contacts"].queryset
    assert not offered.filter(name__contains=MARKER).exists()
    assert offered.filter(name__contains="MAKASSAR").exists()


def test_another_tenants_document_cannot_be_stored_as_a_parent(client_as, admin_user, ours, theirs):
    bandung_letter = Document.objects.get(title=f"Letter {MARKER}")
    url = reverse("admin:cooperations_document_change", args=[ours.document.pk])
    data = {
        "cooperation": ours.cooperation.pk,
        "kind": ours.document.kind,
        "title": ours.document.title,
        "parent": bandung_letter.pk,
        "parties-TOTAL_FORMS": 0,
        "parties-INITIAL_FORMS": 0,
    }
    response = client_as(admin_user).post(url, data)
    assert response.status_code == 200
    assert "parent" in _form(response).errors
    ours.document.refresh_from_db()
    assert ours.document.parent.title == "Letter MAKASSAR"


def test_another_tenants_contact_cannot_be_linked_to_an_activity(
    client_as, admin_user, ours, theirs
):
    activity = Activity.objects.get(title="Meeting MAKASSAR")
    bandung_contact = Contact.objects.get(name=f"Contact {MARKER}")
    url = reverse("admin:followups_activity_change", args=[activity.pk])
    data = {
        "kind": activity.kind,
        "date": activity.date.isoformat(),
        "title": activity.title,
        "partner_contacts": [bandung_contact.pk],
    }
    response = client_as(admin_user).post(url, data)
    assert response.status_code == 200
    assert "partner_contacts" in _form(response).errors
    assert list(activity.partner_contacts.all()) == [Contact.objects.get(name="Contact MAKASSAR")]
