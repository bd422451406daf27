"""Adding, editing and removing a partner's contacts."""

import pytest
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.partners.models import Contact
from mitra.partners.services import add_contact
from tests.factories import make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(tenant):
    return make_partner(tenant, name="Incheon Metropolitan City")


@pytest.fixture
def contact(partner):
    return add_contact(partner, by=None, name="Kim Min-jun", position="International Relations")


def test_an_officer_adds_a_contact(client_as, cooperation_officer, partner):
    data = {"name": "Lee Seo-yeon", "email": "seo-yeon@incheon.go.kr", "language": "English"}
    response = client_as(cooperation_officer).post(
        reverse("partners:add_contact", args=[partner.pk]), data
    )
    assert response.status_code == 302
    assert response.url == f"{partner.get_absolute_url()}#contacts"
    contact = Contact.objects.get(partner=partner)
    assert (contact.name, contact.language) == ("Lee Seo-yeon", "English")
    page = client_as(cooperation_officer).get(partner.get_absolute_url()).content.decode()
    assert "seo-yeon@incheon.go.kr" in page


def test_a_contact_needs_a_name_and_a_valid_email(client_as, cooperation_officer, partner):
    response = client_as(cooperation_officer).post(
        reverse("partners:add_contact", args=[partner.pk]), {"name": "", "email": "nope"}
    )
    form = response.context["form"]
    assert response.status_code == 200
    assert form.errors["name"] and form.errors["email"]
    assert not Contact.objects.exists()


def test_an_officer_edits_a_contact(client_as, cooperation_officer, contact):
    data = {"name": "Kim Min-jun", "position": "Director of International Relations"}
    response = client_as(cooperation_officer).post(
        reverse("partners:edit_contact", args=[contact.pk]), data
    )
    contact.refresh_from_db()
    assert response.status_code == 302
    assert contact.position == "Director of International Relations"
    entry = AuditEntry.objects.get(record=f"partners.contact:{contact.pk}", action="update")
    assert entry.changes["position"][1] == "Director of International Relations"


def test_the_edit_form_starts_with_the_contact(client_as, cooperation_officer, contact):
    response = client_as(cooperation_officer).get(
        reverse("partners:edit_contact", args=[contact.pk])
    )
    assert 'value="International Relations"' in response.content.decode()


def test_an_officer_removes_a_contact(client_as, cooperation_officer, contact, partner):
    response = client_as(cooperation_officer).post(
        reverse("partners:remove_contact", args=[contact.pk])
    )
    assert response.status_code == 302
    assert not Contact.objects.exists()
    assert AuditEntry.objects.filter(
        record=f"partners.contact:{contact.pk}", action="delete"
    ).exists()


def test_removing_asks_first_and_the_question_changes_nothing(
    client_as, cooperation_officer, contact, partner
):
    client = client_as(cooperation_officer)
    response = client.get(reverse("partners:remove_contact", args=[contact.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "tidak dapat diurungkan" in page
    assert f'action="{reverse("partners:remove_contact", args=[contact.pk])}"' not in page
    assert Contact.objects.exists()
    # The partner's page links to the question.
    detail = client.get(partner.get_absolute_url()).content.decode()
    assert f'href="{reverse("partners:remove_contact", args=[contact.pk])}"' in detail


def test_a_read_only_role_cannot_touch_contacts(client_as, team_reviewer, contact, partner):
    client = client_as(team_reviewer)
    assert client.get(reverse("partners:add_contact", args=[partner.pk])).status_code == 403
    assert client.get(reverse("partners:edit_contact", args=[contact.pk])).status_code == 403
    assert client.post(reverse("partners:remove_contact", args=[contact.pk])).status_code == 403
    assert Contact.objects.exists()


def test_outsider_gets_404_on_this_tenants_contacts(client_as, outsider, contact, partner):
    client = client_as(outsider)
    assert client.get(reverse("partners:add_contact", args=[partner.pk])).status_code == 404
    assert client.get(reverse("partners:edit_contact", args=[contact.pk])).status_code == 404
    assert client.post(reverse("partners:remove_contact", args=[contact.pk])).status_code == 404
    assert Contact.objects.exists()
