"""Every page renders on the demo data, for every role and for an anonymous visitor.

This is what the embedded default (SQLite) must prove besides the migrations and the demo: each
demo account starts at the home page and follows, with GET, every link of this site that a page
shows it, visiting one address per URL name. Every page it reaches answers
200, or redirects to a page that does. Pages added later are walked as soon as a link leads there.
"""

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from io import StringIO
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve
from pytest_django import DjangoDbBlocker

from tests.shared import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.embedded, pytest.mark.long]

ACCOUNTS = [
    "makassar.admin",
    "makassar.officer",
    "makassar.opd",
    "makassar.tkksd",
    "makassar.leader",
    "kemendagri.reviewer",
]
HREF = re.compile(r"""\bhref=["']([^"'#]+)""")
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
OPTION = re.compile(r"<option\b[^>]*>(.*?)</option>", re.DOTALL)
PAGE_TITLE = re.compile(r"(?P<page>\S.*) · Mitra", re.DOTALL)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# A span of time counted as no days ("0 hari pada tahap ini", "menunggu 0 hari"): what happened
# today is said so ("sejak hari ini").
ZERO_DAYS = re.compile(r"(?<![\d.,])0 hari\b")
TAG = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.DOTALL)
# Not pages: files served by the web server, and Django's admin (its own tests, its own templates).
NOT_WALKED = ("/static/", "/media/", "/admin/")
PAGE_LIMIT = 400
# A page never shows a role a link it may not follow: 403 is not among the answers.
RENDERED = {200, 301, 302}


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    """The demo loaded once for the module, rolled back after its last test."""
    with built_once(django_db_blocker):
        call_command("demo", "--allow-without-debug", stdout=StringIO())
        yield


def page_key(url: str) -> str | None:
    """The URL name of a link of this site, or None for anything not walked."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or parts.path.startswith(NOT_WALKED):
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    return match.view_name


@dataclass
class Walk:
    """What a walk saw: each address's status, and each page's title and options."""

    statuses: dict[str, int] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    options: dict[str, list[str]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


def walk(client: Client) -> Walk:
    """GET every page reachable by links from the home page, one per URL name."""
    seen: set[str] = set()
    found = Walk()
    statuses = found.statuses
    queue = deque(["/"])
    while queue and len(statuses) < PAGE_LIMIT:
        url = queue.popleft()
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code in (301, 302):
            links = [response["Location"]]
        elif "html" in response.get("Content-Type", ""):
            html = response.content.decode()
            links = [m.replace("&amp;", "&") for m in HREF.findall(html)]
            found.titles[url] = " ".join(unescape(t) for t in TITLE.findall(html))
            found.options[url] = [" ".join(unescape(o).split()) for o in OPTION.findall(html)]
            found.texts[url] = " ".join(unescape(TAG.sub(" ", html)).split())
        else:
            links = []
        for link in links:
            absolute = urljoin(url, link)
            key = page_key(absolute)
            if key is not None and key not in seen:
                seen.add(key)
                queue.append(absolute)
    return found


def broken(statuses: dict[str, int]) -> dict[str, int]:
    """Pages that did not render: a server error, or a link leading nowhere (404)."""
    return {url: status for url, status in statuses.items() if status not in RENDERED}


@pytest.mark.usefixtures("demo")
class TestEveryPageRendersOnTheDemo:
    @pytest.mark.parametrize("username", ACCOUNTS)
    def test_every_page_a_demo_account_reaches_renders(self, username: str) -> None:
        client = Client()
        client.force_login(User.objects.get(username=username))
        found = walk(client)
        assert broken(found.statuses) == {}
        assert len(found.statuses) >= 5, sorted(found.statuses)  # got past the home page
        assert len(found.statuses) < PAGE_LIMIT, "raise PAGE_LIMIT: the walk was cut short"
        assert badly_titled(found) == {}
        assert iso_dates_in_options(found) == {}
        assert zero_days(found) == {}

    def test_every_page_an_anonymous_visitor_reaches_renders(self) -> None:
        found = walk(Client())
        assert broken(found.statuses) == {}
        assert any(url.startswith("/public/") for url in found.statuses), sorted(found.statuses)
        assert badly_titled(found) == {}


def badly_titled(found: Walk) -> dict[str, str]:
    """Pages whose <title> is not "<page> · Mitra" with a page of its own ("Mitra · Mitra")."""
    return {
        url: title
        for url, title in found.titles.items()
        if not (match := PAGE_TITLE.fullmatch(title)) or match["page"].strip() == "Mitra"
    }


def iso_dates_in_options(found: Walk) -> dict[str, list[str]]:
    """Options of a select that show a date as 2026-12-04: a label is for people."""
    return {
        url: shown
        for url, options in found.options.items()
        if (shown := [option for option in options if ISO_DATE.search(option)])
    }


def zero_days(found: Walk) -> dict[str, list[str]]:
    """Pages that count a span of time as "0 hari" where they should say "today"."""
    return {
        url: [text[max(0, m.start() - 40) : m.end() + 30] for m in ZERO_DAYS.finditer(text)]
        for url, text in found.texts.items()
        if ZERO_DAYS.search(text)
    }


def test_a_span_of_no_days_is_found() -> None:
    found = Walk(
        texts={
            "/a/": "Kota Kitakyushu · 0 hari pada tahap ini",
            "/b/": "menunggu 10 hari; 2,0 hari; sejak hari ini",
        }
    )
    assert list(zero_days(found)) == ["/a/"]


def test_a_doubled_title_and_an_iso_option_are_found() -> None:
    found = Walk(
        titles={"/a/": "Mitra · Mitra", "/b/": "Daftar mitra · Mitra", "/c/": " · Mitra"},
        options={"/a/": ["LoI (4 Des 2026)"], "/b/": ["LoI (2026-12-04)"]},
    )
    assert badly_titled(found) == {"/a/": "Mitra · Mitra", "/c/": " · Mitra"}
    assert iso_dates_in_options(found) == {"/b/": ["LoI (2026-12-04)"]}
