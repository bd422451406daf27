"""A new activity or task starts from the cooperation it was opened from: its partner, its
owner, today; the contacts say whose they are."""

import pytest
from django.urls import reverse
from django.utils import timezone

from mitra.partners import services as partner_services
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db


def open_form(client, name, coop):
    return client.get(reverse(f"followups:{name}") + f"?cooperation={coop.pk}").context["form"]


def test_a_meeting_form_opened_from_a_cooperation_starts_with_its_partner_today_and_owner(
    tenant, cooperation_officer, agency_officer, client_as
):
    incheon = make_partner(tenant, name="Incheon")
    coop = make_cooperation(tenant, partners=[incheon], owner=agency_officer)
    form = open_form(client_as(cooperation_officer), "log_activity", coop)
    assert form["cooperation"].value() == str(coop.pk)
    assert form["partner"].value() == incheon.pk
    assert form["date"].value() == timezone.localdate()
    assert form["staff"].value() == [agency_officer.pk]


def test_a_task_opened_from_a_cooperation_is_assigned_to_its_owner(
    tenant, cooperation_officer, agency_officer, client_as
):
    coop = make_cooperation(tenant, owner=agency_officer)
    form = open_form(client_as(cooperation_officer), "create_task", coop)
    assert form["assignee"].value() == agency_officer.pk


def test_a_partner_given_in_the_link_wins_over_the_cooperation_s_first(
    tenant, cooperation_officer, client_as
):
    first, second = make_partner(tenant), make_partner(tenant)
    coop = make_cooperation(tenant, partners=[first, second])
    url = reverse("followups:log_activity") + f"?cooperation={coop.pk}&partner={second.pk}"
    form = client_as(cooperation_officer).get(url).context["form"]
    assert form["partner"].value() == str(second.pk)


def test_each_contact_is_named_with_its_partner(tenant, cooperation_officer, client_as):
    incheon = make_partner(tenant, name="Incheon")
    partner_services.add_contact(incheon, by=None, name="Kim Min-jun")
    url = reverse("followups:log_activity") + f"?partner={incheon.pk}"
    page = client_as(cooperation_officer).get(url)
    assert "Kim Min-jun — Incheon" in page.content.decode()


def test_another_tenant_s_cooperation_in_the_link_prefills_nothing(
    tenant, other_tenant, outsider, agency_officer, client_as
):
    coop = make_cooperation(tenant, owner=agency_officer)
    form = open_form(client_as(outsider), "log_activity", coop)
    assert form["partner"].value() is None
    assert not form["staff"].value()
    assert form["cooperation"].field.queryset.filter(pk=coop.pk).count() == 0
