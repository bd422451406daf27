"""The dashboard: a tenant's own figures, for every role of the tenant, in bounded queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import record_past_state
from mitra.dashboard import queries
from mitra.followups import services as followup_services
from mitra.followups.models import Task
from mitra.implementation.queries import dormant_rows
from mitra.partners.models import Country, Partner, Place
from mitra.regions.models import Region
from tests.factories import make_cooperation, make_document, make_partner

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard:index")


def overdue_task(tenant, assignee, title, days_late=3, cooperation=None):
    today = timezone.localdate()
    task = followup_services.create_task(
        tenant, by=None, title=title, assignee=assignee, due_date=today, cooperation=cooperation
    )
    Task.objects.filter(pk=task.pk).update(due_date=today - timedelta(days=days_late))
    return task


def seed(tenant, officer, cooperations=3):
    sweden = Country.objects.get(code="SE")
    gothenburg = Place.objects.filter(country=sweden).first()
    swedish = make_partner(tenant, country=sweden, place=gothenburg)
    tual = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        country=None,
        region=Region.objects.get(code="8172"),
    )
    for index in range(cooperations):
        coop = make_cooperation(tenant, title=f"Kerja sama {index}", partners=[swedish])
        record_past_state(coop, Cooperation.State.EXPLORATION, by=None, note="test setup")
        make_document(
            coop,
            valid_until=timezone.localdate() + timedelta(days=30 + index),
            title=f"MoU {index}",
        )
        overdue_task(tenant, officer, f"Tugas {index}", cooperation=coop)
    make_cooperation(
        tenant, kind=Cooperation.Kind.DOMESTIC_REGION, sub_form="voluntary", partners=[tual]
    )


def test_the_dashboard_counts_live_cooperations_by_state_and_kind(tenant):
    tual = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        country=None,
        region=Region.objects.get(code="8172"),
    )
    make_cooperation(tenant)
    make_cooperation(
        tenant, kind=Cooperation.Kind.DOMESTIC_REGION, sub_form="voluntary", partners=[tual]
    )
    withdrawn = make_cooperation(tenant)
    record_past_state(withdrawn, Cooperation.State.WITHDRAWN, by=None, note="test setup")
    by_state, by_kind = queries.live_tallies(tenant)
    assert {t.value: t.count for t in by_state} == {"initiative": 1, "preparation": 1}
    assert {t.label: t.count for t in by_kind} == {"KSDD": 1, "KSDPL": 1}


def test_the_dashboard_lists_overdue_tasks_and_expiring_documents(
    client_as, cooperation_officer, tenant
):
    seed(tenant, cooperation_officer)
    never = make_cooperation(tenant, title="Tanpa akhir")
    make_document(never, until_terminated=True, title="LoI tanpa akhir")
    late = make_document(never, valid_until=timezone.localdate() + timedelta(days=400))
    response = client_as(cooperation_officer).get(DASHBOARD)
    board = response.context["board"]
    assert response.status_code == 200
    assert board.overdue.total == 3
    assert [t.title for t in board.overdue.rows] == ["Tugas 0", "Tugas 1", "Tugas 2"]
    assert [d.title for d in board.expiring.rows] == ["MoU 0", "MoU 1", "MoU 2"]
    assert late not in board.expiring.rows
    html = response.content.decode()
    assert reverse("followups:needs_follow_up") in html
    # The charts and the map fetch their data; the page carries none of it as JSON.
    assert f'data-source="{reverse("dashboard:charts")}"' in html
    assert f'data-source="{reverse("dashboard:map")}"' in html
    assert "application/json" not in html


def test_the_map_data_shades_partner_countries_and_places_partner_markers(
    tenant, cooperation_officer
):
    seed(tenant, cooperation_officer, cooperations=2)
    (sweden,) = queries.partner_countries(tenant)
    assert sweden["numeric"] == "752"
    assert sweden["count"] == 2
    assert sweden["url"] == "/cooperations/?country=SE"
    assert [p["count"] for p in queries.partner_places(tenant)] == [2]
    (tual,) = queries.partner_regions(tenant)
    assert tual["url"].startswith("/partners/")


def test_the_dashboard_reports_time_spent_per_step(tenant):
    coop = make_cooperation(tenant)
    record_past_state(coop, Cooperation.State.EXPLORATION, by=None, note="test setup")
    steps = queries.step_rows(tenant)
    assert [s.state for s in steps] == ["initiative"]
    assert steps[0].count == 1


def test_follow_up_gaps_are_counted_and_the_first_five_shown(
    client_as, cooperation_officer, tenant
):
    for index in range(7):
        make_cooperation(tenant, title=f"Sepi {index}")
    board = client_as(cooperation_officer).get(DASHBOARD).context["board"]
    assert board.follow_up.total == 7
    assert len(board.follow_up.rows) == 5
    assert [gap.cooperation.title for gap in board.follow_up.rows][:2] == ["Sepi 0", "Sepi 1"]


@pytest.mark.parametrize("persona", ["leadership", "team_reviewer", "agency_officer"])
def test_read_only_and_agency_roles_see_the_dashboard(client_as, request, persona, tenant):
    make_cooperation(tenant)
    response = client_as(request.getfixturevalue(persona)).get(DASHBOARD)
    assert response.status_code == 200
    assert response.context["board"].live_count == 1


def test_a_central_reviewer_has_no_dashboard(client_as, central_reviewer):
    assert client_as(central_reviewer).get(DASHBOARD).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_an_outsider_never_sees_this_tenants_numbers(
    client_as, outsider, tenant, cooperation_officer
):
    seed(tenant, cooperation_officer)
    client = client_as(outsider)
    response = client.get(DASHBOARD)
    board = response.context["board"]
    assert board.live_count == 0
    assert board.overdue.total == 0
    assert board.expiring.rows == []
    assert "Kerja sama 0" not in response.content.decode()
    assert client.get(reverse("dashboard:map")).json() == {
        "countries": [],
        "places": [],
        "regions": [],
    }
    assert client.get(reverse("dashboard:charts")).json()["byState"]["counts"] == []


def with_every_section(tenant, officer, coop, index):
    """What the leader's and the officer's sections show, for one cooperation: a signing planned
    at an event coming up, a request waiting at Kemendagri, a plan item at risk, a task due
    today and a next step for its owner."""
    from decimal import Decimal

    from mitra.cooperations.models import Document
    from mitra.cooperations.services import apply_transition, update_cooperation
    from mitra.events import services as events
    from mitra.implementation import services as implementation

    today = timezone.localdate()
    update_cooperation(coop, by=None, owner=officer)
    event = events.create_event(
        tenant, by=None, name=f"Forum {index}", starts_on=today + timedelta(days=10 + index % 60)
    )
    events.plan_signing(event, coop, Document.Kind.LETTER_OF_INTENT, by=None)
    start = today - timedelta(days=80)
    mou = make_document(coop, kind=Document.Kind.MOU, title=f"MoU {index}", date_signed=start)
    implementation.create_plan_item(
        mou,
        by=None,
        activity=f"Gerai {index}",
        target_quantity=Decimal(100),
        unit="gerai",
        start_date=start,
        end_date=today + timedelta(days=20),
    )
    overdue_task(tenant, officer, f"Hari ini {index}", days_late=0, cooperation=coop)
    apply_transition(coop, "put_on_hold", by=officer)


def test_the_dashboard_costs_the_same_queries_for_3_or_20_cooperations(
    client_as, cooperation_officer, tenant, other_tenant, outsider, django_assert_max_num_queries
):
    client = client_as(cooperation_officer)
    seed(tenant, cooperation_officer, cooperations=3)
    for index, coop in enumerate(Cooperation.objects.filter(tenant=tenant, kind="foreign_region")):
        with_every_section(tenant, cooperation_officer, coop, index)
    with_every_section(other_tenant, outsider, make_cooperation(other_tenant), 0)
    # The ceiling was 25 before the dashboard showed events with their readiness, requests at
    # Kemendagri, promises at risk and the officer's day (29 queries here); what matters is
    # that twenty cooperations cost no more than three.
    with django_assert_max_num_queries(35) as few:
        board = client.get(DASHBOARD).context["board"]
    assert board.upcoming and board.waiting and board.at_risk and board.my_day.due_today
    seed_more = 20 - 3
    for index in range(seed_more):
        coop = make_cooperation(tenant, title=f"Lagi {index}")
        overdue_task(tenant, cooperation_officer, f"Lagi {index}", cooperation=coop)
        with_every_section(tenant, cooperation_officer, coop, 3 + index)
    with django_assert_max_num_queries(len(few.captured_queries)):
        board = client.get(DASHBOARD).context["board"]
    assert board.waiting.total == 20 and board.my_day.due_today.total == 20
    assert len(board.waiting.rows) == len(board.my_day.due_today.rows) == queries.SHOWN


def test_the_nav_links_to_the_dashboard_first(client_as, cooperation_officer):
    html = client_as(cooperation_officer).get(DASHBOARD).content.decode()
    nav = html[html.index('class="mainnav"') :]
    assert nav.index(DASHBOARD) < nav.index(reverse("cooperations:list"))


def dormant_with_plan(tenant, title):
    from decimal import Decimal

    from mitra.cooperations.models import Document
    from mitra.implementation import services as implementation

    coop = make_cooperation(tenant, title=title)
    record_past_state(coop, Cooperation.State.IMPLEMENTATION, by=None, note="test setup")
    signed_on = timezone.localdate() - timedelta(days=400)
    mou = make_document(coop, kind=Document.Kind.MOU, title=f"MoU {title}", date_signed=signed_on)
    implementation.create_plan_item(
        mou,
        by=None,
        activity="Gerai Little Bandung",
        target_quantity=Decimal(200),
        unit="gerai",
        start_date=timezone.localdate() - timedelta(days=400),
        end_date=timezone.localdate() + timedelta(days=300),
    )
    record_past_state(coop, Cooperation.State.DORMANT, by=None, note="test setup")
    return coop


def test_a_dormant_agreement_shows_what_was_promised_and_what_is_missing(
    client_as, leadership, tenant, other_tenant
):
    dormant_with_plan(tenant, "Little Bandung di Malaysia")
    dormant_with_plan(other_tenant, "Kota lain")
    response = client_as(leadership).get(DASHBOARD)
    [row] = response.context["board"].dormant.rows
    assert row.cooperation.title == "Little Bandung di Malaysia"
    assert any("200" in promise for promise in row.facts.promised)
    assert row.facts.missing
    html = response.content.decode()
    assert 'id="dashboard-dormant"' in html
    assert "Kota lain" not in html


def test_the_dormant_count_is_a_warning_only_when_there_is_one(client_as, leadership, tenant):
    """Zero dormant agreements is shown like the other zero counts, not in the warning tone."""
    badge = '<h2><a href="{url}">{heading}</a> <span class="badge{tone}">{count}</span></h2>'
    heading = gettext("Dormant agreements")
    badge = badge.replace("{url}", f"{reverse('cooperations:list')}?state=dormant")
    html = client_as(leadership).get(DASHBOARD).content.decode()
    assert badge.format(heading=heading, tone="", count=0) in html
    dormant_with_plan(tenant, "Little Bandung di Malaysia")
    html = client_as(leadership).get(DASHBOARD).content.decode()
    assert badge.format(heading=heading, tone=" badge--warning", count=1) in html


def test_dormant_agreements_cost_no_more_queries_when_there_are_more(
    tenant, django_assert_max_num_queries
):
    today = timezone.localdate()
    dormant_with_plan(tenant, "Satu")
    with django_assert_max_num_queries(10) as few:
        dormant_rows(tenant, today)
    for n in range(8):
        dormant_with_plan(tenant, f"Lagi {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(dormant_rows(tenant, today)) == 9
