"""One walk through Mitra in Chromium: log in, filter the register with htmx, open a file."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import PartyInput, record_past_state
from mitra.partners.models import Country, Partner
from mitra.regions.models import Region
from mitra.tenancy.models import Membership, Tenant
from tests.browser.shots import keep
from tests.factories import (
    DEMO_PASSWORD,
    make_cooperation,
    make_document,
    make_partner,
    make_user,
)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def seed_makassar(tenant: Tenant) -> Cooperation:
    """A few of Makassar's cooperations (domain guide §9); returns Makassar–Kaohsiung."""
    incheon = make_partner(tenant, name="Incheon Metropolitan City", aliases=["Icheon"])
    kaohsiung = make_partner(
        tenant,
        name="Kaohsiung City",
        aliases=["Kaoshiung"],
        country=Country.objects.get(code="TW"),
    )
    tual = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        name="Pemerintah Kota Tual",
        country=None,
        region=Region.objects.get(code="8172"),
    )
    make_cooperation(
        tenant,
        title="Kota kembar Makassar–Incheon",
        partners=[incheon],
        sectors=["smart_city", "infrastructure"],
    )
    make_cooperation(
        tenant,
        kind=Cooperation.Kind.DOMESTIC_REGION,
        sub_form=Cooperation.SubForm.VOLUNTARY,
        title="Kesepakatan bersama Makassar–Tual",
        partners=[tual],
        sectors=["smart_city"],
    )
    kaohsiung_coop = make_cooperation(
        tenant,
        title="Kota kembar Makassar–Kaohsiung",
        summary="Smart economy dan outlet BULo.",
        partners=[kaohsiung],
        sectors=["smart_city", "msme_trade"],
    )
    record_past_state(
        kaohsiung_coop, Cooperation.State.EXPLORATION, by=None, note="Kunjungan delegasi"
    )
    make_document(
        kaohsiung_coop,
        kind=Document.Kind.LETTER_OF_INTENT,
        title="LoI Makassar–Kaohsiung",
        place_signed="Pantai Losari",
        date_signed=date(2024, 9, 12),
        until_terminated=True,
        parties=[
            PartyInput("first", "Pemerintah Kota Makassar", "415/07/KS/IX/2024"),
            PartyInput("second", "Kaohsiung City Government", "KHH-2024-031"),
        ],
    )
    return kaohsiung_coop


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_officer_logs_in_filters_and_opens_a_cooperation(
    reference_data: None, live_server, page: Page
):
    tenant = Tenant.objects.create(
        region=Region.objects.get(code="7371"), name="Pemerintah Kota Makassar", slug="makassar"
    )
    make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    coop = seed_makassar(tenant)
    ARTIFACTS.mkdir(exist_ok=True)

    page.goto(live_server.url + reverse("accounts:login"))
    expect(page.get_by_role("heading", name="Masuk ke Mitra")).to_be_visible()
    page.get_by_label("Nama pengguna").fill("officer.makassar")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()

    expect(page).to_have_url(live_server.url + reverse("dashboard:index"))
    page.goto(live_server.url + reverse("cooperations:list"))
    expect(page.locator(".brand__tenant")).to_have_text("Pemerintah Kota Makassar")
    expect(page.locator(".resultcount")).to_contain_text("3 kerja sama")

    # Choosing a filter or typing in the search box updates the results in place.
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("Jenis").select_option("domestic_region")
    expect(page.locator(".resultcount")).to_contain_text("1 kerja sama")
    expect(page.locator("#cooperation-results")).to_contain_text("Makassar–Tual")
    page.get_by_label("Jenis").select_option("")
    expect(page.locator(".resultcount")).to_contain_text("3 kerja sama")
    page.get_by_role("searchbox", name="Cari").press_sequentially("Kaoshiung", delay=20)
    expect(page.locator(".resultcount")).to_contain_text("1 kerja sama")
    expect(page.locator("#cooperation-results tbody tr")).to_have_count(1)
    assert page.evaluate("window.stillTheSamePage") is True
    expect(page).to_have_url(re.compile(r"/cooperations/\?q=Kaoshiung&"))
    expect(page.locator("#cooperation-results .badge--flag")).to_be_visible()
    keep(page, ARTIFACTS / "list-1280.png", full_page=True)

    page.get_by_role("link", name="Kota kembar Makassar–Kaohsiung").click()
    expect(page).to_have_url(live_server.url + coop.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Kota kembar Makassar–Kaohsiung")
    expect(page.locator(".alert--warning")).to_contain_text("tidak ada hubungan diplomatik")
    documents = page.locator("#documents")
    expect(documents).to_contain_text("LoI Makassar–Kaohsiung")
    expect(documents).to_contain_text("415/07/KS/IX/2024")
    expect(documents).to_contain_text("KHH-2024-031")
    expect(documents).to_contain_text("sampai diakhiri")
    keep(page, ARTIFACTS / "detail-1280.png", full_page=True)

    page.set_viewport_size({"width": 768, "height": 1024})
    keep(page, ARTIFACTS / "detail-768.png", full_page=True)
    page.go_back()
    expect(page.locator(".resultcount")).to_contain_text("1 kerja sama")
    keep(page, ARTIFACTS / "list-768.png", full_page=True)
