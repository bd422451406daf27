"""The cooperation-page panel, the dormancy facts and the tenant's settings."""

from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse

from mitra.cooperations.models import Cooperation
from mitra.implementation import services
from mitra.implementation.models import ImplementationSettings
from mitra.implementation.progress import plan_items_prefetch
from mitra.implementation.queries import dormancy_facts, panel_context
from mitra.implementation.tests.conftest import plan_item
from mitra.lib.refusal import Refused
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


def test_the_panel_tag_renders_with_links_for_writers_only(signed):
    coop, mou = signed
    plan_item(mou)
    template = Template("{% load implementation_tags %}{% implementation_panel coop %}")
    for_writer = template.render(Context({"coop": coop, "can_write": True}))
    for_reader = template.render(Context({"coop": coop, "can_write": False}))
    add = reverse("implementation:add_item", args=[coop.pk])
    assert add in for_writer and add not in for_reader
    assert reverse("implementation:cooperation", args=[coop.pk]) in for_reader


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


def test_the_administrator_changes_the_evaluation_cycle(client_as, tenant_admin, tenant):
    url = reverse("implementation:settings")
    data = {"evaluations_per_year": "4", "renewal_lead_days": "120", "stale_progress_days": "60"}
    assert client_as(tenant_admin).post(url, data).status_code == 302
    found = ImplementationSettings.objects.get(tenant=tenant)
    assert (found.evaluations_per_year, found.renewal_lead_days) == (4, 120)


@pytest.mark.parametrize(
    ("field", "value"),
    [("evaluations_per_year", "3"), ("renewal_lead_days", "2"), ("stale_progress_days", "dua")],
)
def test_bad_settings_get_field_errors(client_as, tenant_admin, field, value):
    data = {"evaluations_per_year": "2", "renewal_lead_days": "180", "stale_progress_days": "90"}
    response = client_as(tenant_admin).post(
        reverse("implementation:settings"), {**data, field: value}
    )
    assert response.status_code == 200 and field in response.context["form"].errors
    assert not ImplementationSettings.objects.exists()


def test_only_the_administrator_may_change_settings(
    client_as, cooperation_officer, outsider, tenant
):
    url = reverse("implementation:settings")
    assert client_as(cooperation_officer).get(url).status_code == 403
    with pytest.raises(Refused):
        services.update_settings(tenant, by=None, stale_progress_days=1)
    # The outsider's own settings page edits the outsider's tenant, never this one.
    client_as(outsider).get(url)
    assert not ImplementationSettings.objects.filter(tenant=tenant).exists()
