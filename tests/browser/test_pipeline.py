"""The pipeline board in Chromium: an officer drags cards between steps; a refused drag says why."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import record_past_state
from mitra.partners.models import Country
from mitra.regions.models import Region
from mitra.tenancy.models import Membership, Tenant
from tests.browser.shots import keep
from tests.factories import DEMO_PASSWORD, make_cooperation, make_partner, make_user

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


BY_THE_TITLE = {"x": 12, "y": 8}


def column(page: Page, state: str) -> Locator:
    return page.locator(f'.board__column[data-state="{state}"]')


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_officer_drags_a_card_to_the_next_step_and_is_told_why_another_cannot_move(
    reference_data: None, live_server, page: Page
):
    tenant = Tenant.objects.create(
        region=Region.objects.get(code="7371"), name="Pemerintah Kota Makassar", slug="makassar"
    )
    make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    incheon = make_partner(tenant, name="Incheon Metropolitan City")
    kaohsiung = make_partner(tenant, name="Kaohsiung City", country=Country.objects.get(code="TW"))
    first = make_cooperation(tenant, title="Kota kembar Makassar–Incheon", partners=[incheon])
    second = make_cooperation(tenant, title="Kota kembar Makassar–Kaohsiung", partners=[kaohsiung])
    record_past_state(second, Cooperation.State.LETTER_OF_INTENT, by=None, note="test setup")
    ARTIFACTS.mkdir(exist_ok=True)

    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill("officer.makassar")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    # The nav link reads "Alur" once the catalogue has the new strings; find it by address.
    page.locator(f'.mainnav a[href="{reverse("pipeline:board")}"]').click()
    expect(page.locator("#pipeline-board")).to_be_visible()

    card = page.locator(f"#card-{first.pk}")
    expect(column(page, "initiative").locator(f"#card-{first.pk}")).to_be_visible()
    # Taken by its title: the card's middle holds the "Move to" menu, which opens on a press.
    card.drag_to(column(page, "exploration"), source_position=BY_THE_TITLE)
    expect(column(page, "exploration").locator(f"#card-{first.pk}")).to_be_visible()
    expect(column(page, "initiative").locator(f"#card-{first.pk}")).to_have_count(0)
    first.refresh_from_db()
    assert first.state == Cooperation.State.EXPLORATION

    refused = page.locator(f"#card-{second.pk}")
    refused.drag_to(column(page, "cooperation_plan"), source_position=BY_THE_TITLE)
    problems = page.locator(f"#card-{second.pk} .pcard__problems")
    expect(problems).to_contain_text("Lampirkan")
    expect(column(page, "letter_of_intent").locator(f"#card-{second.pk}")).to_be_visible()
    second.refresh_from_db()
    assert second.state == Cooperation.State.LETTER_OF_INTENT
    keep(page, ARTIFACTS / "pipeline.png", full_page=True)


# For each strip (a step with no card), on how many lines its name is set.
LINES_OF_EMPTY_HEADINGS = """() => Object.fromEntries(
    [...document.querySelectorAll(".board__column--empty .board__heading")].map((heading) => {
        const name = document.createRange();
        name.selectNodeContents(heading.firstChild);
        return [heading.textContent.trim(), name.getClientRects().length];
    })
)"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_step_with_no_card_is_a_narrow_strip_so_more_of_the_procedure_is_in_view(
    reference_data: None, live_server, page: Page
):
    tenant = Tenant.objects.create(
        region=Region.objects.get(code="7371"), name="Pemerintah Kota Makassar", slug="makassar"
    )
    make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    make_cooperation(tenant, title="Kota kembar Makassar–Incheon", partners=[make_partner(tenant)])
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill("officer.makassar")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(live_server.url + reverse("pipeline:board"))

    with_card = column(page, "initiative").bounding_box()
    empty = column(page, "exploration").bounding_box()
    assert with_card is not None and empty is not None
    assert empty["width"] < with_card["width"] / 2
    # Each strip's step name is whole, on one line (written downwards): no word broken inside.
    lines = page.evaluate(LINES_OF_EMPTY_HEADINGS)
    assert lines and set(lines.values()) == {1}, lines


# The columns whose box reaches past the board's own box: cut, or behind a sideways scroll.
COLUMNS_PAST_THE_BOX = """() => {
    const board = document.querySelector("#pipeline-board").getBoundingClientRect();
    return [...document.querySelectorAll(".board__column")]
        .filter((column) => {
            const box = column.getBoundingClientRect();
            return box.left < board.left - 1 || box.right > board.right + 1;
        })
        .map((column) => column.dataset.state);
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_column_of_a_full_board_is_in_view_on_a_laptop_and_the_page_fits_a_phone(
    reference_data: None, live_server, page: Page
):
    """Issue 14: with seven steps holding cards, the board at 1280 px was 1,812 px wide in a
    1,232 px box and its last column ("Pelaksanaan") was cut at the box's edge. On a laptop the
    columns wrap onto further rows; on a phone the board scrolls sideways in its own box."""
    tenant = Tenant.objects.create(
        region=Region.objects.get(code="7371"), name="Pemerintah Kota Makassar", slug="makassar"
    )
    make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    partner = make_partner(tenant)
    S = Cooperation.State
    filled = [
        S.EXPLORATION,
        S.LETTER_OF_INTENT,
        S.COOPERATION_PLAN,
        S.CENTRAL_VERIFICATION,
        S.SIGNING,
        S.IMPLEMENTATION,
        S.MONITORING_EVALUATION,
        S.DORMANT,
    ]
    for number, state in enumerate(filled):
        coop = make_cooperation(tenant, title=f"Kerja sama {number}", partners=[partner])
        record_past_state(coop, state, by=None, note="test setup")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill("officer.makassar")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(live_server.url + reverse("pipeline:board"))

    assert page.locator(".board__column:not(.board__column--empty)").count() == len(filled)
    assert page.evaluate(COLUMNS_PAST_THE_BOX) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 1280
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    board = page.locator("#pipeline-board")
    assert board.evaluate("(box) => box.scrollWidth > box.clientWidth")  # scrolls in its box
