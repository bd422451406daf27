"""The admin for a tenant administrator: their region's records and users, nobody else's."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Agency
from mitra.partners.models import Partner
from mitra.tenancy.models import Membership
from tests.factories import make_partner, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(tenant_admin: User) -> User:
    User.objects.filter(pk=tenant_admin.pk).update(is_staff=True)
    tenant_admin.refresh_from_db()
    return tenant_admin


@pytest.fixture
def outsider_admin(other_tenant) -> User:
    user = make_user(other_tenant, Membership.Role.TENANT_ADMIN)
    User.objects.filter(pk=user.pk).update(is_staff=True)
    return user


@pytest.fixture
def partners(tenant, other_tenant):
    return make_partner(tenant, name="Kota Gothenburg"), make_partner(other_tenant, name="Suwon")


def test_a_tenant_administrator_sees_only_their_own_partners(client_as, admin_user, partners):
    response = client_as(admin_user).get(reverse("admin:partners_partner_changelist"))
    assert response.status_code == 200
    shown = [partner.name for partner in response.context["cl"].result_list]
    assert shown == ["Kota Gothenburg"]


def test_another_tenants_record_cannot_be_opened(client_as, admin_user, partners):
    suwon = partners[1]
    response = client_as(admin_user).get(reverse("admin:partners_partner_change", args=[suwon.pk]))
    assert response.status_code == 302  # the admin's "does not exist" redirect, no data shown
    assert response.url == reverse("admin:index")


def test_the_outsiders_administrator_does_not_see_this_tenants_partner(
    client_as, outsider_admin, partners
):
    response = client_as(outsider_admin).get(reverse("admin:partners_partner_changelist"))
    assert [partner.name for partner in response.context["cl"].result_list] == ["Suwon"]


def test_a_new_agency_belongs_to_the_administrators_tenant_and_is_audited(
    client_as, admin_user, tenant
):
    data = {"name": "Dinas Komunikasi dan Informatika", "acronym": "Diskominfo"}
    response = client_as(admin_user).post(reverse("admin:cooperations_agency_add"), data)
    assert response.status_code == 302
    agency = Agency.objects.get(acronym="Diskominfo")
    assert agency.tenant == tenant
    assert AuditEntry.objects.filter(record=f"cooperations.agency:{agency.pk}").exists()


def test_an_administrator_creates_a_user_with_a_role_in_their_office(client_as, admin_user, tenant):
    data = {
        "username": "staf.baru",
        "password1": "kerja-sama-2026!",
        "password2": "kerja-sama-2026!",
        "role": Membership.Role.COOPERATION_OFFICER,
    }
    response = client_as(admin_user).post(reverse("admin:auth_user_add"), data)
    assert response.status_code == 302
    membership = Membership.objects.get(user__username="staf.baru")
    assert (membership.tenant, membership.role) == (tenant, "cooperation_officer")
    assert not membership.user.is_staff


def test_the_central_reviewer_role_is_not_offered_to_a_tenant_administrator(client_as, admin_user):
    form = client_as(admin_user).get(reverse("admin:auth_user_add")).context["adminform"].form
    assert "central_reviewer" not in [value for value, _label in form.fields["role"].choices]


def test_the_user_list_holds_only_the_offices_members(client_as, admin_user, outsider):
    response = client_as(admin_user).get(reverse("admin:auth_user_changelist"))
    usernames = {user.username for user in response.context["cl"].result_list}
    assert admin_user.username in usernames
    assert outsider.username not in usernames


def test_an_administrator_cannot_make_anybody_a_superuser(client_as, admin_user, tenant):
    form = (
        client_as(admin_user)
        .get(reverse("admin:auth_user_change", args=[admin_user.pk]))
        .context["adminform"]
        .form
    )
    assert "is_superuser" not in form.fields
    assert "user_permissions" not in form.fields


def test_a_cooperations_partner_choices_are_the_tenants_own(client_as, admin_user, partners):
    form = client_as(admin_user).get(reverse("admin:cooperations_cooperation_add"))
    choices = form.context["adminform"].form.fields["partners"].queryset
    assert list(choices) == [Partner.objects.get(name="Kota Gothenburg")]


def test_staff_without_the_administrator_role_see_nothing(client_as, cooperation_officer):
    User.objects.filter(pk=cooperation_officer.pk).update(is_staff=True)
    response = client_as(cooperation_officer).get(reverse("admin:index"))
    assert response.status_code == 200
    assert response.context["app_list"] == []


def test_reference_data_is_looked_up_but_not_changed_by_an_administrator(client_as, admin_user):
    client = client_as(admin_user)
    assert client.get(reverse("admin:partners_country_changelist")).status_code == 200
    response = client.post(reverse("admin:partners_country_change", args=["SE"]), {})
    assert response.status_code == 403
