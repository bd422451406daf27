"""Recording and editing a cooperation through the forms."""

import pytest
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Agency, Cooperation, CooperationEvent
from mitra.partners.models import Country, Partner
from mitra.regions.models import Region
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db

CREATE = reverse("cooperations:create")


def edit_url(coop):
    return reverse("cooperations:edit", args=[coop.pk])


@pytest.fixture
def incheon(tenant):
    return make_partner(tenant, name="Incheon Metropolitan City")


def form_data(**overrides):
    data = {
        "kind": "foreign_region",
        "sub_form": "sister_city",
        "route": "",
        "title": "Sister city Makassar–Incheon",
        "summary": "Smart city",
        "sectors": ["smart_city"],
        "budget": "not_budgeted",
        "note": "Proposed at F8",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ["tenant_admin", "cooperation_officer", "agency_officer"])
def test_writing_roles_record_a_cooperation(client_as, request, incheon, role):
    user = request.getfixturevalue(role)
    response = client_as(user).post(CREATE, form_data(partners=[incheon.pk]))
    coop = Cooperation.objects.get(title="Sister city Makassar–Incheon")
    assert response.status_code == 302
    assert response.url == coop.get_absolute_url()
    assert coop.state == Cooperation.State.INITIATIVE
    assert list(coop.partners.all()) == [incheon]
    assert CooperationEvent.objects.get(cooperation=coop).note == "Proposed at F8"
    assert AuditEntry.objects.filter(record=f"cooperations.cooperation:{coop.pk}").exists()


def test_the_new_cooperation_form_offers_only_the_tenants_partners_and_agencies(
    client_as, cooperation_officer, incheon, tenant, other_tenant
):
    make_partner(other_tenant, name="Hamamatsu City")
    Agency.objects.create(tenant=other_tenant, name="Dinas Bandung")
    Agency.objects.create(tenant=tenant, name="Dinas Komunikasi dan Informatika")
    html = client_as(cooperation_officer).get(CREATE).content.decode()
    assert "Incheon Metropolitan City" in html
    assert "Dinas Komunikasi dan Informatika" in html
    assert "Hamamatsu" not in html
    assert "Dinas Bandung" not in html


def test_another_tenants_partner_cannot_be_posted(client_as, cooperation_officer, other_tenant):
    hamamatsu = make_partner(other_tenant, name="Hamamatsu City")
    response = client_as(cooperation_officer).post(CREATE, form_data(partners=[hamamatsu.pk]))
    assert response.status_code == 200
    assert response.context["form"].errors["partners"]
    assert not Cooperation.objects.filter(title="Sister city Makassar–Incheon").exists()


def test_a_ksdd_with_a_foreign_partner_is_refused_and_the_input_kept(
    client_as, cooperation_officer, incheon
):
    data = form_data(kind="domestic_region", sub_form="voluntary", partners=[incheon.pk])
    data["title"] = "A KSDD that cannot be"
    response = client_as(cooperation_officer).post(CREATE, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not Cooperation.objects.exists()
    form = response.context["form"]
    assert any("Incheon Metropolitan City" in error for error in form.non_field_errors())
    assert "alert--error" in html
    assert 'value="A KSDD that cannot be"' in html  # the input is still there
    assert f'value="{incheon.pk}" id="id_partners_0" checked' in html


def test_a_partner_in_israel_is_refused(client_as, cooperation_officer, tenant):
    # A partner record may exist (intake finds them); a cooperation with it is refused.
    israeli = make_partner(tenant, name="Tel Aviv-Yafo", country=Country.objects.get(code="IL"))
    response = client_as(cooperation_officer).post(CREATE, form_data(partners=[israeli.pk]))
    assert response.status_code == 200
    assert not Cooperation.objects.exists()
    errors = response.context["form"].non_field_errors()
    assert any("Tel Aviv-Yafo" in error for error in errors)


def test_a_missing_title_is_shown_next_to_the_field(client_as, cooperation_officer, incheon):
    response = client_as(cooperation_officer).post(
        CREATE, form_data(title="", partners=[incheon.pk])
    )
    assert response.status_code == 200
    assert response.context["form"].errors["title"]
    assert 'id="id_title_error"' in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


def test_an_end_before_the_start_is_shown_next_to_the_end_date(
    client_as, cooperation_officer, incheon
):
    data = form_data(partners=[incheon.pk], start_date="2025-01-01", end_date="2024-01-01")
    response = client_as(cooperation_officer).post(CREATE, data)
    assert response.context["form"].errors["end_date"]


@pytest.mark.parametrize("role", ["team_reviewer", "leadership"])
def test_read_only_roles_get_403_on_create(client_as, request, role):
    user = request.getfixturevalue(role)
    response = client_as(user).get(CREATE)
    assert response.status_code == 403
    assert "tidak dapat mengubahnya" in response.content.decode()


def test_read_only_roles_cannot_post_either(client_as, team_reviewer, incheon):
    response = client_as(team_reviewer).post(CREATE, form_data(partners=[incheon.pk]))
    assert response.status_code == 403
    assert not Cooperation.objects.exists()


def test_the_edit_form_starts_with_the_record(client_as, cooperation_officer, tenant, incheon):
    coop = make_cooperation(tenant, title="Makassar–Incheon", partners=[incheon])
    response = client_as(cooperation_officer).get(edit_url(coop))
    html = response.content.decode()
    assert 'value="Makassar–Incheon"' in html
    assert f'value="{incheon.pk}" id="id_partners_0" checked' in html


def test_editing_saves_the_changes_and_audits_them(client_as, cooperation_officer, tenant, incheon):
    coop = make_cooperation(tenant, title="Makassar–Incheon", partners=[incheon])
    data = form_data(title="Makassar–Incheon smart city", partners=[incheon.pk])
    response = client_as(cooperation_officer).post(edit_url(coop), data)
    coop.refresh_from_db()
    assert response.status_code == 302
    assert coop.title == "Makassar–Incheon smart city"
    entry = AuditEntry.objects.filter(action="update").get()
    assert entry.changes["title"] == ["Makassar–Incheon", "Makassar–Incheon smart city"]
    assert entry.user == cooperation_officer


def test_the_kind_cannot_be_changed_by_editing(client_as, cooperation_officer, tenant, incheon):
    coop = make_cooperation(tenant, partners=[incheon])
    data = form_data(kind="foreign_institution", partners=[incheon.pk])
    client_as(cooperation_officer).post(edit_url(coop), data)
    coop.refresh_from_db()
    assert coop.kind == Cooperation.Kind.FOREIGN_REGION


def test_an_edit_that_breaks_a_rule_is_refused_and_nothing_changes(
    client_as, cooperation_officer, tenant, incheon
):
    tual = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        name="Pemerintah Kota Tual",
        country=None,
        region=Region.objects.get(code="8172"),
    )
    coop = make_cooperation(tenant, title="Makassar–Incheon", partners=[incheon])
    data = form_data(title="Renamed", partners=[incheon.pk, tual.pk])
    response = client_as(cooperation_officer).post(edit_url(coop), data)
    coop.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert 'value="Renamed"' in response.content.decode()
    assert coop.title == "Makassar–Incheon"


def test_a_read_only_role_gets_403_on_edit(client_as, leadership, tenant, incheon):
    coop = make_cooperation(tenant, partners=[incheon])
    assert client_as(leadership).get(edit_url(coop)).status_code == 403


def test_outsider_gets_404_on_edit(client_as, outsider, tenant, incheon):
    coop = make_cooperation(tenant, partners=[incheon])
    assert client_as(outsider).get(edit_url(coop)).status_code == 404
    response = client_as(outsider).post(edit_url(coop), form_data(partners=[incheon.pk]))
    assert response.status_code == 404
