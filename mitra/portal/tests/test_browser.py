"""The public portal in Chromium, signed out: the offline map draws and leads to a cooperation."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import ConsoleMessage, Page, expect
from pytest_django import DjangoDbBlocker

from mitra.cooperations.models import Cooperation
from mitra.partners.models import Partner
from mitra.regions.models import Region
from mitra.tenancy.models import Tenant
from tests.browser.conftest import _load_reference_data
from tests.browser.shots import keep
from tests.factories import make_partner

from .conftest import publish, signed_mou, sister_city

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"


@pytest.fixture(scope="module", autouse=True)
def reference_data_reloaded_after_the_flush(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[None]:
    """On SQLite a live-server test's flush empties every table: load the reference data back."""
    yield
    with django_db_blocker.unblock():
        _load_reference_data()


@pytest.fixture
def reference_data(transactional_db: None) -> None:
    _load_reference_data()


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, object]) -> dict[str, object]:
    return {**browser_context_args, "locale": "id-ID", "viewport": {"width": 1280, "height": 900}}


def seed() -> Tenant:
    tenant = Tenant.objects.create(
        region=Region.objects.get(code="7371"), name="Pemerintah Kota Makassar", slug="makassar"
    )
    incheon = sister_city(tenant, state=Cooperation.State.IMPLEMENTATION)
    signed_mou(incheon)
    publish(incheon, title="Kota kembar Makassar–Incheon", summary="Pertukaran kota cerdas.")
    tual = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        name="Pemerintah Kota Tual",
        country=None,
        region=Region.objects.get(code="8172"),
    )
    domestic = sister_city(
        tenant,
        title="Makassar–Tual",
        partner=tual,
        kind=Cooperation.Kind.DOMESTIC_REGION,
        sub_form=Cooperation.SubForm.VOLUNTARY,
    )
    publish(domestic, title="Kesepakatan bersama Makassar–Tual")
    return tenant


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_citizen_finds_a_cooperation_on_the_map(reference_data: None, live_server, page: Page):
    seed()
    errors: list[str] = []

    def collect(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", collect)
    page.on("pageerror", lambda error: errors.append(str(error)))
    ARTIFACTS.mkdir(exist_ok=True)

    page.goto(live_server.url + reverse("portal:index"))
    page.get_by_role("link", name="Pemerintah Kota Makassar").click()
    expect(page.locator("#portal-map[data-ready=true]")).to_have_count(1)
    expect(page.locator("path.portal__country--partner")).to_have_count(1)  # South Korea
    expect(page.locator("path.portal__marker")).to_have_count(2)  # Incheon and Tual
    keep(page, ARTIFACTS / "portal.png", full_page=True)

    page.locator("select[name=stage]").select_option("exploration")
    page.locator(".filters button[type=submit]").click()
    expect(page.get_by_role("link", name="Kesepakatan bersama Makassar–Tual")).to_be_visible()
    expect(page.get_by_role("link", name="Kota kembar Makassar–Incheon")).to_have_count(0)
    expect(page.locator("path.portal__marker")).to_have_count(1)

    page.goto(live_server.url + reverse("portal:tenant", args=["makassar"]))
    expect(page.locator("#portal-map[data-ready=true]")).to_have_count(1)
    page.locator("path.portal__marker").first.dispatch_event("click")
    page.locator(".leaflet-popup a").first.click()
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("#portal-map[data-ready=true]")).to_have_count(1)
    keep(page, ARTIFACTS / "portal-detail.png", full_page=True)
    assert errors == []
