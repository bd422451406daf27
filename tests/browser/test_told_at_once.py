"""In Chromium, at 1280 and 390 px: what Kemendagri sent back is the first thing on the
cooperation, a late evaluation is red on the dashboard, and the notifications read as sentences,
the unread ones set apart (issue 14). Screenshots go to build/screenshots/told-at-once/.
"""

from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from mitra.cooperations.services import apply_transition
from mitra.followups.services import create_task
from mitra.implementation.periods import Period
from mitra.implementation.recurring import DueEvaluation, create_evaluation_reminder
from mitra.regions.models import Region
from mitra.reviews.models import ReviewRequest
from mitra.reviews.services import decide
from mitra.tenancy.models import Membership, Tenant
from tests.browser.shots import keep
from tests.factories import DEMO_PASSWORD, make_cooperation, make_user

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots" / "told-at-once"
NOTE = "Lengkapi kajian manfaat, rencana aksi dan surat dukungan DPRD sebelum diajukan kembali."
PAGE_WIDTH = "() => document.documentElement.scrollWidth"
# The elements reaching past the screen's edge outside a scroll box, to say what is too wide.
WIDER_THAN = """(width) => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width && !e.closest('.table-wrap'))
    .slice(0, 10).map(e => `${e.tagName}.${e.className}`)"""


def _world() -> tuple[str, str]:
    tenant = Tenant.objects.create(
        region=Region.objects.get(code="7371"), name="Pemerintah Kota Makassar", slug="makassar"
    )
    officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    colleague = make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="rina.makassar")
    reviewer = make_user(None, Membership.Role.CENTRAL_REVIEWER, username="kemendagri")
    coop = make_cooperation(tenant, title="Kota Kembar Makassar–Kaohsiung", owner=officer)
    apply_transition(coop, "put_on_hold", by=officer)
    review = ReviewRequest.objects.get(cooperation=coop, status=ReviewRequest.Status.OPEN)
    decide(review, by=reviewer, decision="return", note=NOTE)
    create_task(
        tenant,
        by=colleague,
        title="Siapkan bahan rapat dengan Konsulat",
        assignee=officer,
        due_date=timezone.localdate() + timedelta(days=3),
        cooperation=coop,
    )
    due = timezone.localdate() - timedelta(days=120)
    period = Period(due - timedelta(days=211), due - timedelta(days=30))
    create_evaluation_reminder(DueEvaluation(coop, period, due))
    return "officer.makassar", coop.get_absolute_url()


def _log_in(page: Page, base: str, username: str) -> None:
    page.goto(base + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _look(page: Page, url: str, width: int, name: str) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(url)
    assert response is not None and response.ok
    if page.evaluate(PAGE_WIDTH) > width:
        wider = page.evaluate(WIDER_THAN, width)
        raise AssertionError(f"{name} is wider than {width} px: {wider}")
    keep(page, SCREENSHOTS / f"{width}-{name}.png", full_page=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 390])
def test_the_officer_sees_the_answer_the_late_evaluation_and_the_news(
    reference_data: None, live_server, page: Page, width: int
):
    username, coop_url = _world()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    _log_in(page, live_server.url, username)

    _look(page, live_server.url + coop_url, width, "cooperation")
    notice = page.locator("#central-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Kemendagri mengembalikan permohonan kajian penangguhan")
    expect(notice).to_contain_text(NOTE)
    expect(notice.get_by_role("button", name="Ajukan kembali untuk dikaji")).to_be_visible()
    expect(page.locator("#procedure-panel")).not_to_contain_text("Kementerian sedang mengkaji")

    _look(page, live_server.url + reverse("dashboard:index"), width, "dashboard")
    late = page.locator(".due--overdue", has_text="terlambat 120 hari").first
    expect(late).to_be_visible()
    assert late.evaluate("e => getComputedStyle(e).color") == "rgb(161, 34, 27)"  # --bad

    _look(page, live_server.url + reverse("reminders:list"), width, "notifications")
    unread = page.locator(".reminder--unread")
    expect(unread).to_have_count(3)  # the task given, the evaluation task, the decision
    expect(unread.filter(has_text="rina.makassar memberi Anda tugas")).to_have_count(1)
    expect(unread.filter(has_text=NOTE)).to_contain_text("Kota Kembar Makassar–Kaohsiung")
    page.get_by_role("button", name="Tandai semua sudah dibaca").click()
    expect(page.locator(".reminder--read")).to_have_count(3)
    keep(page, SCREENSHOTS / f"{width}-notifications-read.png", full_page=True)

    assert errors == []
