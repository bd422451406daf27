"""The coordination team (TKKSD) records its consideration of a cooperation: a recommendation
with its reasons, audited, in the cooperation's history and on its page. Only the team (and the
administrator) may record it; another tenant's cooperation is a 404."""

import pytest
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Consideration, Cooperation
from mitra.cooperations.services import record_consideration, record_past_state
from mitra.lib.refusal import Refused
from mitra.tenancy.models import Membership
from tests.factories import make_cooperation, make_user

pytestmark = pytest.mark.django_db

S = Cooperation.State
R = Consideration.Recommendation
TEAM = {Membership.Role.TEAM_REVIEWER, Membership.Role.TENANT_ADMIN}
TENANT_ROLES = [r for r in Membership.Role if r != Membership.Role.CENTRAL_REVIEWER]


@pytest.fixture
def coop(tenant):
    coop = make_cooperation(tenant, title="Little Bandung")
    record_past_state(coop, S.EXPLORATION, by=None, note="test setup")
    return coop


def consider_url(coop):
    return reverse("cooperations:consider", args=[coop.pk])


def test_the_team_records_a_recommendation_with_an_audit_row_and_a_line_in_the_history(
    coop, team_reviewer, english
):
    found = record_consideration(
        coop, by=team_reviewer, recommendation=R.AGREE_WITH_NOTES, note="Kaji dulu rute KSDLL."
    )
    assert (found.state, found.by, found.note) == (S.EXPLORATION, team_reviewer, found.note)
    assert AuditEntry.objects.filter(record=f"cooperations.consideration:{found.pk}").exists()
    line = coop.events.get(action="consider")
    assert (line.source, line.target) == (S.EXPLORATION, S.EXPLORATION)
    assert "agree with notes" in line.note and "Kaji dulu rute KSDLL." in line.note
    coop.refresh_from_db()
    assert coop.state == S.EXPLORATION


def test_disagreeing_needs_a_reason(coop, team_reviewer, english):
    with pytest.raises(Refused, match="does not agree"):
        record_consideration(coop, by=team_reviewer, recommendation=R.DISAGREE, note="  ")
    assert not Consideration.objects.exists()


def test_agreeing_with_notes_needs_the_notes(coop, team_reviewer, english):
    with pytest.raises(Refused, match="notes") as refused:
        record_consideration(coop, by=team_reviewer, recommendation=R.AGREE_WITH_NOTES, note="")
    assert list(refused.value.fields["note"]) == refused.value.problems
    assert not Consideration.objects.exists()


@pytest.mark.parametrize("recommendation", [R.AGREE_WITH_NOTES, R.DISAGREE])
def test_a_missing_note_is_asked_for_beside_the_note_field(
    client_as, coop, team_reviewer, recommendation
):
    response = client_as(team_reviewer).post(
        consider_url(coop), {"recommendation": recommendation, "note": " "}
    )
    form = response.context["form"]
    assert form.errors["note"] and not form.non_field_errors()
    assert not Consideration.objects.exists()


def test_the_procedure_asks_the_team_for_its_consideration_until_it_is_recorded(
    client_as, coop, team_reviewer, cooperation_officer, leadership
):
    """Issue 14: the team's page said its role could only read, while the step awaited the
    team's consideration; the procedure now says so at the top, with the way to record it."""
    team = client_as(team_reviewer)
    html = team.get(coop.get_absolute_url()).content.decode()
    procedure = html[html.index('id="procedure-panel"') : html.index('id="considerations"')]
    assert 'id="consideration-awaited"' in procedure and consider_url(coop) in procedure
    for other in (cooperation_officer, leadership):
        assert (
            "consideration-awaited"
            not in client_as(other).get(coop.get_absolute_url()).content.decode()
        )
    record_consideration(coop, by=team_reviewer, recommendation=R.AGREE)
    assert "consideration-awaited" not in team.get(coop.get_absolute_url()).content.decode()
    record_past_state(coop, S.COOPERATION_PLAN, by=None, note="test setup")  # a new team step
    assert "consideration-awaited" in team.get(coop.get_absolute_url()).content.decode()
    record_past_state(coop, S.IMPLEMENTATION, by=None, note="test setup")  # not the team's
    assert "consideration-awaited" not in team.get(coop.get_absolute_url()).content.decode()


def test_an_ended_cooperation_can_no_longer_be_considered(coop, team_reviewer, english):
    record_past_state(coop, S.WITHDRAWN, by=None, note="test setup")
    with pytest.raises(Refused, match="has ended"):
        record_consideration(coop, by=team_reviewer, recommendation=R.AGREE)


@pytest.mark.parametrize("role", TENANT_ROLES)
def test_only_the_team_and_the_administrator_may_record_a_consideration(
    client_as, tenant, coop, role
):
    client = client_as(make_user(tenant, role))
    response = client.post(consider_url(coop), {"recommendation": R.AGREE, "note": ""})
    if role in TEAM:
        assert response.status_code == 302
        assert Consideration.objects.filter(cooperation=coop).count() == 1
    else:
        assert response.status_code == 403
        assert client.get(consider_url(coop)).status_code == 403
        assert not Consideration.objects.exists()


def test_the_consideration_button_is_shown_to_the_team_only(
    client_as, coop, team_reviewer, cooperation_officer
):
    assert (
        consider_url(coop) in client_as(team_reviewer).get(coop.get_absolute_url()).content.decode()
    )
    html = client_as(cooperation_officer).get(coop.get_absolute_url()).content.decode()
    assert consider_url(coop) not in html


def test_another_tenants_team_gets_404_and_a_central_reviewer_403(
    client_as, coop, other_tenant, central_reviewer
):
    their_team = make_user(other_tenant, Membership.Role.TEAM_REVIEWER)
    data = {"recommendation": R.AGREE, "note": ""}
    assert client_as(their_team).post(consider_url(coop), data).status_code == 404
    assert client_as(their_team).get(consider_url(coop)).status_code == 404
    assert client_as(central_reviewer).post(consider_url(coop), data).status_code == 403
    assert not Consideration.objects.exists()


def test_the_cooperation_page_shows_the_consideration_and_the_history_line(
    client_as, coop, team_reviewer, leadership
):
    response = client_as(team_reviewer).post(
        consider_url(coop), {"recommendation": R.DISAGREE, "note": "Mitra belum jelas."}
    )
    assert response.status_code == 302
    assert response.url == f"{coop.get_absolute_url()}#considerations"
    html = client_as(leadership).get(coop.get_absolute_url()).content.decode()
    section = html[html.index('id="considerations"') :]
    assert "tidak setuju" in section[: section.index("</section>")]
    history = html[html.index('id="history"') :]
    assert "Pertimbangan TKKSD: tidak setuju" in history


def test_bad_input_is_explained_in_indonesian_and_the_note_is_kept(client_as, coop, team_reviewer):
    response = client_as(team_reviewer).post(
        consider_url(coop), {"recommendation": R.DISAGREE, "note": ""}
    )
    assert response.status_code == 200
    assert "Jelaskan mengapa tim tidak setuju." in response.content.decode()
    response = client_as(team_reviewer).post(
        consider_url(coop), {"recommendation": "maybe", "note": "Catatan saya"}
    )
    assert response.status_code == 200
    assert "Catatan saya" in response.content.decode()
    assert not Consideration.objects.exists()
