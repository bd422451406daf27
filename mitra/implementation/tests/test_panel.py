"""The cooperation-page panel, the dormancy facts and the tenant's settings."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from mitra.cooperations.models import Cooperation
from mitra.implementation import services
from mitra.implementation.progress import plan_items_prefetch
from mitra.implementation.queries import dormancy_facts, panel_context
from mitra.implementation.tests.conftest import plan_item
from mitra.lib.refusal import Refused
from mitra.tenancy.services import update_settings
from tests.factories import make_cooperation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_the_panel_shows_promised_against_done_and_the_evaluation_due(signed):
    coop, mou = signed
    item = plan_item(mou, start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    services.record_progress(item, by=None, date=date(2025, 9, 1), value=Decimal(80))
    context = panel_context(coop, today=date(2025, 10, 1))
    assert [(t.target, t.achieved) for t in context["targets"]] == [(Decimal(200), Decimal(80))]
    assert [p.item for p in context["at_risk"]] == [item]
    due = context["evaluation_due"]
    assert (due.label, due.due, due.overdue) == ("semester 1 2025", date(2025, 7, 30), True)


def test_the_panel_loads_into_the_cooperation_page_with_links_for_writers_only(
    signed, client_as, cooperation_officer, leadership
):
    coop, mou = signed
    plan_item(mou)
    panel = reverse("implementation:panel", args=[coop.pk])
    htmx = {"HX-Request": "true"}
    for_writer = client_as(cooperation_officer).get(panel, headers=htmx).content.decode()
    for_reader = client_as(leadership).get(panel, headers=htmx).content.decode()
    add = reverse("implementation:add_item", args=[coop.pk])
    assert add in for_writer and add not in for_reader
    assert reverse("implementation:cooperation", args=[coop.pk]) in for_reader
    assert "Gerai Little Bandung" in for_reader and "<html" not in for_reader


def test_without_javascript_the_panel_is_the_plans_own_page(signed, client_as, leadership):
    coop, _mou = signed
    client = client_as(leadership)
    response = client.get(reverse("implementation:panel", args=[coop.pk]))
    plan = client.get(reverse("implementation:cooperation", args=[coop.pk]))
    assert response.status_code == 200 and "<html" in response.content.decode()
    assert response.templates[0].name == plan.templates[0].name


def test_an_outsider_gets_404_on_the_panel(signed, client_as, outsider):
    coop, _mou = signed
    panel = reverse("implementation:panel", args=[coop.pk])
    assert client_as(outsider).get(panel, headers={"HX-Request": "true"}).status_code == 404


def test_dormancy_facts_say_what_was_promised_and_what_is_missing(signed, tenant):
    coop, mou = signed
    outlets = plan_item(mou)
    services.record_progress(outlets, by=None, date=date(2025, 3, 1), value=Decimal(57))
    plan_item(
        mou, activity="Peluncuran", target_quantity=None, unit="", milestone_date=date(2025, 6, 1)
    )
    plan_item(mou, activity="Batal", status="cancelled")
    facts = dormancy_facts(coop, today=date(2025, 10, 1))
    assert facts.promised == ["Gerai Little Bandung: 200 gerai", "Peluncuran by June 1, 2025"]
    assert facts.missing == [
        "Gerai Little Bandung: 143 of 200 gerai not yet delivered",
        "Peluncuran: milestone of June 1, 2025 not met",
    ]
    assert (facts.last_report, facts.has_plan) == (date(2025, 3, 1), True)
    empty = dormancy_facts(make_cooperation(tenant), today=date(2025, 10, 1))
    assert (empty.has_plan, empty.missing) == (False, ["No plan of action is recorded."])


def test_dormancy_facts_for_many_cooperations_cost_no_query_per_cooperation(
    signed, django_assert_num_queries
):
    _coop, mou = signed
    plan_item(mou)
    prefetched = list(Cooperation.objects.prefetch_related(plan_items_prefetch()))
    with django_assert_num_queries(0):
        assert [dormancy_facts(c, today=date(2025, 10, 1)).has_plan for c in prefetched] == [True]


SETTINGS_URL = reverse("tenancy:settings")
# The tenant's other settings as the page shows them, so that a post changes only what it names.
UNCHANGED = {
    "stale_after_days": "60",
    "dormant_after_days": "180",
    "reminder_task_days": "7",
    "escalation_days": "7",
    "expiry_windows": "180,90,30",
    "procedure_order": "council_first",
}


def test_the_administrator_changes_the_evaluation_cycle(client_as, tenant_admin, tenant):
    data = {"evaluations_per_year": "4", "renewal_lead_days": "120", "stale_progress_days": "60"}
    assert client_as(tenant_admin).post(SETTINGS_URL, UNCHANGED | data).status_code == 302
    tenant.refresh_from_db()
    assert (tenant.evaluations_per_year, tenant.renewal_lead_days) == (4, 120)
    assert tenant.stale_progress_days == 60


def test_the_evaluation_cycle_decides_the_period_due(signed, tenant_admin):
    coop, mou = signed
    plan_item(mou, start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    update_settings(coop.tenant, by=tenant_admin, evaluations_per_year=4)
    due = panel_context(coop, today=date(2025, 10, 1))["evaluation_due"]
    assert (due.label, due.due) == ("quarter 3 2025", date(2025, 10, 30))


def test_the_plan_item_threshold_decides_what_is_at_risk(signed, tenant_admin):
    coop, mou = signed
    item = plan_item(mou, start_date=date(2025, 1, 1), end_date=date(2026, 12, 31))
    services.record_progress(item, by=None, date=date(2025, 9, 1), value=Decimal(150))
    assert panel_context(coop, today=date(2025, 10, 1))["at_risk"] == []
    update_settings(coop.tenant, by=tenant_admin, stale_progress_days=14)
    assert [p.item for p in panel_context(coop, today=date(2025, 10, 1))["at_risk"]] == [item]


@pytest.mark.parametrize(
    ("field", "value"),
    [("evaluations_per_year", "3"), ("renewal_lead_days", "2"), ("stale_progress_days", "dua")],
)
def test_bad_settings_get_field_errors(client_as, tenant_admin, tenant, field, value):
    data = {"evaluations_per_year": "4", "renewal_lead_days": "120", "stale_progress_days": "60"}
    response = client_as(tenant_admin).post(SETTINGS_URL, UNCHANGED | data | {field: value})
    assert response.status_code == 200 and field in response.context["form"].errors
    tenant.refresh_from_db()
    assert (tenant.evaluations_per_year, tenant.renewal_lead_days) == (2, 180)
    assert tenant.stale_progress_days == 90


def test_only_the_administrator_may_change_settings(
    client_as, cooperation_officer, outsider, tenant
):
    assert client_as(cooperation_officer).get(SETTINGS_URL).status_code == 403
    with pytest.raises(Refused):
        update_settings(tenant, by=None, stale_progress_days=1)
    # The outsider's own settings page edits the outsider's tenant, never this one.
    client_as(outsider).post(SETTINGS_URL, UNCHANGED | {"stale_progress_days": "30"})
    tenant.refresh_from_db()
    assert tenant.stale_progress_days == 90


def test_the_old_settings_address_leads_to_the_one_settings_page(client_as, tenant_admin):
    response = client_as(tenant_admin).get("/implementation/settings/")
    assert response.status_code == 302 and response["Location"] == SETTINGS_URL
