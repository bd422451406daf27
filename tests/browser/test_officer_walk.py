"""A cooperation officer's day in Chromium, from logging in to the dashboard map.

One walk through what the office does most: record a cooperation with a partner recorded in
place, move it along its procedure, be refused with reasons, attach the signed LoI and move on,
log a meeting whose two commitments become tasks, move a card on the pipeline board, read the pages in
English and back in Indonesian, and find the partner's country on the map. Every main page is
saved as a screenshot under test-artifacts/ (ignored by git) to be looked at, and the browser
console must stay free of errors (a Content-Security-Policy violation is one).
"""

from datetime import timedelta
from pathlib import Path

import pytest
import weasyprint
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import ConsoleMessage, Page, expect

from mitra.cooperations.models import Cooperation, Document
from mitra.followups.models import Task
from mitra.partners.models import Partner
from mitra.regions.models import Region
from mitra.tenancy.models import Membership, Tenant
from tests.browser.shots import keep
from tests.factories import DEMO_PASSWORD, make_cooperation, make_partner, make_user

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def shoot(page: Page, name: str) -> None:
    keep(page, ARTIFACTS / f"walk-{name}.png", full_page=True)


def take_step(page: Page, label: str) -> None:
    """Press a next-step button of the procedure panel and wait for the panel to come back."""
    with page.expect_response(lambda response: "/transition/" in response.url):
        page.locator("#procedure-panel").get_by_role("button", name=label).click()


@pytest.fixture
def signed_loi(tmp_path: Path) -> Path:
    """A real PDF: the scanned LoI as an office would upload it."""
    path = tmp_path / "loi-makassar-gothenburg.pdf"
    html = "<h1>Letter of Intent</h1><p>Makassar – Gothenburg, sister city.</p>"
    weasyprint.HTML(string=html).write_pdf(str(path))
    return path


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_officer_walks_a_cooperation_from_a_new_partner_to_the_dashboard_map(
    reference_data: None, live_server, page: Page, signed_loi: Path
):
    tenant = Tenant.objects.create(
        region=Region.objects.get(code="7371"), name="Pemerintah Kota Makassar", slug="makassar"
    )
    officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    colleague = make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="colleague")
    User.objects.filter(pk=officer.pk).update(first_name="Ikhsan", last_name="Rahman")
    incheon = make_partner(tenant, name="Incheon Metropolitan City")
    waiting = make_cooperation(tenant, title="Kota kembar Makassar–Incheon", partners=[incheon])
    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[str] = []

    def collect(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"{page.url}: {message.text}")

    page.on("console", collect)
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    url = live_server.url

    # Log in.
    page.goto(url + reverse("accounts:login"))
    shoot(page, "01-login")
    page.get_by_label("Nama pengguna").fill("officer.makassar")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.locator(".usermenu__name")).to_contain_text("Ikhsan")

    # A new cooperation with a new partner, recorded inside the cooperation's form.
    page.goto(url + reverse("cooperations:list"))
    shoot(page, "02-cooperations")
    page.locator(f'a[href="{reverse("cooperations:create")}"]').first.click()
    page.get_by_text("Mitra belum ada dalam daftar? Catat di sini").click()
    page.locator("#id_partner-kind").select_option("foreign_city_or_region")
    page.locator("#id_partner-name").fill("Kota Gothenburg")
    with page.expect_response(lambda response: "place" in response.url):
        page.locator("#id_partner-country").select_option("SE")
    gothenburg = page.locator("#id_partner-place option", has_text="Gothenburg").first
    page.locator("#id_partner-place").select_option(gothenburg.get_attribute("value"))
    shoot(page, "03-new-partner")
    # Recorded and ticked; the partners then redraw the kind (a KSDPL for a foreign city).
    with page.expect_response(lambda response: "partners=" in response.url):
        page.get_by_role("button", name="Catat mitra").click()
    partner = Partner.objects.get(name="Kota Gothenburg")
    expect(page.locator(f'input[name="partners"][value="{partner.pk}"]')).to_be_checked()
    expect(page.locator("#id_kind")).to_have_value("foreign_region")
    page.locator("#id_sub_form").select_option("sister_city")
    page.locator("#id_title").fill("Sister city Makassar–Gothenburg")
    page.locator("#id_summary").fill("Kota pintar, pengelolaan sampah dan pertukaran pelajar.")
    shoot(page, "04-new-cooperation")
    page.get_by_role("button", name="Catat kerja sama").click()
    expect(page.locator("h1")).to_contain_text("Sister city Makassar–Gothenburg")
    coop = Cooperation.objects.get(title="Sister city Makassar–Gothenburg")
    assert list(coop.partners.all()) == [partner]

    # Along the procedure to the LoI; signing it is refused while the signed LoI is missing.
    take_step(page, "Mulai penjajakan")
    take_step(page, "Siapkan pernyataan kehendak (LoI)")
    take_step(page, "Catat LoI yang sudah ditandatangani")
    refused = page.locator("#procedure-panel .checklist--refused")
    expect(refused).to_contain_text("Lampirkan pernyataan kehendak (LoI) yang sudah ditandatangani")
    coop.refresh_from_db()
    assert coop.state == Cooperation.State.LETTER_OF_INTENT
    shoot(page, "05-refused")

    # Attach the signed LoI, a real PDF, and the same step now goes through.
    page.locator(f'a[href="{reverse("cooperations:add_document", args=[coop.pk])}"]').first.click()
    page.locator("#id_kind").select_option(Document.Kind.LETTER_OF_INTENT)
    page.locator("#id_title").fill("Letter of Intent Makassar–Gothenburg")
    page.locator("#id_date_signed").fill((timezone.localdate() - timedelta(days=2)).isoformat())
    page.locator("#id_file").set_input_files(str(signed_loi))
    shoot(page, "06-upload-loi")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#documents")).to_contain_text("Letter of Intent Makassar–Gothenburg")
    take_step(page, "Catat LoI yang sudah ditandatangani")
    expect(page.locator('#procedure-panel [aria-current="step"]')).to_contain_text(
        "rencana kerja sama"
    )
    coop.refresh_from_db()
    assert coop.state == Cooperation.State.COOPERATION_PLAN
    shoot(page, "07-cooperation")

    # A meeting with two commitments; both are tasks under My tasks.
    page.goto(url + reverse("followups:log_activity") + f"?cooperation={coop.pk}")
    page.locator("#id_kind").select_option("meeting")
    page.locator("#id_date").fill(timezone.localdate().isoformat())
    page.locator("#id_title").fill("Rapat persiapan rencana kerja sama")
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    for row, (task, assignee) in enumerate(
        [("Kirim draf rencana kerja sama", officer), ("Minta tanggapan OPD teknis", colleague)]
    ):
        page.locator(f"#id_tasks-{row}-title").fill(task)
        page.locator(f"#id_tasks-{row}-assignee").select_option(str(assignee.pk))
        page.locator(f"#id_tasks-{row}-due_date").fill(due)
    shoot(page, "08-log-meeting")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Rapat persiapan rencana kerja sama")
    assert Task.objects.filter(cooperation=coop).count() == 2
    page.locator(f'.mainnav a[href="{reverse("followups:my_tasks")}"]').click()
    expect(page.locator("main")).to_contain_text("Kirim draf rencana kerja sama")
    page.goto(url + reverse("followups:tasks"))
    expect(page.locator("main")).to_contain_text("Kirim draf rencana kerja sama")
    expect(page.locator("main")).to_contain_text("Minta tanggapan OPD teknis")
    shoot(page, "09-tasks")

    # The pipeline board: drag the waiting cooperation into exploration.
    page.locator(f'.mainnav a[href="{reverse("pipeline:board")}"]').click()
    card = page.locator(f"#card-{waiting.pk}")
    card.drag_to(page.locator('.board__column[data-state="exploration"]'))
    expect(
        page.locator('.board__column[data-state="exploration"]').locator(f"#card-{waiting.pk}")
    ).to_be_visible()
    waiting.refresh_from_db()
    assert waiting.state == Cooperation.State.EXPLORATION
    shoot(page, "10-pipeline")

    # English and back.
    page.goto(url + coop.get_absolute_url())
    page.get_by_role("button", name="English", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".mainnav")).to_contain_text("Cooperations")
    expect(page.locator("#procedure-panel")).to_contain_text("cooperation plan")
    shoot(page, "11-cooperation-en")
    page.get_by_role("button", name="Bahasa Indonesia", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.locator(".mainnav")).to_contain_text("Kerja sama")

    # The dashboard: Sweden and South Korea are shaded on the map.
    page.locator(f'.mainnav a[href="{reverse("dashboard:index")}"]').click()
    expect(page.locator("path.dashboard__country--SE")).to_have_count(1)
    expect(page.locator("path.dashboard__country--KR")).to_have_count(1)
    shoot(page, "12-dashboard")

    # The partner's page: its city and country on the map.
    page.goto(url + partner.get_absolute_url())
    expect(page.locator("path.partnermap__country--partner")).to_have_count(1)
    expect(page.locator("path.partnermap__marker")).to_have_count(1)
    shoot(page, "13-partner")

    for name, address in [
        ("14-events", reverse("events:list")),
        ("15-staff", reverse("staff:list")),
        ("16-needs-follow-up", reverse("followups:needs_follow_up")),
    ]:
        page.goto(url + address)
        expect(page.locator("main h1")).to_be_visible()
        shoot(page, name)
    assert errors == []
