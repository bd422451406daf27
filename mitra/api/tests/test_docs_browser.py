"""The interactive API documentation in Chromium: Swagger UI draws under the strict CSP."""

import pytest
from playwright.sync_api import Page, expect

from mitra.api.tests.conftest import API


@pytest.mark.browser
def test_the_docs_draw_the_api_without_breaking_the_csp(page: Page, live_server, settings):
    # As in production once "ninja" is in INSTALLED_APPS (it ships Swagger UI's files).
    if "ninja" not in settings.INSTALLED_APPS:
        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "ninja"]
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" or "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{live_server.url}{API}/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Mitra API")
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
    assert page.locator(".opblock-tag").count() >= 6
    assert problems == []
