"""The pipeline board: columns per procedure step, cards per live cooperation, moves by form."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from mitra.cooperations.models import Cooperation, CooperationEvent
from mitra.cooperations.services import record_event, record_past_state
from tests.factories import make_cooperation
from tests.procedure import cooperation_of_kind

pytestmark = pytest.mark.django_db

S = Cooperation.State
MISSING_LOI = "Attach the signed letter of intent (LoI) with its date of signing."
BOARD = reverse("pipeline:board")


@pytest.fixture
def in_english(client_as):
    def login(user):
        client = client_as(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return login


@pytest.fixture
def ksdpl(tenant):
    return make_cooperation(tenant, title="Sister city Makassar–Incheon")


def move_url(coop):
    return reverse("pipeline:move", args=[coop.pk])


def move(client, coop, *, htmx=False, **data):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(move_url(coop), {"expected_state": coop.state, **data}, headers=headers)


def test_the_board_shows_the_procedure_steps_as_columns_and_the_cooperations_as_cards(
    in_english, cooperation_officer, ksdpl, tenant
):
    response = in_english(cooperation_officer).get(BOARD)
    html = response.content.decode()
    states = [column.state for column in response.context["columns"]]
    assert states[:3] == [S.INITIATIVE, S.EXPLORATION, S.LETTER_OF_INTENT]
    assert S.ON_HOLD_CENTRAL_REVIEW not in states
    assert f'id="card-{ksdpl.pk}"' in html
    assert "Sister city Makassar–Incheon" in html
    assert "(South Korea)" in html or "(Korea" in html
    # Made today: the card says so rather than counting "0 days".
    assert "In this step since today" in html


def test_a_card_counts_its_days_from_the_move_not_from_a_record_at_the_step(
    client_as, cooperation_officer, ksdpl
):
    """An evaluation or the team's consideration, recorded without moving the cooperation,
    leaves the card's days in the step as they were."""
    entered = timezone.now() - timedelta(days=40)
    CooperationEvent.objects.filter(cooperation=ksdpl).update(at=entered)
    record_event(ksdpl, action="consider", by=None, note="TKKSD: agree")
    response = client_as(cooperation_officer).get(BOARD)
    card = next(
        card
        for column in response.context["columns"]
        for card in column.cards
        if card.coop == ksdpl
    )
    assert card.days == 40


def test_the_domestic_board_shows_ksdd_steps_and_not_foreign_cards(
    client_as, cooperation_officer, ksdpl, tenant
):
    cooperation_of_kind(tenant, Cooperation.Kind.DOMESTIC_REGION, title="Makassar–Tual")
    response = client_as(cooperation_officer).get(BOARD, {"board": "domestic"})
    assert response.context["columns"][0].state == S.PREPARATION
    html = response.content.decode()
    assert "Makassar–Tual" in html
    assert "Sister city Makassar–Incheon" not in html


def test_a_cross_cutting_state_gets_a_column_only_when_a_card_sits_in_it(
    client_as, cooperation_officer, ksdpl
):
    record_past_state(
        ksdpl, S.ON_HOLD_CENTRAL_REVIEW, by=None, action="put_on_hold", note="test setup"
    )
    states = [c.state for c in client_as(cooperation_officer).get(BOARD).context["columns"]]
    assert states[-1] == S.ON_HOLD_CENTRAL_REVIEW


def test_ended_cooperations_are_not_on_the_board(client_as, cooperation_officer, ksdpl):
    record_past_state(ksdpl, S.WITHDRAWN, by=None, note="test setup")
    assert f'id="card-{ksdpl.pk}"' not in client_as(cooperation_officer).get(BOARD).content.decode()


def test_the_board_filters_by_sector_like_the_list(client_as, cooperation_officer, tenant):
    make_cooperation(tenant, title="Smart city with Incheon", sectors=["smart_city"])
    make_cooperation(tenant, title="Tourism with Busan", sectors=["tourism"])
    html = client_as(cooperation_officer).get(BOARD, {"sector": "tourism"}).content.decode()
    assert "Tourism with Busan" in html
    assert "Smart city with Incheon" not in html


def test_an_htmx_request_gets_only_the_board_fragment(client_as, cooperation_officer, ksdpl):
    html = client_as(cooperation_officer).get(BOARD, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="pipeline-board"' in html
    assert "<html" not in html


def test_moving_by_the_form_performs_the_transition_and_writes_an_event(
    client_as, cooperation_officer, ksdpl
):
    response = move(client_as(cooperation_officer), ksdpl, action="start_exploration")
    assert response.status_code == 302
    ksdpl.refresh_from_db()
    assert ksdpl.state == S.EXPLORATION
    event = CooperationEvent.objects.filter(cooperation=ksdpl).latest("at", "pk")
    assert (event.action, event.source, event.by) == (
        "start_exploration",
        S.INITIATIVE,
        cooperation_officer,
    )


def test_dropping_on_the_next_column_moves_the_card_and_returns_the_board_for_htmx(
    client_as, cooperation_officer, ksdpl
):
    response = move(client_as(cooperation_officer), ksdpl, target=S.EXPLORATION, htmx=True)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#pipeline-board"
    ksdpl.refresh_from_db()
    assert ksdpl.state == S.EXPLORATION


def test_a_refused_move_keeps_the_state_and_shows_the_reasons_on_the_card(
    in_english, cooperation_officer, ksdpl
):
    record_past_state(ksdpl, S.LETTER_OF_INTENT, by=None, note="test setup")
    response = move(in_english(cooperation_officer), ksdpl, action="sign_loi")
    assert response.status_code == 200
    assert MISSING_LOI in response.content.decode()
    ksdpl.refresh_from_db()
    assert ksdpl.state == S.LETTER_OF_INTENT


def test_a_refused_drop_returns_the_card_with_the_reasons_for_htmx(
    in_english, cooperation_officer, ksdpl
):
    record_past_state(ksdpl, S.LETTER_OF_INTENT, by=None, note="test setup")
    response = move(
        in_english(cooperation_officer),
        ksdpl,
        target=S.COOPERATION_PLAN,
        htmx=True,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith("<article")
    assert MISSING_LOI in html
    assert "In this step since today" in html  # moved just now, whatever the record's date


def test_a_drop_on_a_column_no_step_leads_to_is_refused_with_a_message(
    in_english, cooperation_officer, ksdpl
):
    response = move(in_english(cooperation_officer), ksdpl, target=S.SIGNING, htmx=True)
    assert "No step you may take leads from “initiative” to “signing”." in response.content.decode()
    ksdpl.refresh_from_db()
    assert ksdpl.state == S.INITIATIVE


def test_a_move_from_a_state_the_card_has_left_is_refused(in_english, cooperation_officer, ksdpl):
    response = in_english(cooperation_officer).post(
        move_url(ksdpl), {"expected_state": S.EXPLORATION, "action": "prepare_loi"}
    )
    assert response.status_code == 200
    ksdpl.refresh_from_db()
    assert ksdpl.state == S.INITIATIVE


@pytest.mark.parametrize("role", ["leadership", "team_reviewer"])
def test_read_only_roles_see_the_board_without_move_controls(request, client_as, role, ksdpl):
    html = client_as(request.getfixturevalue(role)).get(BOARD).content.decode()
    assert f'id="card-{ksdpl.pk}"' in html
    assert 'name="action"' not in html
    assert 'draggable="true"' not in html


@pytest.mark.parametrize("role", ["leadership", "team_reviewer"])
def test_read_only_roles_may_not_move_a_card(request, client_as, role, ksdpl):
    response = move(client_as(request.getfixturevalue(role)), ksdpl, action="start_exploration")
    assert response.status_code == 403
    ksdpl.refresh_from_db()
    assert ksdpl.state == S.INITIATIVE


def test_an_outsider_cannot_move_another_tenants_card(client_as, outsider, ksdpl):
    response = move(client_as(outsider), ksdpl, action="start_exploration")
    assert response.status_code == 404
    ksdpl.refresh_from_db()
    assert ksdpl.state == S.INITIATIVE


def test_an_outsider_does_not_see_another_tenants_cards(client_as, outsider, ksdpl):
    assert f'id="card-{ksdpl.pk}"' not in client_as(outsider).get(BOARD).content.decode()


@pytest.mark.parametrize("cards", [3, 20])
def test_the_number_of_queries_does_not_grow_with_the_board(
    client_as, cooperation_officer, tenant, cards, django_assert_max_num_queries
):
    for _ in range(cards):
        make_cooperation(tenant)
    client = client_as(cooperation_officer)
    with django_assert_max_num_queries(9):
        client.get(BOARD)


def test_every_step_without_a_card_is_narrowed_and_every_step_with_one_is_not(
    client_as, cooperation_officer, ksdpl, tenant, other_tenant
):
    record_past_state(
        make_cooperation(other_tenant), S.EXPLORATION, by=None, note="Awal"
    )  # not counted here
    response = client_as(cooperation_officer).get(BOARD)
    html = response.content.decode()
    for column in response.context["columns"]:
        at = html.index(f'data-state="{column.state}" aria-labelledby')
        opening = html[html.rindex("<section", 0, at) : at]
        assert ("board__column--empty" in opening) == (not column.cards), column.state
    assert any(not column.cards for column in response.context["columns"])


def test_a_full_column_shows_its_first_cards_and_links_the_rest_to_the_register(
    client_as, cooperation_officer, tenant, other_tenant
):
    from mitra.pipeline.board import CARDS

    for n in range(CARDS + 3):
        make_cooperation(tenant, title=f"Kota kembar {n}")
    make_cooperation(other_tenant, title="Kota kembar lain")  # never counted here
    client = client_as(cooperation_officer)
    response = client.get(BOARD, {"q": "kembar"})
    (column,) = [c for c in response.context["columns"] if c.state == S.INITIATIVE]
    assert (len(column.cards), column.total, column.more) == (CARDS, CARDS + 3, 3)
    html = response.content.decode().replace("&amp;", "&")
    assert column.more_url in html
    listed = client.get(column.more_url).context["page"].paginator.count
    assert listed == column.total
    assert "state=initiative" in column.more_url and "q=kembar" in column.more_url
