"""The meeting form offers only the chosen partner's contacts, each named with its partner, and
they follow the partner when it changes (htmx asks `followups:contact_choices`); a commitment
starts assigned to the cooperation's owner, else to whoever logs the meeting."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from mitra.followups import services
from mitra.followups.models import Activity, Task
from mitra.partners import services as partner_services
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db

NEW = reverse("followups:log_activity")
CHOICES = reverse("followups:contact_choices")


@pytest.fixture
def people(tenant):
    """Incheon with two contacts, Gothenburg with one."""
    incheon = make_partner(tenant, name="Incheon")
    gothenburg = make_partner(tenant, name="Gothenburg")
    return {
        "incheon": incheon,
        "gothenburg": gothenburg,
        "kim": partner_services.add_contact(incheon, by=None, name="Kim Min-jun"),
        "lee": partner_services.add_contact(incheon, by=None, name="Lee Seo-yeon"),
        "anna": partner_services.add_contact(gothenburg, by=None, name="Anna Svensson"),
    }


def offered(form):
    return {contact.name for contact in form.fields["partner_contacts"].queryset}


def ticked(html):
    return set(re.findall(r'name="partner_contacts" value="(\d+)"[^>]*checked', html))


def test_a_meeting_opened_from_a_cooperation_offers_only_its_partner_s_contacts(
    tenant, cooperation_officer, client_as, people
):
    coop = make_cooperation(tenant, partners=[people["incheon"]])
    response = client_as(cooperation_officer).get(f"{NEW}?cooperation={coop.pk}")
    assert offered(response.context["form"]) == {"Kim Min-jun", "Lee Seo-yeon"}
    html = response.content.decode()
    assert "Kim Min-jun — Incheon" in html
    assert "Anna Svensson" not in html


def test_without_a_partner_no_contact_is_offered_and_the_form_says_why(
    tenant, cooperation_officer, client_as, people
):
    response = client_as(cooperation_officer).get(NEW)
    assert offered(response.context["form"]) == set()
    assert "Pilih mitra di atas untuk menampilkan kontaknya." in response.content.decode()


def test_the_contacts_follow_the_partner_chosen(tenant, cooperation_officer, client_as, people):
    client = client_as(cooperation_officer)
    html = client.get(
        CHOICES, {"partner": people["gothenburg"].pk, "partner_contacts": [people["kim"].pk]}
    ).content.decode()
    assert html.strip().startswith('<div id="contacts-field">')
    assert "Anna Svensson — Gothenburg" in html
    assert "Kim Min-jun" not in html  # Incheon's, ticked before the partner changed


def test_a_contact_still_ticked_stays_ticked(tenant, cooperation_officer, client_as, people):
    html = client_as(cooperation_officer).get(
        CHOICES, {"partner": people["incheon"].pk, "partner_contacts": [people["lee"].pk]}
    )
    assert ticked(html.content.decode()) == {str(people["lee"].pk)}


def test_a_partner_without_contacts_says_so(tenant, cooperation_officer, client_as):
    bare = make_partner(tenant, name="Cape Town")
    html = client_as(cooperation_officer).get(CHOICES, {"partner": bare.pk}).content.decode()
    assert "Belum ada kontak Cape Town yang dicatat." in html


@pytest.mark.parametrize("given", ["", "abc", "-1", "99999999999999999999"])
def test_a_partner_that_is_none_of_ours_lists_no_contact(
    given, tenant, cooperation_officer, client_as, people
):
    response = client_as(cooperation_officer).get(CHOICES, {"partner": given})
    assert response.status_code == 200
    assert "Kim Min-jun" not in response.content.decode()


def test_the_outsider_is_shown_none_of_our_contacts(tenant, outsider, client_as, people):
    response = client_as(outsider).get(CHOICES, {"partner": people["incheon"].pk})
    assert response.status_code == 200
    assert "Kim Min-jun" not in response.content.decode()


def test_a_reader_gets_no_contact_choices(tenant, leadership, client_as, people):
    response = client_as(leadership).get(CHOICES, {"partner": people["incheon"].pk})
    assert response.status_code == 403


def test_another_partner_s_contact_is_refused_with_the_form(
    tenant, cooperation_officer, client_as, people
):
    data = {
        "kind": Activity.Kind.MEETING,
        "date": timezone.localdate().isoformat(),
        "title": "Rapat",
        "partner": people["incheon"].pk,
        "partner_contacts": [people["anna"].pk],
        "tasks-TOTAL_FORMS": 0,
        "tasks-INITIAL_FORMS": 0,
    }
    response = client_as(cooperation_officer).post(NEW, data)
    assert response.status_code == 200
    assert "partner_contacts" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_correcting_an_activity_keeps_a_contact_it_already_has_of_another_partner(
    tenant, cooperation_officer, client_as, people
):
    activity = services.log_activity(
        tenant,
        by=cooperation_officer,
        kind=Activity.Kind.MEETING,
        date=timezone.localdate(),
        title="Rapat bersama",
        partner=people["incheon"],
        partner_contacts=[people["kim"], people["anna"]],
    )
    page = client_as(cooperation_officer).get(
        reverse("followups:edit_activity", args=[activity.pk])
    )
    assert offered(page.context["form"]) == {"Kim Min-jun", "Lee Seo-yeon", "Anna Svensson"}
    assert ticked(page.content.decode()) == {str(people["kim"].pk), str(people["anna"].pk)}


# --- A sensible assignee -------------------------------------------------------------------


def assignees(response):
    return {row["assignee"].value() for row in response.context["rows"]}


def test_a_commitment_starts_assigned_to_the_cooperation_s_owner(
    tenant, cooperation_officer, agency_officer, client_as
):
    coop = make_cooperation(tenant, owner=agency_officer)
    response = client_as(cooperation_officer).get(f"{NEW}?cooperation={coop.pk}")
    assert assignees(response) == {agency_officer.pk}


def test_without_a_cooperation_a_commitment_starts_with_whoever_logs_it(
    tenant, cooperation_officer, client_as
):
    response = client_as(cooperation_officer).get(NEW)
    assert assignees(response) == {cooperation_officer.pk}


def test_rows_left_with_only_the_preselected_assignee_make_no_task(
    tenant, cooperation_officer, client_as, people
):
    data = {
        "kind": Activity.Kind.MEETING,
        "date": timezone.localdate().isoformat(),
        "title": "Rapat",
        "partner": people["incheon"].pk,
        "tasks-TOTAL_FORMS": 2,
        "tasks-INITIAL_FORMS": 0,
        "tasks-0-assignee": cooperation_officer.pk,
        "tasks-0-priority": Task.Priority.NORMAL,
        "tasks-1-title": "Kirim notulen",
        "tasks-1-assignee": cooperation_officer.pk,
        "tasks-1-due_date": timezone.localdate().isoformat(),
        "tasks-1-priority": Task.Priority.NORMAL,
    }
    response = client_as(cooperation_officer).post(NEW, data)
    assert response.status_code == 302
    assert list(Task.objects.values_list("title", flat=True)) == ["Kirim notulen"]
