"""Each role's home page answers its question: the leader what is coming up, waiting on others
and at risk, an officer what to do today, the team what awaits its consideration. Always only
the tenant's own records; the outsider's are never counted or shown."""

from datetime import timedelta
from decimal import Decimal
from itertools import product

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from mitra.cooperations import services as cooperations
from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import apply_transition, record_past_state
from mitra.dashboard import mine
from mitra.events import services as events
from mitra.followups import services as followups
from mitra.followups.models import Task
from mitra.implementation import services as implementation
from mitra.tenancy.models import WRITE_ROLES, Membership, Tenant
from tests.factories import make_cooperation, make_document, make_user
from tests.procedure import cooperation_of_kind

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard:index")
S = Cooperation.State
K = Cooperation.Kind


def board_of(client):
    return client.get(DASHBOARD).context["board"]


def at_state(tenant, state, **fields):
    coop = make_cooperation(tenant, **fields)
    record_past_state(coop, state, by=None, note="test setup")
    return coop


# --- The leader: what is counted, and what lies behind each figure -----------------------------


def test_the_headline_counts_only_the_cooperations_under_way_and_names_the_ones_standing_still(
    client_as, leadership, tenant, other_tenant
):
    """Issue 14: "13 kerja sama berjalan" counted dormant and on-hold ones. The headline counts
    those under way; the note names how many stand still; the charts still show every live one;
    the headline's link lists exactly the ones it counts."""
    at_state(tenant, S.EXPLORATION)
    at_state(tenant, S.IMPLEMENTATION)
    at_state(tenant, S.DORMANT)
    at_state(tenant, S.ON_HOLD_CENTRAL_REVIEW)
    at_state(tenant, S.WITHDRAWN)
    at_state(other_tenant, S.EXPLORATION)
    client = client_as(leadership)
    response = client.get(DASHBOARD)
    board = response.context["board"]
    assert board.live_count == Cooperation.objects.for_tenant(tenant).live().count() == 4
    assert board.under_way_count == Cooperation.objects.for_tenant(tenant).under_way().count()
    assert (board.under_way_count, board.dormant_count, board.on_hold_count) == (2, 1, 1)
    page = response.content.decode()
    figure = page[page.index('class="dashboard__figures"') :]
    assert f'href="{board.under_way_url}"' in figure.split("</div>")[0]
    listed = client.get(board.under_way_url).context["page"]
    assert {c.state for c in listed.object_list} == {S.EXPLORATION, S.IMPLEMENTATION}
    assert listed.paginator.count == board.under_way_count
    assert 'id="dashboard-live-note"' in page


def test_only_the_on_hold_and_dormant_states_stand_still():
    assert {S.ON_HOLD_CENTRAL_REVIEW, S.DORMANT} == workflow.PAUSED


def test_every_chart_segment_links_to_the_list_of_exactly_its_rows(
    client_as, cooperation_officer, tenant, other_tenant
):
    at_state(tenant, S.EXPLORATION)
    at_state(tenant, S.DORMANT)
    at_state(tenant, S.WITHDRAWN)  # same kind, not live: not behind the kind's segment
    cooperation_of_kind(tenant, K.FOREIGN_INSTITUTION)
    at_state(other_tenant, S.EXPLORATION)
    client = client_as(cooperation_officer)
    board = board_of(client)
    segments = board.by_state + board.by_kind
    assert len(segments) == 5
    for tally in segments:
        listed = client.get(tally.url).context["page"].paginator.count
        assert listed == tally.count, tally.url
    assert client.get(board.live_url).context["page"].paginator.count == board.live_count


def test_the_kind_legend_explains_each_abbreviation_and_the_chart_labels_carry_numbers(
    client_as, leadership, tenant
):
    make_cooperation(tenant)
    make_cooperation(tenant)
    client = client_as(leadership)
    response = client.get(DASHBOARD)
    (ksdpl,) = response.context["board"].by_kind
    # The abbreviation beside what it stands for, not twice ("KSDPL KSDPL: dengan ...").
    assert ksdpl.label == "KSDPL"
    assert ksdpl.description == str(K.FOREIGN_REGION.label).removeprefix("KSDPL:").strip()
    assert ksdpl.description and not ksdpl.description.startswith("KSDPL")
    assert ksdpl.description in response.content.decode()
    charts = client.get(reverse("dashboard:charts")).json()
    assert charts["byKind"]["labels"] == ["KSDPL (2)"]
    assert charts["byKind"]["urls"] == [ksdpl.url]


def test_an_upcoming_event_shows_how_many_of_its_signings_are_ready(
    client_as, leadership, tenant, other_tenant
):
    today = timezone.localdate()
    f8 = events.create_event(tenant, by=None, name="F8", starts_on=today + timedelta(days=42))
    ready = at_state(tenant, S.LETTER_OF_INTENT, title="Makassar–Gothenburg")
    early = at_state(tenant, S.EXPLORATION, title="Makassar–Incheon")
    for coop in (ready, early):
        events.plan_signing(f8, coop, Document.Kind.LETTER_OF_INTENT, by=None)
    events.create_event(other_tenant, by=None, name="Festival Bandung", starts_on=today)
    response = client_as(leadership).get(DASHBOARD)
    (row,) = response.context["board"].upcoming
    assert (row.event, row.days_away, row.ready, len(row.signings)) == (f8, 42, 1, 2)
    assert [check.signing.cooperation for check in row.not_ready] == [early]
    html = response.content.decode()
    assert "Makassar–Incheon" in html
    assert "Festival Bandung" not in html


def test_files_waiting_at_kemendagri_show_for_how_long_the_longest_first(
    client_as, leadership, cooperation_officer, tenant, other_tenant, outsider
):
    older = make_cooperation(tenant, title="ENGIE INEO")
    apply_transition(older, "put_on_hold", by=cooperation_officer)
    newer = make_cooperation(tenant, title="Kaohsiung")
    apply_transition(newer, "put_on_hold", by=cooperation_officer)
    theirs = make_cooperation(other_tenant, title="Hamamatsu")
    apply_transition(theirs, "put_on_hold", by=outsider)
    ten_days_ago = timezone.now() - timedelta(days=10)
    older.review_requests.update(opened_at=ten_days_ago)
    response = client_as(leadership).get(DASHBOARD)
    waiting = response.context["board"].waiting
    assert [(w.review.cooperation, w.days) for w in waiting.rows] == [(older, 10), (newer, 0)]
    assert waiting.total == 2
    assert "Hamamatsu" not in response.content.decode()


def promise(tenant, title, *, done, started_days_ago, length_days):
    """An item of 100 outlets on a signed MoU, with `done` reported so far."""
    today = timezone.localdate()
    coop = at_state(tenant, S.IMPLEMENTATION, title=title)
    start = today - timedelta(days=started_days_ago)
    mou = make_document(coop, kind=Document.Kind.MOU, title=f"MoU {title}", date_signed=start)
    item = implementation.create_plan_item(
        mou,
        by=None,
        activity=f"Gerai {title}",
        target_quantity=Decimal(100),
        unit="gerai",
        start_date=start,
        end_date=start + timedelta(days=length_days),
    )
    implementation.record_progress(item, by=None, date=today, value=Decimal(done), today=today)
    return item


def test_a_promise_at_risk_shows_what_is_done_against_the_time_gone(
    client_as, leadership, tenant, other_tenant
):
    behind = promise(tenant, "IE Singapore", done=20, started_days_ago=65, length_days=100)
    promise(tenant, "Palembang", done=70, started_days_ago=65, length_days=100)
    promise(other_tenant, "Bandung lain", done=0, started_days_ago=90, length_days=100)
    response = client_as(leadership).get(DASHBOARD)
    (row,) = response.context["board"].at_risk.rows
    assert row.progress.item == behind
    assert (row.progress.percent, row.progress.elapsed_percent) == (20, 65)
    html = response.content.decode()
    assert "IE Singapore" in html and "Bandung lain" not in html


# --- An officer: what do I do today ------------------------------------------------------------


def task_for(tenant, person, title, days_from_today, cooperation=None):
    today = timezone.localdate()
    task = followups.create_task(
        tenant, by=None, title=title, assignee=person, due_date=today, cooperation=cooperation
    )
    Task.objects.filter(pk=task.pk).update(due_date=today + timedelta(days=days_from_today))
    return task


def test_an_officers_home_lists_their_overdue_and_todays_tasks_and_their_next_steps(
    client_as, cooperation_officer, agency_officer, tenant, other_tenant, outsider
):
    mine = make_cooperation(tenant, title="Makassar–Gothenburg", owner=cooperation_officer)
    make_cooperation(tenant, title="Someone else's", owner=agency_officer)
    late = task_for(tenant, cooperation_officer, "Kirim surat", -2, cooperation=mine)
    today = task_for(tenant, cooperation_officer, "Telepon mitra", 0)
    task_for(tenant, cooperation_officer, "Minggu depan", 7)
    task_for(tenant, agency_officer, "Tugas OPD", -1)
    task_for(other_tenant, outsider, "Tugas Bandung", -1)
    response = client_as(cooperation_officer).get(DASHBOARD)
    day = response.context["board"].my_day
    assert (day.overdue.rows, day.due_today.rows) == ([late], [today])
    assert (day.overdue.total, day.due_today.total) == (1, 1)
    assert [own.cooperation for own in day.next_steps.rows] == [mine]
    assert str(workflow.ACTION_LABELS["start_exploration"]) in day.next_steps.rows[0].steps
    html = response.content.decode()
    section = html[html.index('id="dashboard-my-day"') :]
    section = section[: section.index("</section>")]
    assert late.get_absolute_url() in section and mine.get_absolute_url() in section
    assert "Tugas OPD" not in section and "Minggu depan" not in section
    assert "Tugas Bandung" not in html


def test_an_officers_next_steps_are_found_in_the_database_exactly_where_the_table_offers_them(
    tenant, other_tenant, cooperation_officer, outsider
):
    """The home page asks the database for the owned cooperations with a step of the role's own
    and works out the labels of the first few only: for every kind, state and procedure order,
    and every writing role, the filter keeps exactly the rows the table gives such a step."""
    template = make_cooperation(tenant, owner=cooperation_officer)
    combinations = list(
        product(Cooperation.Kind.values, Cooperation.State.values, Tenant.ProcedureOrder.values)
    )
    Cooperation.objects.bulk_create(
        Cooperation(
            tenant=tenant,
            owner=cooperation_officer,
            title=f"{kind} {state} {order}",
            kind=kind,
            state=state,
            procedure_order=order,
            sub_form=template.sub_form,
        )
        for kind, state, order in combinations
    )
    make_cooperation(other_tenant, owner=outsider)
    owned = Cooperation.objects.filter(owner=cooperation_officer)
    offered = {role: {coop.pk for coop in owned if mine._steps(coop, role)} for role in WRITE_ROLES}
    for role in WRITE_ROLES:
        kept = set(owned.filter(mine._with_own_steps(role)).values_list("pk", flat=True))
        assert kept == offered[role], role
    role = Membership.Role.COOPERATION_OFFICER
    assert len(offered[role]) > mine.SHOWN  # the page shows the first few of many
    day = mine.my_day(tenant, cooperation_officer, role, timezone.localdate())
    live = Cooperation.objects.filter(pk__in=offered[role]).live()
    assert day.next_steps.total == live.count()
    assert [own.cooperation for own in day.next_steps.rows] == list(
        live.order_by("title", "pk")[: mine.SHOWN]
    )
    assert all(own.steps for own in day.next_steps.rows)


@pytest.mark.parametrize("persona", ["leadership", "team_reviewer"])
def test_read_only_roles_get_no_to_do_list(client_as, request, persona):
    assert board_of(client_as(request.getfixturevalue(persona))).my_day is None


# --- The team (TKKSD): what awaits our consideration -------------------------------------------


def test_the_teams_home_lists_what_awaits_its_consideration_until_it_is_recorded(
    client_as, team_reviewer, tenant, other_tenant
):
    waiting = at_state(tenant, S.EXPLORATION, title="Little Bandung")
    at_state(tenant, S.IMPLEMENTATION, title="Already signed")
    at_state(other_tenant, S.EXPLORATION, title="Bandung lain")
    client = client_as(team_reviewer)
    response = client.get(DASHBOARD)
    assert response.context["board"].awaiting.rows == [waiting]
    assert "Bandung lain" not in response.content.decode()
    cooperations.record_consideration(waiting, by=team_reviewer, recommendation="agree")
    assert board_of(client).awaiting.total == 0
    record_past_state(
        waiting, S.COOPERATION_PLAN, by=None, note="test setup"
    )  # a new step of the team's: asked again
    assert board_of(client).awaiting.rows == [waiting]


def test_the_teams_queue_says_how_long_each_has_waited_the_longest_first(
    client_as, team_reviewer, tenant
):
    recent = at_state(tenant, S.EXPLORATION, title="Baru")
    older = at_state(tenant, S.EXPLORATION, title="Lama")
    older.events.filter(target=S.EXPLORATION).update(at=timezone.now() - timedelta(days=40))
    response = client_as(team_reviewer).get(DASHBOARD)
    assert response.context["board"].awaiting.rows == [older, recent]
    html = response.content.decode()
    queue = html[html.index('id="dashboard-awaiting"') :]
    queue = queue[: queue.index("</section>")]
    days = ngettext("%(days)s day at this step", "%(days)s days at this step", 40)
    assert days % {"days": 40} in queue


@pytest.mark.parametrize(
    "role", [r for r in Membership.Role if r != Membership.Role.CENTRAL_REVIEWER]
)
def test_only_the_team_and_the_administrator_see_the_consideration_queue(client_as, tenant, role):
    user = make_user(tenant, role)
    awaiting = board_of(client_as(user)).awaiting
    team = role in (Membership.Role.TEAM_REVIEWER, Membership.Role.TENANT_ADMIN)
    assert (awaiting is not None) == team
