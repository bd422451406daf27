import pytest
from django.urls import reverse
from django.utils import translation

from mitra.cooperations.models import Cooperation, Sector
from mitra.staff.queries import suggest_assignees
from mitra.staff.tests.helpers import TODAY, profile, tasks
from mitra.tenancy.models import Membership
from tests.factories import make_cooperation, make_partner, make_user

pytestmark = pytest.mark.django_db
R = Membership.Role


@pytest.fixture
def coop(tenant):
    incheon = make_partner(tenant, name="Kota Metropolitan Incheon")
    return make_cooperation(tenant, partners=[incheon], sectors=["smart_city"])


def _staff(tenant, name, *languages, sectors=()):
    user = make_user(tenant, R.COOPERATION_OFFICER, username=name)
    profile(tenant, user, ("id", "native"), *languages, sectors=list(sectors))
    return user


def test_sector_and_language_beat_language_only_which_beats_neither(tenant, coop):
    neither = _staff(tenant, "neither")
    language_only = _staff(tenant, "language", ("ko", "fluent"))
    both = _staff(tenant, "both", ("ko", "working"), sectors=["smart_city"])
    ranked = [s.user for s in suggest_assignees(coop, TODAY)]
    assert ranked == [both, language_only, neither]


def test_equal_fit_goes_to_the_lighter_load(tenant, coop):
    busy = _staff(tenant, "busy", ("ko", "fluent"))
    free = _staff(tenant, "free", ("ko", "fluent"))
    tasks(tenant, busy, 3)
    assert [s.user for s in suggest_assignees(coop, TODAY)] == [free, busy]


def test_basic_korean_is_not_a_language_fit(tenant, coop):
    basic = _staff(tenant, "basic", ("ko", "basic"))
    none = _staff(tenant, "none")
    tasks(tenant, basic, 1)
    assert [s.user for s in suggest_assignees(coop, TODAY)] == [none, basic]


def test_each_suggestion_says_why_in_the_users_language(tenant, coop):
    user = _staff(tenant, "both", ("ko", "fluent"), sectors=["smart_city"])
    tasks(tenant, user, 3)
    make_cooperation(tenant, owner=user)
    make_cooperation(tenant, owner=user)
    with translation.override("en"):
        (suggestion,) = suggest_assignees(coop, TODAY)
        assert suggestion.reasons == [
            "speaks Korean (fluent)",
            f"covers {Sector.Slug.SMART_CITY.label}",
            "3 open tasks, 2 cooperations",
        ]


def test_only_the_tenants_staff_are_suggested(tenant, other_tenant, outsider, coop):
    profile(other_tenant, outsider, ("ko", "native"))
    assert suggest_assignees(coop, TODAY) == []


def test_suggestions_take_a_fixed_number_of_queries(tenant, coop, django_assert_max_num_queries):
    for i in range(6):
        _staff(tenant, f"staff{i}", ("ko", "working"), sectors=["smart_city", "tourism"])
    with django_assert_max_num_queries(10):
        suggest_assignees(coop, TODAY)


def test_writing_roles_see_suggested_officers_on_the_cooperation(
    client_as, cooperation_officer, tenant, coop
):
    _staff(tenant, "korean", ("ko", "fluent"))
    client = client_as(cooperation_officer)
    panel = reverse("staff:suggestions", args=[coop.pk])
    page = client.get(coop.get_absolute_url())
    assert b"suggested-officers" in page.content and f'hx-get="{panel}"'.encode() in page.content
    loaded = client.get(panel, headers={"HX-Request": "true"})
    assert b"korean" in loaded.content and b"<html" not in loaded.content
    assert b"korean" in client.get(panel).content  # without JavaScript, a page of its own


def test_leadership_does_not_see_the_suggestion_panel(client_as, leadership, coop):
    client = client_as(leadership)
    page = client.get(coop.get_absolute_url())
    assert page.status_code == 200
    assert b"suggested-officers" not in page.content
    assert client.get(reverse("staff:suggestions", args=[coop.pk])).status_code == 403


def test_an_outsider_gets_404_on_the_suggestions(client_as, outsider, coop):
    assert client_as(outsider).get(reverse("staff:suggestions", args=[coop.pk])).status_code == 404


def test_a_suggested_officer_can_be_made_owner(client_as, cooperation_officer, tenant, coop):
    user = _staff(tenant, "korean", ("ko", "fluent"))
    url = reverse("staff:make_owner", args=[coop.pk, user.pk])
    assert client_as(cooperation_officer).post(url).status_code == 302
    coop.refresh_from_db()
    assert coop.owner == user


def test_an_outsider_cannot_be_made_owner(client_as, cooperation_officer, outsider, coop):
    url = reverse("staff:make_owner", args=[coop.pk, outsider.pk])
    assert client_as(cooperation_officer).post(url).status_code == 404


def test_an_outsider_cannot_assign_an_owner_here(client_as, outsider, cooperation_officer, coop):
    url = reverse("staff:make_owner", args=[coop.pk, cooperation_officer.pk])
    assert client_as(outsider).post(url).status_code == 404


@pytest.mark.parametrize("role", [R.LEADERSHIP, R.TEAM_REVIEWER, R.TENANT_ADMIN])
def test_a_leader_reviewer_or_administrator_is_never_proposed_as_owner(tenant, coop, role):
    officer = _staff(tenant, "officer")
    sekda = make_user(tenant, role, username="sekda")
    profile(tenant, sekda, ("ko", "native"), sectors=["smart_city"])  # the best fit on paper
    assert [s.user for s in suggest_assignees(coop, TODAY)] == [officer]


def test_an_opd_officer_is_proposed_only_once_the_agreement_is_signed(tenant, coop):
    opd = make_user(tenant, R.AGENCY_OFFICER, username="opd")
    profile(tenant, opd, ("id", "native"))
    assert opd not in [s.user for s in suggest_assignees(coop, TODAY)]
    coop.state = Cooperation.State.IMPLEMENTATION
    assert opd in [s.user for s in suggest_assignees(coop, TODAY)]


def test_the_outsider_officer_is_never_proposed(tenant, other_tenant, outsider, coop):
    profile(other_tenant, outsider, ("ko", "native"), sectors=["smart_city"])
    officer = _staff(tenant, "officer")
    assert [s.user for s in suggest_assignees(coop, TODAY)] == [officer]
