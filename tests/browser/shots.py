"""Screenshots of the browser tests, for people to look at.

A screenshot asserts nothing: it is what an engineer opens to see a page as a user sees it. They
are taken when MITRA_SCREENSHOTS is set (`make screenshots`), and not in every run of the suite:
the every-role walk's full-page captures were about 60 s of its 150 s and a tenth of the whole
suite's processor time, and nobody looks at the files a CI clone leaves behind. Every check of
the pages (too wide, cut, English, broken words, console errors) runs either way.

Every browser test takes its screenshots through `keep` or `keep_whole_page_jpeg`
(tests/test_screenshots_are_asked_for.py reads every test module).
"""

import base64
import os
from pathlib import Path

from playwright.sync_api import Locator, Page

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"
QUALITY = 75  # a JPEG's text stays legible; the file is a fifth of the PNG


def wanted() -> bool:
    return os.environ.get("MITRA_SCREENSHOTS", "") not in ("", "0")


def keep(target: Page | Locator, path: Path, *, full_page: bool = False) -> None:
    """A PNG of the page (the whole of it with `full_page`) or of one element, when wanted."""
    if not wanted():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(target, Page):
        target.screenshot(path=str(path), full_page=full_page)
    else:
        target.screenshot(path=str(path))


PAGE_SIZE = """() => [document.documentElement.scrollWidth,
    Math.ceil(document.documentElement.scrollHeight)]"""


def keep_whole_page_jpeg(page: Page, path: Path, *, always: bool = False) -> None:
    """The whole page as a JPEG, asked of Chromium's DevTools protocol directly, encoded for
    speed: Playwright's full-page screenshot of the same pages took about a third longer. Taken
    when wanted, or `always` (the test of the walk's own screenshots)."""
    if not (always or wanted()):
        return
    session = page.context.new_cdp_session(page)
    try:
        width, height = page.evaluate(PAGE_SIZE)
        shot = session.send(
            "Page.captureScreenshot",
            {
                "format": "jpeg",
                "quality": QUALITY,
                "captureBeyondViewport": True,
                "optimizeForSpeed": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            },
        )
    finally:
        session.detach()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))
