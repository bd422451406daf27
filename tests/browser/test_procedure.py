"""The procedure panel in Chromium: an officer tries to sign an LoI and is told what is missing;
on a phone, typed text with a word longer than the screen (a pasted address) breaks inside its
box instead of widening the page."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import record_consideration, record_past_state
from mitra.partners.models import Country
from mitra.regions.models import Region
from mitra.tenancy.models import Membership, Tenant
from tests.browser.shots import keep
from tests.factories import DEMO_PASSWORD, make_cooperation, make_partner, make_user

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASTED = "https://example.org/" + "a" * 300  # one word, wider than any screen


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_officer_is_told_in_place_what_signing_the_loi_needs(
    reference_data: None, live_server, page: Page
):
    tenant = Tenant.objects.create(
        region=Region.objects.get(code="7371"), name="Pemerintah Kota Makassar", slug="makassar"
    )
    make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    kaohsiung = make_partner(tenant, name="Kaohsiung City", country=Country.objects.get(code="TW"))
    coop = make_cooperation(
        tenant,
        title="Kota kembar Makassar–Kaohsiung",
        partners=[kaohsiung],
        summary=f"Rujukan: {PASTED}",
    )
    record_past_state(
        coop, Cooperation.State.LETTER_OF_INTENT, by=None, note=f"LoI direncanakan di F8 {PASTED}"
    )
    record_consideration(coop, by=None, recommendation="agree_with_notes", note=PASTED)
    ARTIFACTS.mkdir(exist_ok=True)

    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill("officer.makassar")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(live_server.url + coop.get_absolute_url())

    panel = page.locator("#procedure-panel")
    expect(panel.locator('[aria-current="step"]')).to_contain_text("pernyataan kehendak")
    page.evaluate("window.stillTheSamePage = true")
    sign = panel.get_by_role("button", name="Catat LoI yang sudah ditandatangani")
    sign.locator("xpath=..").get_by_text("Tambahkan catatan").click()
    page.locator("#note-sign_loi").fill("Ditandatangani di F8")
    sign.click()

    refused = panel.locator(".checklist--refused")
    expect(refused).to_contain_text("Belum dicatat. Yang masih kurang:")
    expect(refused).to_contain_text("Lampirkan pernyataan kehendak (LoI) yang sudah ditandatangani")
    expect(refused).to_contain_text("hubungan diplomatik dengan Taiwan")
    assert page.evaluate("window.stillTheSamePage") is True
    expect(page.locator("#note-sign_loi")).to_have_value("Ditandatangani di F8")
    coop.refresh_from_db()
    assert coop.state == Cooperation.State.LETTER_OF_INTENT
    keep(page, ARTIFACTS / "procedure-1280.png", full_page=True)
    page.set_viewport_size({"width": 768, "height": 1024})
    keep(page, ARTIFACTS / "procedure-768.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done()))")
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    history = page.locator("#history table").bounding_box()  # scrolls in its box, a note column
    assert history is not None and history["width"] < 800, history
