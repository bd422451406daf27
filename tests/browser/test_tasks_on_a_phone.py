"""My tasks on a phone (390 px): each task is a card, its facts named one under another, and the
button that closes it is on the screen, not at the far end of a table scrolled sideways. On the
laptop the same tasks stay a table with its column headings."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from mitra.followups import services
from mitra.tenancy.models import Membership
from tests.browser.shots import keep
from tests.factories import DEMO_PASSWORD, make_cooperation, make_partner, make_tenant, make_user

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# What a task's due-date cell says before its date (the name a phone shows in place of the
# column heading), as the stylesheet gives it.
DUE_LABEL = """() => getComputedStyle(
    document.querySelector('#tasks-overdue td[data-label="Tenggat"]'), "::before"
).content"""


def due_label(page: Page) -> str:
    return str(page.evaluate(DUE_LABEL))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_officer_closes_an_overdue_task_from_a_phone_without_scrolling_sideways(
    reference_data: None, live_server, page: Page
):
    tenant = make_tenant()
    officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    coop = make_cooperation(
        tenant,
        title="Pelatihan pejabat Pemkot Makassar dalam kegiatan Temasek di Singapura",
        partners=[make_partner(tenant)],
    )
    services.create_task(
        tenant,
        by=officer,
        title="Evaluasi pelaksanaan untuk semester 1 2026",
        assignee=officer,
        due_date=timezone.localdate() - timedelta(days=30),
        cooperation=coop,
        given_on=timezone.localdate() - timedelta(days=60),
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill("officer.makassar")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(live_server.url + reverse("followups:my_tasks"))

    done = page.get_by_role("button", name="Selesai")
    box = done.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert due_label(page) == '"Tenggat: "'
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    ARTIFACTS.mkdir(exist_ok=True)
    keep(page, ARTIFACTS / "my-tasks-390.png", full_page=True)

    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.locator("#tasks-overdue thead")).to_be_visible()
    expect(page.locator("#tasks-overdue thead")).to_contain_text("Tenggat")
    assert due_label(page) == "none"

    # Closed from the list, the task leaves its group, and the group's count follows.
    expect(page.locator("#heading-overdue")).to_contain_text("(1)")
    page.get_by_role("button", name="Selesai").click()
    expect(page.locator("#heading-overdue")).to_contain_text("(0)")
    expect(page.locator("#tasks-overdue")).not_to_contain_text("Evaluasi pelaksanaan")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_cancelling_a_task_from_a_phone_asks_first_and_keeps_the_reason(
    reference_data: None, live_server, page: Page
):
    tenant = make_tenant()
    officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER, username="officer.makassar")
    task = services.create_task(
        tenant,
        by=officer,
        title="Kirim undangan rapat komite",
        assignee=officer,
        due_date=timezone.localdate() + timedelta(days=3),
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill("officer.makassar")
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(live_server.url + reverse("followups:my_tasks"))

    # The row's link opens a page that says what cannot be undone; nothing has changed yet.
    page.get_by_role("link", name="Batalkan tugas…").click()
    expect(page.get_by_role("heading", name="Batalkan tugas")).to_be_visible()
    expect(page.locator("main")).to_contain_text("tidak dapat dibuka kembali")
    task.refresh_from_db()
    assert task.status == task.Status.OPEN
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # Without a reason the page says so beside the field, in Indonesian (no browser bubble).
    page.get_by_role("button", name="Batalkan tugas").click()
    expect(page.locator("main")).to_contain_text("Tuliskan alasannya")
    page.get_by_label("Alasan").fill("Rapat diundur oleh mitra.")
    page.get_by_role("button", name="Batalkan tugas").click()

    expect(page).to_have_url(live_server.url + reverse("followups:my_tasks"))
    expect(page.locator("main")).not_to_contain_text("Kirim undangan rapat komite")
    task.refresh_from_db()
    assert (task.status, task.completion_note) == (
        task.Status.CANCELLED,
        "Rapat diundur oleh mitra.",
    )
