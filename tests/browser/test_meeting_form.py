"""The meeting form in Chromium, at 1280 and 390 px: opened from a cooperation it starts with
its partner, today and the owner, the cooperation's long title shown whole; its contacts are the chosen partner's, named with it, and
follow the partner when it changes; on the phone the commitments' inputs stack under their labels;
the browser console stays free of errors."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from mitra.followups.models import Activity
from mitra.partners import services as partner_services
from mitra.regions.models import Region
from mitra.tenancy.models import Membership, Tenant
from tests.browser.shots import keep
from tests.browser.test_every_role_at_both_widths import CUT_CHOICES
from tests.browser.test_new_cooperation_form import console_errors, log_in
from tests.factories import make_cooperation, make_partner, make_user

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHOICES = reverse("followups:contact_choices")
LONG_TITLE = "Pelatihan pejabat Pemkot Makassar dalam kegiatan Temasek di Singapura dan Incheon"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 390])
def test_the_meeting_s_contacts_follow_the_partner(
    reference_data: None, live_server, page: Page, width: int
):
    page.set_viewport_size({"width": width, "height": 844})
    errors = console_errors(page)
    tenant = Tenant.objects.create(
        region=Region.objects.get(code="7371"), name="Pemerintah Kota Makassar", slug="makassar"
    )
    officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    incheon = make_partner(tenant, name="Kota Metropolitan Incheon")
    gothenburg = make_partner(tenant, name="Kota Gothenburg")
    partner_services.add_contact(incheon, by=None, name="Kim Min-jun")
    anna = partner_services.add_contact(gothenburg, by=None, name="Anna Svensson")
    coop = make_cooperation(tenant, title=LONG_TITLE, partners=[incheon], owner=officer)
    log_in(page, live_server.url, "officer.makassar")
    page.goto(f"{live_server.url}{reverse('followups:log_activity')}?cooperation={coop.pk}")

    expect(page.locator("#id_partner")).to_have_value(str(incheon.pk))
    expect(page.locator("#id_date")).to_have_value(timezone.localdate().isoformat())
    expect(page.locator("#id_tasks-0-assignee")).to_have_value(str(officer.pk))
    contacts = page.locator("#contacts-field")
    expect(contacts).to_contain_text("Kim Min-jun — Kota Metropolitan Incheon")
    expect(contacts).not_to_contain_text("Anna Svensson")
    # The long title of the chosen cooperation shows whole in its half-width box.
    assert page.evaluate(CUT_CHOICES, width >= 1280) == []
    if width < 600:  # each commitment's inputs stack under their labels, as wide as the screen
        box = page.get_by_label("Tugas (1)").bounding_box()
        assert box is not None and box["width"] > width * 0.7
    ARTIFACTS.mkdir(exist_ok=True)
    keep(page, ARTIFACTS / f"meeting-{width}.png", full_page=True)

    with page.expect_response(lambda response: CHOICES in response.url):
        page.locator("#id_partner").select_option(str(gothenburg.pk))
    expect(contacts).to_contain_text("Anna Svensson — Kota Gothenburg")
    expect(contacts).not_to_contain_text("Kim Min-jun")
    page.get_by_label("Anna Svensson — Kota Gothenburg").check()
    page.locator("#id_title").fill("Rapat persiapan dengan Gothenburg")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("button", name="Catat kegiatan").click()
    expect(page.locator("h1")).to_contain_text("Rapat persiapan dengan Gothenburg")
    activity = Activity.objects.get()
    assert (activity.partner, list(activity.partner_contacts.all())) == (gothenburg, [anna])
    assert errors == []
