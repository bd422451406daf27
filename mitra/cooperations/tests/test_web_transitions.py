"""The procedure panel: progress along the cooperation's own steps, next steps, and moving on."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from mitra.cooperations.models import Cooperation, CooperationEvent, Document
from mitra.cooperations.services import record_past_state
from mitra.partners.models import Country
from mitra.regions.models import Region
from mitra.reviews.services import open_missing_reviews
from tests.factories import make_cooperation, make_document, make_partner

pytestmark = pytest.mark.django_db

LOI = Cooperation.State.LETTER_OF_INTENT
MISSING_LOI = "Attach the signed letter of intent (LoI) with its date of signing."


@pytest.fixture
def in_english(client_as):
    def login(user):
        client = client_as(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return login


@pytest.fixture
def ksdpl(tenant):
    """A KSDPL at the letter-of-intent step with no documents yet."""
    coop = make_cooperation(tenant, title="Sister city Makassar–Incheon")
    record_past_state(coop, LOI, by=None, note="test setup")
    return coop


def signed_loi(coop):
    return make_document(coop, kind=Document.Kind.LETTER_OF_INTENT, date_signed=date(2024, 9, 12))


def transition_url(coop):
    return reverse("cooperations:transition", args=[coop.pk])


def post(client, coop, action, *, expected=LOI, note="", **headers):
    data = {"action": action, "expected_state": expected, "note": note}
    return client.post(transition_url(coop), data, **headers)


def test_the_panel_lists_the_open_transitions_as_buttons_for_an_officer(
    in_english, cooperation_officer, ksdpl
):
    html = in_english(cooperation_officer).get(ksdpl.get_absolute_url()).content.decode()
    assert 'id="procedure-panel"' in html
    for action in ("sign_loi", "put_on_hold"):
        assert f'name="action" value="{action}"' in html
    # Moves that cannot be undone are no buttons: each links to its confirmation page.
    for action in ("withdraw", "record_rejection"):
        assert f'name="action" value="{action}"' not in html
        assert reverse("cooperations:confirm_transition", args=[ksdpl.pk, action]) in html
    assert "Record the signed LoI" in html
    assert f'name="expected_state" value="{LOI}"' in html


def test_the_checklist_shows_what_is_missing(in_english, cooperation_officer, ksdpl):
    html = in_english(cooperation_officer).get(ksdpl.get_absolute_url()).content.decode()
    assert "What is missing:" in html
    assert MISSING_LOI in html


def test_the_checklist_is_in_indonesian_by_default(client_as, cooperation_officer, ksdpl):
    html = client_as(cooperation_officer).get(ksdpl.get_absolute_url()).content.decode()
    assert "Lampirkan" in html
    assert MISSING_LOI not in html


@pytest.mark.parametrize("role", ["leadership", "team_reviewer"])
def test_read_only_roles_see_the_checklist_but_no_buttons(in_english, request, role, ksdpl):
    html = in_english(request.getfixturevalue(role)).get(ksdpl.get_absolute_url()).content
    html = html.decode()
    assert MISSING_LOI in html
    assert "Record the signed LoI" in html
    assert 'name="action"' not in html


def test_the_progress_bar_marks_done_current_and_upcoming_steps(
    client_as, cooperation_officer, ksdpl
):
    response = client_as(cooperation_officer).get(ksdpl.get_absolute_url())
    statuses = {s.state: s.status for s in response.context["procedure"]["progress"]}
    assert statuses["initiative"] == statuses["exploration"] == "done"
    assert statuses[LOI] == "current"
    assert statuses["signing"] == "upcoming"
    assert 'aria-current="step"' in response.content.decode()


def test_on_hold_shows_a_badge_and_the_step_it_stopped_at(in_english, cooperation_officer, ksdpl):
    record_past_state(
        ksdpl,
        Cooperation.State.ON_HOLD_CENTRAL_REVIEW,
        by=None,
        action="put_on_hold",
        note="test setup",
    )
    open_missing_reviews()  # as the demo does: history recorded by hand puts nothing forward
    response = in_english(cooperation_officer).get(ksdpl.get_absolute_url())
    html = response.content.decode()
    assert "badge--hold" in html
    assert "stopped at: letter of intent" in html
    assert "Awaiting the central government (Kemendagri):" in html
    statuses = {s.state: s.status for s in response.context["procedure"]["progress"]}
    assert statuses[LOI] == "halted"


def test_a_withdrawn_cooperation_shows_where_it_stopped(client_as, cooperation_officer, ksdpl):
    record_past_state(ksdpl, Cooperation.State.WITHDRAWN, by=None, note="test setup")
    response = client_as(cooperation_officer).get(ksdpl.get_absolute_url())
    statuses = {s.state: s.status for s in response.context["procedure"]["progress"]}
    assert statuses[LOI] == "halted"
    assert "badge--stopped" in response.content.decode()
    assert response.context["procedure"]["next_steps"] == []


def test_posting_a_blocked_transition_shows_the_problems_and_changes_nothing(
    in_english, cooperation_officer, ksdpl
):
    response = post(in_english(cooperation_officer), ksdpl, "sign_loi", note="At F8, Losari")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Not recorded. What is missing:" in html
    assert MISSING_LOI in html
    assert "At F8, Losari</textarea>" in html  # the note the user typed stays
    ksdpl.refresh_from_db()
    assert ksdpl.state == LOI
    assert not CooperationEvent.objects.filter(cooperation=ksdpl, action="sign_loi").exists()


def test_posting_a_ready_transition_moves_the_state_and_writes_an_event(
    in_english, cooperation_officer, ksdpl
):
    signed_loi(ksdpl)
    client = in_english(cooperation_officer)
    response = post(client, ksdpl, "sign_loi", note="Signed at F8")
    assert response.status_code == 302
    ksdpl.refresh_from_db()
    assert ksdpl.state == Cooperation.State.COOPERATION_PLAN
    event = CooperationEvent.objects.filter(cooperation=ksdpl).first()
    assert (event.action, event.source, event.target) == ("sign_loi", LOI, "cooperation_plan")
    assert (event.by, event.note) == (cooperation_officer, "Signed at F8")
    page = client.get(response.url).content.decode()
    assert "Recorded: Record the signed LoI." in page


def test_a_stale_expected_state_is_refused_with_the_message(in_english, cooperation_officer, ksdpl):
    signed_loi(ksdpl)
    response = post(in_english(cooperation_officer), ksdpl, "sign_loi", expected="exploration")
    assert response.status_code == 200
    assert "has meanwhile moved to “letter of intent”; reload and try again." in (
        response.content.decode()
    )
    ksdpl.refresh_from_db()
    assert ksdpl.state == LOI


def test_an_unknown_action_is_refused_with_the_message(in_english, cooperation_officer, ksdpl):
    response = post(in_english(cooperation_officer), ksdpl, "launch_rocket")
    assert response.status_code == 200
    assert "“launch_rocket” is not possible from “letter of intent”." in response.content.decode()


def test_an_incomplete_request_is_refused_not_a_500(in_english, cooperation_officer, ksdpl):
    response = in_english(cooperation_officer).post(transition_url(ksdpl), {"note": "kept"})
    assert response.status_code == 200
    assert "The request was incomplete" in response.content.decode()


def test_a_transition_of_kemendagri_is_refused_to_the_office(
    in_english, cooperation_officer, ksdpl
):
    record_past_state(ksdpl, Cooperation.State.CENTRAL_VERIFICATION, by=None, note="test setup")
    client = in_english(cooperation_officer)
    response = post(client, ksdpl, "verify_central", expected="central_verification")
    assert response.status_code == 200
    assert "Your role may not perform “Record the central verification”." in (
        response.content.decode()
    )


def test_the_outsider_gets_404(client_as, outsider, ksdpl):
    signed_loi(ksdpl)
    assert post(client_as(outsider), ksdpl, "sign_loi").status_code == 404
    ksdpl.refresh_from_db()
    assert ksdpl.state == LOI


@pytest.mark.parametrize("role", ["team_reviewer", "leadership", "central_reviewer"])
def test_roles_without_write_access_get_403(client_as, request, role, ksdpl):
    signed_loi(ksdpl)
    assert post(client_as(request.getfixturevalue(role)), ksdpl, "sign_loi").status_code == 403
    ksdpl.refresh_from_db()
    assert ksdpl.state == LOI


def test_a_get_is_not_allowed(client_as, cooperation_officer, ksdpl):
    assert client_as(cooperation_officer).get(transition_url(ksdpl)).status_code == 405


def test_htmx_gets_the_panel_with_the_problems_in_place(in_english, cooperation_officer, ksdpl):
    response = post(in_english(cooperation_officer), ksdpl, "sign_loi", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200  # htmx swaps only successful responses
    assert response.templates[0].name == "cooperations/_procedure_panel.html"
    assert "<html" not in html
    assert 'id="procedure-panel"' in html
    assert MISSING_LOI in html


def test_htmx_success_updates_the_panel_badge_history_and_messages(
    in_english, cooperation_officer, ksdpl
):
    signed_loi(ksdpl)
    response = post(in_english(cooperation_officer), ksdpl, "sign_loi", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.count('hx-swap-oob="true"') == 3  # messages, state badge, history
    assert "Recorded: Record the signed LoI." in html
    assert 'name="expected_state" value="cooperation_plan"' in html


def test_an_agency_officer_sees_only_the_steps_of_an_opd(in_english, agency_officer, tenant):
    ksdd = make_cooperation(
        tenant,
        kind=Cooperation.Kind.DOMESTIC_REGION,
        sub_form=Cooperation.SubForm.VOLUNTARY,
        partners=[
            make_partner(
                tenant,
                kind="indonesian_region",
                country=None,
                region=Region.objects.get(code="8172"),
            )
        ],
    )
    record_past_state(ksdd, Cooperation.State.IMPLEMENTING_SIGNING, by=None, note="test setup")
    response = in_english(agency_officer).get(ksdd.get_absolute_url())
    actions = [s.action for s in response.context["procedure"]["next_steps"]]
    assert actions == ["sign_pks"]


def test_a_taiwanese_partner_needs_central_guidance_before_the_loi(
    in_english, cooperation_officer, tenant
):
    kaohsiung = make_partner(tenant, name="Kaohsiung City", country=Country.objects.get(code="TW"))
    coop = make_cooperation(tenant, partners=[kaohsiung])
    record_past_state(coop, LOI, by=None, note="test setup")
    html = in_english(cooperation_officer).get(coop.get_absolute_url()).content.decode()
    assert "Indonesia has no diplomatic relations with Taiwan" in html
    assert MISSING_LOI in html


def test_the_list_shows_the_new_states_as_badges(in_english, cooperation_officer, ksdpl):
    record_past_state(
        ksdpl,
        Cooperation.State.ON_HOLD_CENTRAL_REVIEW,
        by=None,
        action="put_on_hold",
        note="test setup",
    )
    html = in_english(cooperation_officer).get(reverse("cooperations:list")).content.decode()
    assert "badge--hold" in html
    assert "on hold for central review" in html


def test_the_page_flags_a_step_that_takes_longer_than_usual(client_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant)
    record_past_state(coop, "letter_of_intent", by=None, note="test setup")
    events = CooperationEvent.objects.filter(cooperation=coop)
    events.filter(action="create").update(at=timezone.now() - timedelta(days=300))
    events.filter(target="letter_of_intent").update(at=timezone.now() - timedelta(days=200))
    client = client_as(cooperation_officer)
    client.cookies["django_language"] = "en"
    html = client.get(coop.get_absolute_url()).content.decode()
    assert "In this step for 200 days" in html
    assert "overdue by 20 days" in html
