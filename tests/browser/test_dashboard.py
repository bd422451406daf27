"""The dashboard in Chromium: charts and the offline world map draw without console errors, and
the state chart names every state whole, on a phone too."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import record_past_state
from mitra.partners.models import Country, Partner, Place
from mitra.regions.models import Region
from mitra.tenancy.models import Membership, Tenant
from tests.browser.shots import keep
from tests.factories import DEMO_PASSWORD, make_cooperation, make_partner, make_user

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def seed(tenant: Tenant) -> None:
    """Partners in South Korea and Sweden (one in a gazetteer city) and an Indonesian region."""
    sweden = Country.objects.get(code="SE")
    incheon = make_partner(tenant, name="Incheon Metropolitan City")
    gothenburg = make_partner(
        tenant,
        name="Göteborgs Stad",
        country=sweden,
        place=Place.objects.filter(country=sweden, name__icontains="Gothenburg").first(),
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
        kind=Cooperation.Kind.DOMESTIC_REGION,
        sub_form=Cooperation.SubForm.VOLUNTARY,
        title="Kesepakatan bersama Makassar–Tual",
        partners=[tual],
    )
    for title in ("Kota kembar Makassar–Incheon", "Pertukaran pelajar Incheon"):
        make_cooperation(tenant, title=title, partners=[incheon])
    coop = make_cooperation(tenant, title="Pengelolaan sampah Göteborg", partners=[gothenburg])
    record_past_state(coop, Cooperation.State.EXPLORATION, by=None, note="test setup")
    # The longest state name: "ditangguhkan (kajian pusat)" was cut beside the bars on a phone.
    held = make_cooperation(tenant, title="Keamanan kota Incheon", partners=[incheon])
    record_past_state(held, Cooperation.State.ON_HOLD_CENTRAL_REVIEW, by=None, note="test setup")
    # Neighbouring states whose names wrap: their labels were drawn over each other.
    for state in (
        Cooperation.State.LETTER_OF_INTENT,
        Cooperation.State.COOPERATION_PLAN,
        Cooperation.State.CENTRAL_VERIFICATION,
        Cooperation.State.DORMANT,
    ):
        coop = make_cooperation(tenant, title=f"Kerja sama Incheon ({state})", partners=[incheon])
        record_past_state(coop, state, by=None, note="test setup")


# The state chart's label column: as wide as its widest label line, and every state labelled.
STATE_LABELS = """() => {
    const y = Chart.getChart("chart-by-state").scales.y;
    return {room: y.width, widest: y._labelSizes.widest.width, shown: y.ticks.length,
            states: Chart.getChart("chart-by-state").data.labels.length,
            tallest: y._labelSizes.highest.height, row: y.height / y.ticks.length};
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_officer_sees_the_charts_and_the_partner_map(
    reference_data: None, live_server, page: Page
):
    tenant = Tenant.objects.create(
        region=Region.objects.get(code="7371"), name="Pemerintah Kota Makassar", slug="makassar"
    )
    make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    seed(tenant)
    errors: list[str] = []

    def collect(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", collect)
    page.on("pageerror", lambda error: errors.append(str(error)))
    ARTIFACTS.mkdir(exist_ok=True)

    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill("officer.makassar")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()

    expect(page).to_have_url(live_server.url + reverse("dashboard:index"))
    expect(page.locator("#dashboard-map[data-ready=true]")).to_have_count(1)
    expect(page.locator("path.dashboard__country--partner")).to_have_count(2)
    expect(page.locator("path.dashboard__marker")).to_have_count(2)
    for canvas in ("#chart-by-state", "#chart-by-kind"):
        box = page.locator(canvas).bounding_box()
        assert box is not None and box["width"] > 100 and box["height"] > 100
    drawn = page.evaluate("Object.keys(Chart.instances).length")
    assert drawn == 2
    keep(page, ARTIFACTS / "dashboard.png", full_page=True)
    page.locator("[data-map-view=indonesia]").click()
    keep(page.locator("#dashboard-map"), ARTIFACTS / "dashboard-indonesia.png")

    labels = page.evaluate(STATE_LABELS)
    assert labels["tallest"] <= labels["row"], labels  # no label over its neighbour's
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )
    labels = page.evaluate(STATE_LABELS)
    assert labels["widest"] <= labels["room"], labels
    assert labels["tallest"] <= labels["row"], labels
    assert labels["shown"] == labels["states"] == 8, labels
    page.set_viewport_size({"width": 1280, "height": 900})

    page.locator("path.dashboard__country--KR").dispatch_event("click")
    expect(page).to_have_url(live_server.url + "/cooperations/?country=KR")
    assert errors == []


# The partners' shapes on the map that lie wholly outside the map's box: not on the screen.
OFF_THE_MAP = """() => {
    const map = document.getElementById("dashboard-map").getBoundingClientRect();
    return [...document.querySelectorAll("path.dashboard__country--partner, path.dashboard__marker")]
        .filter((shape) => {
            const box = shape.getBoundingClientRect();
            return box.right <= map.left || box.left >= map.right || box.bottom <= map.top || box.top >= map.bottom;
        })
        .map((shape) => shape.getAttribute("class"));
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 390])
def test_the_world_map_opens_on_every_partner_on_a_laptop_and_on_a_phone(
    reference_data: None, live_server, browser: Browser, width: int
):
    """The whole world is wider than the map on a phone: opened on its middle, the map showed
    Europe and Africa and left Makassar's partners in Korea (and the rest of Asia) off the
    screen. The world view fits the partners instead, on both screens."""
    tenant = Tenant.objects.create(
        region=Region.objects.get(code="7371"), name="Pemerintah Kota Makassar", slug="makassar"
    )
    make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    seed(tenant)
    page = browser.new_page(locale="id-ID", viewport={"width": width, "height": 844})
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill("officer.makassar")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.locator("#dashboard-map[data-ready=true]")).to_have_count(1)
    page.locator("#dashboard-map").scroll_into_view_if_needed()
    expect(page.locator("path.dashboard__country--KR")).to_have_count(1)
    assert page.evaluate(OFF_THE_MAP) == []
    keep(page.locator("#dashboard-map"), ARTIFACTS / f"dashboard-map-{width}.png")
    # Indonesia and back: the world view is the partners' again.
    page.locator("[data-map-view=indonesia]").click()
    page.locator("[data-map-view=world]").click()
    assert page.evaluate(OFF_THE_MAP) == []
    page.close()
