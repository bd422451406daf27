"""Every page renders on the demo data, for every role and for an anonymous visitor.

This is what the embedded default (SQLite) must prove besides the migrations and the demo: each
demo account starts at the home page and follows, with GET, every link of this site that a page
shows it, visiting one address per URL name. Every page it reaches answers
200, or redirects to a page that does. Pages added later are walked as soon as a link leads there.
"""

import re
from collections import deque
from collections.abc import Iterator
from io import StringIO
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve
from pytest_django import DjangoDbBlocker

from tests.shared import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]

ACCOUNTS = [
    "makassar.admin",
    "makassar.officer",
    "makassar.opd",
    "makassar.tkksd",
    "makassar.leader",
    "kemendagri.reviewer",
]
HREF = re.compile(r"""\bhref=["']([^"'#]+)""")
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


def walk(client: Client) -> dict[str, int]:
    """GET every page reachable by links from the home page, one per URL name: address → status."""
    seen: set[str] = set()
    statuses: dict[str, int] = {}
    queue = deque(["/"])
    while queue and len(statuses) < PAGE_LIMIT:
        url = queue.popleft()
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code in (301, 302):
            links = [response["Location"]]
        elif "html" in response.get("Content-Type", ""):
            links = [m.replace("&amp;", "&") for m in HREF.findall(response.content.decode())]
        else:
            links = []
        for link in links:
            absolute = urljoin(url, link)
            key = page_key(absolute)
            if key is not None and key not in seen:
                seen.add(key)
                queue.append(absolute)
    return statuses


def broken(statuses: dict[str, int]) -> dict[str, int]:
    """Pages that did not render: a server error, or a link leading nowhere (404)."""
    return {url: status for url, status in statuses.items() if status not in RENDERED}


@pytest.mark.usefixtures("demo")
class TestEveryPageRendersOnTheDemo:
    @pytest.mark.parametrize("username", ACCOUNTS)
    def test_every_page_a_demo_account_reaches_renders(self, username: str) -> None:
        client = Client()
        client.force_login(User.objects.get(username=username))
        statuses = walk(client)
        assert broken(statuses) == {}
        assert len(statuses) >= 5, sorted(statuses)  # the walk got past the home page
        assert len(statuses) < PAGE_LIMIT, "raise PAGE_LIMIT: the walk was cut short"

    def test_every_page_an_anonymous_visitor_reaches_renders(self) -> None:
        statuses = walk(Client())
        assert broken(statuses) == {}
        assert any(url.startswith("/public/") for url in statuses), sorted(statuses)
