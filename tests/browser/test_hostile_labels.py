"""Names that look like HTML show as text on every map: dashboard, partner page, public portal.

Issue 12, row 5: a partner named `<img src=x onerror=...>` became a real element in the maps'
tooltips (only the Content-Security-Policy stopped its script). Here partners, a place and a
cooperation carry such names; each map's tooltips and popups are opened, and the page must show
the names literally, with no element injected and no script run.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import ConsoleMessage, Page, expect

from mitra.cooperations.models import Cooperation
from mitra.partners.models import Country, Partner, Place
from mitra.portal.services import publish_cooperation
from mitra.regions.models import Region
from mitra.tenancy.models import Membership, Tenant
from tests.factories import DEMO_PASSWORD, make_cooperation, make_partner, make_user

IMG = "<img src=x onerror=window.__pwned=1>"
BOLD = "<b id=injected>x</b>"
PLACE = "<b id=injected>place</b><img src=x onerror=window.__pwned=2>"


def seed() -> Partner:
    """A city partner in a gazetteer place with a hostile name, and a region partner."""
    tenant = Tenant.objects.create(
        region=Region.objects.get(code="7371"), name="Pemerintah Kota Makassar", slug="makassar"
    )
    make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    sweden = Country.objects.get(code="SE")
    place = Place.objects.create(
        geonameid=990000001, name=PLACE, country=sweden, latitude=57.7, longitude=11.97
    )
    city = make_partner(tenant, name=IMG, country=sweden, place=place)
    region = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        name=BOLD,
        country=None,
        region=Region.objects.get(code="8172"),
    )
    coop = make_cooperation(tenant, title=BOLD, partners=[city])
    publish_cooperation(coop, by=None, public_title=IMG + BOLD)
    domestic = make_cooperation(
        tenant,
        kind=Cooperation.Kind.DOMESTIC_REGION,
        sub_form=Cooperation.SubForm.VOLUNTARY,
        title=IMG,
        partners=[region],
    )
    publish_cooperation(domestic, by=None, public_title=BOLD)
    return city


def _open_every_label(page: Page, layers: str) -> list[str]:
    """Hover every layer (and click markers for popups); the texts of the tooltips shown."""
    texts = []
    for layer in page.locator(layers).all():
        layer.dispatch_event("mouseover")
        tooltip = page.locator(".leaflet-tooltip").last
        expect(tooltip).to_be_visible()
        texts.append(tooltip.inner_text())
        layer.dispatch_event("mouseout")
    return texts


def _assert_nothing_injected(page: Page) -> None:
    assert page.evaluate("document.querySelector('#injected')") is None
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(".leaflet-pane img, .leaflet-pane b").count() == 0


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_hostile_names_show_as_text_on_every_map(
    reference_data: None, live_server, page: Page
) -> None:
    city = seed()
    errors: list[str] = []

    def collect(message: ConsoleMessage) -> None:
        # The CSP refusing an injected handler would be logged here too.
        if message.type == "error":
            errors.append(message.text)

    page.on("console", collect)
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill("officer.makassar")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(live_server.url + reverse("dashboard:index"))
    expect(page.locator("#dashboard-map[data-ready=true]")).to_have_count(1)
    texts = _open_every_label(page, "path.dashboard__marker")
    assert sorted(texts) == sorted([f"{IMG}: 1", f"{BOLD}: 1"])
    _assert_nothing_injected(page)

    page.goto(live_server.url + city.get_absolute_url())
    expect(page.locator("path.partnermap__marker")).to_have_count(1)
    assert _open_every_label(page, "path.partnermap__marker") == [PLACE]
    _assert_nothing_injected(page)

    page.goto(live_server.url + reverse("portal:tenant", args=["makassar"]))
    expect(page.locator("#portal-map[data-ready=true]")).to_have_count(1)
    texts = _open_every_label(page, "path.portal__marker")
    assert sorted(texts) == sorted([f"{PLACE}: {IMG}", f"Kota Tual: {BOLD}"])
    page.locator("path.portal__marker").first.dispatch_event("click")
    expect(page.locator(".leaflet-popup")).to_be_visible()
    assert IMG + BOLD in page.locator(".leaflet-popup").inner_text()
    _assert_nothing_injected(page)
    assert errors == []
