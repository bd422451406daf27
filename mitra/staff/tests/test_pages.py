import pytest
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.partners.models import Country
from mitra.staff.models import StaffProfile
from mitra.staff.tests.helpers import profile
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db


def _edit(user):
    return reverse("staff:edit", args=[user.pk])


def _post(languages=(), **fields):
    data = {"lang-TOTAL_FORMS": "2", "lang-INITIAL_FORMS": "0", **fields}
    for i, (code, level) in enumerate(languages):
        data[f"lang-{i}-language"], data[f"lang-{i}-level"] = code, level
    return data


def test_the_staff_list_shows_the_tenants_people_with_their_workload(
    client_as, leadership, cooperation_officer, outsider, tenant
):
    make_cooperation(tenant, owner=cooperation_officer)
    page = client_as(leadership).get(reverse("staff:list"))
    rows = {r.user: r.cooperations for r in page.context["rows"]}
    assert rows == {cooperation_officer: 1, leadership: 0}
    assert outsider.username.encode() not in page.content


def test_an_outsider_gets_404_on_another_tenants_profile(
    client_as, outsider, cooperation_officer, tenant
):
    profile(tenant, cooperation_officer)
    assert (
        client_as(outsider).get(reverse("staff:detail", args=[cooperation_officer.pk])).status_code
        == 404
    )
    assert client_as(outsider).get(_edit(cooperation_officer)).status_code == 404


def test_the_administrator_creates_a_profile_with_employment_and_languages(
    client_as, tenant_admin, cooperation_officer, tenant
):
    data = _post(
        [("en", "fluent"), ("ko", "basic")],
        employment_type="pppk",
        position="Analis",
        max_load="6",
        competencies=["negotiation"],
        sectors=["smart_city"],
    )
    response = client_as(tenant_admin).post(_edit(cooperation_officer), data)
    assert response.status_code == 302
    saved = StaffProfile.objects.get(tenant=tenant, user=cooperation_officer)
    assert (saved.employment_type, saved.max_load, saved.competencies) == (
        "pppk",
        6,
        ["negotiation"],
    )
    assert {(s.language, s.level) for s in saved.languages.all()} == {
        ("en", "fluent"),
        ("ko", "basic"),
    }
    assert AuditEntry.objects.filter(
        record=f"staff.staffprofile:{saved.pk}", user=tenant_admin
    ).exists()


def test_people_edit_their_own_languages_but_not_their_employment(
    client_as, cooperation_officer, tenant
):
    profile(tenant, cooperation_officer, ("id", "native"), max_load=8)
    data = _post([("ja", "working")], employment_type="non_asn_expert", max_load="99")
    assert client_as(cooperation_officer).post(_edit(cooperation_officer), data).status_code == 302
    saved = StaffProfile.objects.get(user=cooperation_officer)
    assert [s.language for s in saved.languages.all()] == ["ja"]
    assert (saved.employment_type, saved.max_load) == ("pns", 8)


def test_read_only_roles_view_the_report_but_cannot_edit_others(
    client_as, leadership, team_reviewer, cooperation_officer
):
    assert client_as(leadership).get(reverse("staff:capacity")).status_code == 200
    assert client_as(leadership).get(_edit(cooperation_officer)).status_code == 403
    assert client_as(team_reviewer).post(_edit(cooperation_officer), _post()).status_code == 403


def test_officers_cannot_edit_each_others_profiles(client_as, agency_officer, cooperation_officer):
    assert client_as(agency_officer).get(_edit(cooperation_officer)).status_code == 403


def test_a_language_without_a_level_is_refused(client_as, tenant_admin, cooperation_officer):
    data = _post([("ko", "")], employment_type="pns", max_load="8")
    assert client_as(tenant_admin).post(_edit(cooperation_officer), data).status_code == 200
    assert not StaffProfile.objects.filter(user=cooperation_officer).exists()


def test_the_capacity_page_lists_partner_languages_with_their_speakers(
    client_as, leadership, cooperation_officer, tenant
):
    make_cooperation(tenant, partners=[make_partner(tenant, name="Kota Metropolitan Incheon")])
    make_cooperation(
        tenant,
        partners=[make_partner(tenant, name="Cape Town", country=Country.objects.get(code="ZA"))],
    )
    profile(tenant, cooperation_officer, ("en", "fluent"))
    response = client_as(leadership).get(reverse("staff:capacity"))
    rows = {row.code: row for row in response.context["report"].languages}
    assert set(rows) == {"ko", "en"}
    assert not rows["ko"].covered and rows["en"].covered
    page = response.content.decode()  # Indonesian: language names from CLDR
    assert "Korea" in page and "Kota Metropolitan Incheon" in page
    assert "Inggris" in page and "Cape Town" in page and cooperation_officer.username in page
