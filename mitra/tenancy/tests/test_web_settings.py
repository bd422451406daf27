"""The tenant's one settings page: thresholds, implementation, reminders and the procedure order,
for the tenant admin only."""

import inspect

import pytest
from django.conf import settings
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation
from mitra.lib.refusal import Refused
from mitra.tenancy.forms import TenantSettingsForm
from mitra.tenancy.models import Tenant
from mitra.tenancy.services import TenantSettings, update_settings
from tests.factories import make_cooperation, make_user

pytestmark = pytest.mark.django_db

URL = reverse("tenancy:settings")
VALID = {
    "stale_after_days": 45,
    "dormant_after_days": 365,
    "stale_progress_days": 30,
    "evaluations_per_year": 4,
    "renewal_lead_days": 120,
    "procedure_order": "central_first",
    "reminder_task_days": 5,
    "escalation_days": 10,
    "expiry_windows": "120,60,14",
}


def test_the_admin_saves_the_settings_with_an_audit_row(
    client_as, tenant_admin, tenant, other_tenant
):
    response = client_as(tenant_admin).post(URL, VALID)
    assert response.status_code == 302
    tenant.refresh_from_db()
    assert (tenant.stale_after_days, tenant.dormant_after_days) == (45, 365)
    assert tenant.procedure_order == Tenant.ProcedureOrder.CENTRAL_FIRST
    entry = AuditEntry.objects.get(record=f"tenancy.tenant:{tenant.pk}", action="update")
    assert entry.user == tenant_admin
    assert entry.changes["dormant_after_days"] == [180, 365]
    assert entry.changes["stale_progress_days"] == [90, 30]
    assert entry.changes["evaluations_per_year"] == [2, 4]
    assert entry.changes["renewal_lead_days"] == [180, 120]


def test_the_change_applies_to_the_admins_tenant_only(client_as, tenant_admin, other_tenant):
    client_as(tenant_admin).post(URL, VALID)
    other_tenant.refresh_from_db()
    assert other_tenant.stale_after_days == 60
    assert other_tenant.dormant_after_days == 180
    assert other_tenant.procedure_order == Tenant.ProcedureOrder.COUNCIL_FIRST


def test_the_page_shows_the_current_values_and_the_help_text(client_as, tenant_admin):
    client = client_as(tenant_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(URL).content.decode()
    assert 'name="dormant_after_days" value="180"' in html
    assert "Applies to new cooperations only" in html


@pytest.mark.parametrize("days", [6, 731, "soon"])
def test_days_out_of_range_are_refused_in_indonesian(client_as, tenant_admin, tenant, days):
    response = client_as(tenant_admin).post(URL, {**VALID, "stale_after_days": days})
    assert response.status_code == 200
    assert response.context["form"].errors["stale_after_days"] == [
        "Masukkan jumlah hari antara 7 dan 730."
    ]
    tenant.refresh_from_db()
    assert tenant.stale_after_days == 60


def test_an_unknown_order_is_refused(client_as, tenant_admin, tenant):
    response = client_as(tenant_admin).post(URL, {**VALID, "procedure_order": "whenever"})
    assert "procedure_order" in response.context["form"].errors
    tenant.refresh_from_db()
    assert tenant.procedure_order == Tenant.ProcedureOrder.COUNCIL_FIRST


@pytest.mark.parametrize(
    "role", ["cooperation_officer", "agency_officer", "team_reviewer", "leadership"]
)
def test_other_roles_get_403_with_a_message(client_as, request, role, tenant):
    client = client_as(request.getfixturevalue(role))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for response in (client.get(URL), client.post(URL, VALID)):
        assert response.status_code == 403
    tenant.refresh_from_db()
    assert tenant.procedure_order == Tenant.ProcedureOrder.COUNCIL_FIRST


def test_a_non_admin_is_told_why(client_as, cooperation_officer):
    client = client_as(cooperation_officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Only the tenant administrator" in client.get(URL).content.decode()


def test_the_outsiders_admin_changes_only_their_own_tenant(client_as, tenant, other_tenant):
    outsider_admin = make_user(other_tenant, "tenant_admin")
    client_as(outsider_admin).post(URL, VALID)
    tenant.refresh_from_db()
    other_tenant.refresh_from_db()
    assert tenant.procedure_order == Tenant.ProcedureOrder.COUNCIL_FIRST
    assert other_tenant.procedure_order == Tenant.ProcedureOrder.CENTRAL_FIRST


def test_the_nav_links_to_settings_for_the_admin_only(client_as, tenant_admin, cooperation_officer):
    list_url = reverse("cooperations:list")
    assert URL in client_as(tenant_admin).get(list_url).content.decode()
    assert URL not in client_as(cooperation_officer).get(list_url).content.decode()


def test_a_new_procedure_order_applies_to_new_cooperations_only(
    client_as, tenant_admin, cooperation_officer, tenant
):
    older = make_cooperation(tenant)
    client_as(tenant_admin).post(URL, VALID)
    tenant.refresh_from_db()
    newer = make_cooperation(tenant)
    client = client_as(cooperation_officer)

    def order(coop: Cooperation) -> list[str]:
        progress = client.get(coop.get_absolute_url()).context["procedure"]["progress"]
        return [
            s.state for s in progress if s.state in ("council_approval", "central_verification")
        ]

    assert order(newer) == ["central_verification", "council_approval"]
    assert order(older) == ["council_approval", "central_verification"]


def test_the_service_refuses_invalid_values(tenant, tenant_admin):
    with pytest.raises(Refused):
        update_settings(tenant, by=tenant_admin, dormant_after_days=3)
    with pytest.raises(TypeError):
        # mypy refuses the name too; an unchecked caller cannot pass it to the explicit parameters.
        update_settings(tenant, by=tenant_admin, name="Renamed")  # type: ignore[call-arg]
    tenant.refresh_from_db()
    assert tenant.dormant_after_days == 180


@pytest.mark.parametrize("windows", ["90,90", "soon", "0,30", ""])
def test_bad_reminder_windows_are_refused_and_nothing_changes(
    client_as, tenant_admin, tenant, windows
):
    response = client_as(tenant_admin).post(URL, {**VALID, "expiry_windows": windows})
    assert response.status_code == 200
    assert response.context["form"].errors["expiry_windows"]
    tenant.refresh_from_db()
    assert (tenant.expiry_windows, tenant.stale_after_days) == ("180,90,30", 60)


def test_the_reminder_settings_are_saved(client_as, tenant_admin, tenant):
    client_as(tenant_admin).post(URL, VALID)
    tenant.refresh_from_db()
    assert (tenant.reminder_task_days, tenant.escalation_days) == (5, 10)
    assert tenant.expiry_window_days == [120, 60, 14]


def test_one_refused_setting_leaves_every_other_unchanged(tenant, tenant_admin):
    with pytest.raises(Refused):
        update_settings(tenant, by=tenant_admin, stale_after_days=45, renewal_lead_days=2)
    tenant.refresh_from_db()
    assert (tenant.stale_after_days, tenant.renewal_lead_days) == (60, 180)
    assert not AuditEntry.objects.filter(action="update").exists()


def test_the_page_shows_every_setting(client_as, tenant_admin):
    html = client_as(tenant_admin).get(URL).content.decode()
    assert [name for name in TenantSettingsForm.base_fields if f'name="{name}"' not in html] == []


def test_the_form_the_service_and_a_new_tenant_know_the_same_settings():
    parameters = set(inspect.signature(update_settings).parameters) - {"tenant", "by"}
    assert set(TenantSettingsForm.base_fields) == parameters == set(TenantSettings.__annotations__)


def test_the_help_texts_tell_the_three_inactivity_thresholds_apart(client_as, tenant_admin):
    client = client_as(tenant_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    form = client.get(URL).context["form"]
    helps = [
        str(form.fields[name].help_text)
        for name in ("stale_after_days", "dormant_after_days", "stale_progress_days")
    ]
    assert "follow-up list" in helps[0] and "does not change" in helps[0]
    assert "dormant state" in helps[1]
    assert "plan of action" in helps[2] and "progress report" in helps[2]


def test_the_page_is_in_indonesian_by_default(client_as, tenant_admin):
    html = client_as(tenant_admin).get(URL).content.decode()
    assert "Siklus evaluasi" in html
