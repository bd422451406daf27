"""A browser test's screenshot is kept when MITRA_SCREENSHOTS asks for it, and only then."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.shots import keep, keep_whole_page_jpeg

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("asked", ["", "0"])
def test_no_screenshot_is_taken_unless_asked(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: str
):
    monkeypatch.setenv("MITRA_SCREENSHOTS", asked)
    folder = tmp_path / "shots"
    page = browser.new_page()
    page.set_content("<h1>Kerja sama</h1>")
    keep(page, folder / "page.png", full_page=True)
    keep(page.locator("h1"), folder / "heading.png")
    keep_whole_page_jpeg(page, folder / "page.jpeg")
    page.close()
    assert not folder.exists()


def test_asked_for_every_kind_of_screenshot_is_kept(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("MITRA_SCREENSHOTS", "1")
    page = browser.new_page()
    page.set_content("<h1>Kerja sama</h1>")
    keep(page, tmp_path / "new" / "page.png", full_page=True)
    keep(page.locator("h1"), tmp_path / "heading.png")
    keep_whole_page_jpeg(page, tmp_path / "page.jpeg")
    page.close()
    assert (tmp_path / "new" / "page.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "heading.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "page.jpeg").read_bytes()[:2] == b"\xff\xd8"
