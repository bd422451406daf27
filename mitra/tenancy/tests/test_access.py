"""The access helpers: a request acts for one tenant, and another tenant's objects do not exist."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from mitra.cooperations.access import get_cooperation_for_user, get_document_for_user
from mitra.partners.access import get_partner_for_user
from mitra.tenancy import services
from mitra.tenancy.access import SESSION_KEY, current_membership, require_tenant
from mitra.tenancy.models import Membership
from tests.factories import make_cooperation, make_document, make_partner

pytestmark = pytest.mark.django_db


def request_as(user):
    request = RequestFactory().get("/")
    request.user = user
    request.session = {}
    request.membership = current_membership(request)
    request.tenant = request.membership.tenant if request.membership else None
    return request


def test_the_officer_acts_for_their_tenant(cooperation_officer, tenant):
    assert require_tenant(request_as(cooperation_officer)) == tenant


def test_another_tenants_cooperation_is_not_found(tenant, outsider):
    coop = make_cooperation(tenant)
    with pytest.raises(Http404):
        get_cooperation_for_user(request_as(outsider), coop.pk)


def test_another_tenants_partner_and_document_are_not_found(tenant, outsider):
    coop = make_cooperation(tenant)
    document = make_document(coop)
    with pytest.raises(Http404):
        get_partner_for_user(request_as(outsider), coop.partners.get().pk)
    with pytest.raises(Http404):
        get_document_for_user(request_as(outsider), document.pk)


def test_a_missing_cooperation_is_not_found_either(cooperation_officer):
    with pytest.raises(Http404):
        get_cooperation_for_user(request_as(cooperation_officer), 999_999)


@pytest.mark.parametrize("role", ["team_reviewer", "leadership"])
def test_read_only_roles_may_read_but_not_write(role, tenant, request):
    user = request.getfixturevalue(role)
    coop = make_cooperation(tenant)
    assert get_cooperation_for_user(request_as(user), coop.pk) == coop
    with pytest.raises(PermissionDenied):
        get_cooperation_for_user(request_as(user), coop.pk, write=True)


@pytest.mark.parametrize("role", ["tenant_admin", "cooperation_officer", "agency_officer"])
def test_writing_roles_may_write(role, tenant, request):
    user = request.getfixturevalue(role)
    partner = make_partner(tenant)
    assert get_partner_for_user(request_as(user), partner.pk, write=True) == partner


def test_a_central_reviewer_has_no_tenant_data(central_reviewer):
    with pytest.raises(PermissionDenied):
        require_tenant(request_as(central_reviewer))


def test_a_user_in_two_tenants_acts_for_the_one_chosen(cooperation_officer, other_tenant):
    second = services.add_member(
        cooperation_officer, Membership.Role.LEADERSHIP, tenant=other_tenant, by=None
    )
    request = request_as(cooperation_officer)
    request.session[SESSION_KEY] = second.pk
    assert current_membership(request) == second


def test_a_central_reviewer_cannot_be_given_a_tenant(tenant, cooperation_officer):
    from mitra.lib.refusal import Refused

    with pytest.raises(Refused):
        services.add_member(
            cooperation_officer, Membership.Role.CENTRAL_REVIEWER, tenant=tenant, by=None
        )
