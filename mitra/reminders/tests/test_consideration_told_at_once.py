"""The team's (TKKSD) consideration is told at once to the officer responsible for the
cooperation, with the recommendation and its notes (issue 14): the team recorded it and nobody
heard of it until they opened the cooperation."""

import pytest
from django.urls import reverse

from mitra.cooperations.models import Consideration, Cooperation
from mitra.cooperations.services import record_consideration, record_past_state
from mitra.reminders.models import Reminder
from mitra.tenancy.models import Membership
from tests.factories import make_cooperation, make_user

pytestmark = pytest.mark.django_db

R = Consideration.Recommendation
K = Reminder.Kind
NOTE = "Kaji dulu manfaat ekonomi bagi UMKM."


@pytest.fixture
def coop(tenant, cooperation_officer):
    coop = make_cooperation(tenant, title="Little Bandung", owner=cooperation_officer)
    record_past_state(coop, Cooperation.State.EXPLORATION, by=None, note="test setup")
    return coop


def test_the_owner_is_told_the_recommendation_and_its_notes_at_once(
    client_as, coop, team_reviewer, cooperation_officer, tenant, outsider
):
    other_officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER, "rina")
    record_consideration(coop, by=team_reviewer, recommendation=R.AGREE_WITH_NOTES, note=NOTE)
    [notice] = Reminder.objects.filter(kind=K.CONSIDERATION_RECORDED)
    assert notice.recipient == cooperation_officer  # the owner, not every officer
    assert (notice.tenant, notice.read_at, notice.sent_at) == (tenant, None, None)
    assert notice.url == f"{coop.get_absolute_url()}#considerations"
    assert str(R.AGREE_WITH_NOTES.label) in notice.title and NOTE in notice.title
    assert not Reminder.objects.filter(recipient__in=[other_officer, outsider]).exists()
    page = client_as(cooperation_officer).get(reverse("reminders:list")).content.decode()
    assert NOTE in page


def test_whoever_records_it_is_not_told_their_own_consideration(coop, tenant_admin):
    Cooperation.objects.filter(pk=coop.pk).update(owner=tenant_admin)
    coop.refresh_from_db()
    record_consideration(coop, by=tenant_admin, recommendation=R.AGREE)
    assert not Reminder.objects.filter(kind=K.CONSIDERATION_RECORDED).exists()
