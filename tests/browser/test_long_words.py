"""A long unbroken word someone typed widens neither a page nor, on the laptop, a table.

An address pasted into a task's title (issue 14, walked again: 300 letters without a space) made
the dashboard of every role 2,900 px wide, and pushed the task list's assignee, due date and
"Selesai" off to the right of its box at 1280 px. Here such a word is in the titles and names an
officer types (partner, cooperation, document, task, meeting, event) and in the news intake's
note on how an article spells a partner, and the pages that show
them are looked at on the laptop and on the phone: the page is never wider than the screen, and
on the laptop every table fits its box (on the phone a wide table may scroll inside it).
"""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page

from mitra.cooperations.models import Document
from mitra.events import services as events
from mitra.followups import services as followups
from mitra.followups.models import Activity
from mitra.intake import services as intake
from mitra.intake.extract import Extraction, PartnerItem
from mitra.intake.services import Source
from mitra.tenancy.models import Membership
from tests.browser.shots import keep
from tests.factories import (
    DEMO_PASSWORD,
    make_cooperation,
    make_document,
    make_partner,
    make_tenant,
    make_user,
)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# No space, no hyphen: nothing a browser would break the line at.
ADDRESS = (
    "https://drive.example.go.id/" + "Lampiran_Rencana_Aksi_Makassar_Gothenburg_" * 3 + "final.pdf"
)
# The tables wider than their box, each by its first heading.
TABLES_TOO_WIDE = """() => [...document.querySelectorAll(".table-wrap")]
    .filter((box) => box.checkVisibility() && box.scrollWidth > box.clientWidth + 1)
    .map((box) => `${(box.querySelector("th") || box).textContent.trim()}: ${box.scrollWidth} px`)"""
SETTLED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def seed() -> list[str]:
    """The officer's records with the long word; the addresses of the pages showing them."""
    tenant = make_tenant()
    officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    partner = make_partner(tenant, name=f"Kota {ADDRESS}")
    coop = make_cooperation(tenant, title=f"Sister city {ADDRESS}", partners=[partner])
    make_document(coop, kind=Document.Kind.LETTER_OF_INTENT, title=f"LoI {ADDRESS}")
    today = timezone.localdate()
    followups.create_task(
        tenant,
        by=officer,
        title=f"Unggah {ADDRESS}",
        assignee=officer,
        due_date=today - timedelta(days=3),
        cooperation=coop,
        given_on=today - timedelta(days=10),
    )
    activity = followups.log_activity(
        tenant,
        by=officer,
        kind=Activity.Kind.MEETING,
        date=today,
        title=f"Rapat {ADDRESS}",
        notes=ADDRESS,
        cooperation=coop,
    )
    event = events.create_event(
        tenant, by=officer, name=f"Festival {ADDRESS}", place=ADDRESS, starts_on=date(2099, 1, 1)
    )
    events.plan_signing(event, coop, Document.Kind.LETTER_OF_INTENT, by=officer, note=ADDRESS)
    # The news intake's note to the reviewer on how the text spells a partner.
    text = f"Pemkot Makassar dan Kota {ADDRESS}, Swedia, meneken LoI kerja sama."
    spelled = PartnerItem(
        "Gothenburg",
        "foreign_city_or_region",
        "SE",
        (),
        flags=(("spelling", ADDRESS, "Gothenburg"),),
    )
    [news] = intake.submit_news(
        tenant,
        by=officer,
        sources=[Source(text=text)],
        read=lambda _text: Extraction(text=text, partners=(spelled,)),
    )
    return [
        reverse("dashboard:index"),
        reverse("cooperations:list"),
        coop.get_absolute_url(),
        reverse("partners:list"),
        partner.get_absolute_url(),
        reverse("followups:my_tasks"),
        reverse("followups:tasks"),
        reverse("followups:activity", args=[activity.pk]),
        reverse("events:list") + "?month=2099-01",
        event.get_absolute_url(),
        reverse("reminders:list"),
        news.get_absolute_url(),
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_long_word_widens_no_page_and_no_table_on_the_laptop(
    reference_data: None, live_server, page: Page
):
    addresses = seed()
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill("officer.makassar")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    ARTIFACTS.mkdir(exist_ok=True)
    too_wide: list[str] = []
    for number, address in enumerate(addresses):
        assert page.goto(live_server.url + address).ok, address
        for width, height in ((1280, 800), (390, 844)):
            page.set_viewport_size({"width": width, "height": height})
            page.evaluate(SETTLED)
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > width:
                too_wide.append(f"{address} at {width} px: the page is {wide} px wide")
            if width == 1280:
                too_wide += [f"{address}: table {t}" for t in page.evaluate(TABLES_TOO_WIDE)]
            name = f"long-word-{number:02d}-{width}.png"
            keep(page, ARTIFACTS / name, full_page=True)
    assert too_wide == [], "\n".join(too_wide)
