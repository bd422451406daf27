"""The hostile-input crawler, web pages: every role walks every address of the site with the
ids of both tenants, sends every form it finds with hostile values, and asks every page with
hostile query parameters. No request may end in a server error or show a traceback, and the
other tenant's rows stay exactly as they were.

Each role crawls the demo, loaded once for the module, in its own savepoint. Runs on PostgreSQL,
where NUL bytes would break a query that let one through. The API has its own crawl
(test_api.py), from the OpenAPI schema.
"""

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pytest_django import DjangoDbBlocker

from mitra.demo.load import load_demo
from mitra.tenancy.models import Tenant
from tests.hostile.crawl import (
    HOSTILE_QUERIES,
    ROUNDS,
    Findings,
    Form,
    changes,
    fill,
    fingerprint,
    hostile_data,
    local,
    parse,
    pattern_name,
    plain_template_rendering,
    url_patterns,
    with_query,
)
from tests.shared import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.long]

# Addresses the crawler leaves alone, and why. Nothing else is skipped.
EXCLUDED = {
    "accounts:logout": "signs the crawler out; it reads no input",
    "admin:logout": "signs the crawler out of the admin; it reads no input",
}
API_PREFIX = "api:"  # every operation is called by test_api.py from the OpenAPI schema

ROLES = {
    "tenant_admin": "makassar.admin",
    "cooperation_officer": "makassar.officer",
    "agency_officer": "makassar.opd",
    "team_reviewer": "makassar.tkksd",
    "leadership": "makassar.leader",
    "central_reviewer": "kemendagri.reviewer",
    "anonymous": "",
}
WRITERS = {"tenant_admin", "cooperation_officer", "agency_officer"}
PER_PATTERN = 1  # concrete addresses kept per URL pattern: bounds the crawl's size
# Requests each role's crawl sends at least (about 0.9 of what it sent when this was written):
# a crawl that silently stops following links or finding forms fails.
MINIMUM_REQUESTS = {
    "tenant_admin": 1450,
    "cooperation_officer": 680,
    "agency_officer": 670,
    "team_reviewer": 260,
    "leadership": 430,
    "central_reviewer": 250,
    "anonymous": 245,
}


def _client(username: str) -> Client:
    client = Client()
    if username:
        client.force_login(User.objects.get(username=username))
    return client


class Crawl:
    """One client's walk: every address once, links followed, at most PER_PATTERN per pattern."""

    def __init__(self, client: Client, findings: Findings) -> None:
        self.client = client
        self.findings = findings
        self.seen: set[str] = set()
        self.per_pattern: dict[str, list[str]] = defaultdict(list)
        self.forms: dict[tuple[Any, ...], tuple[str, Form]] = {}

    def visit(self, url: str, *, follow: bool = True) -> None:
        name = pattern_name(url)
        if url in self.seen or name is None or name in EXCLUDED or name.startswith(API_PREFIX):
            return
        if follow and len(self.per_pattern[name]) >= PER_PATTERN:
            return
        self.seen.add(url)
        self.per_pattern[name].append(url)
        response = self.findings.request(self.client, "get", url)
        if response is None or response.status_code != 200 or response.streaming:
            return
        if "html" not in response.get("Content-Type", ""):
            return
        page = parse(response.content.decode(errors="replace"))
        for form in page.forms:
            action = local(form.action, url) or url
            key = (pattern_name(action), form.method, tuple(sorted(f["name"] for f in form.fields)))
            self.forms.setdefault(key, (action, form))
        if follow:
            for href in page.links:
                target = local(href, url)
                if target is not None:
                    self.visit(target)

    def walk(self, seeds: list[str]) -> None:
        for url in seeds:
            self.visit(url)


def _seeds(other_urls: list[str]) -> list[str]:
    """Every pattern's address: real ids found by crawling, else the other tenant's, else 1."""
    seeds: list[str] = []
    for route, name, _pattern in url_patterns():
        if name in EXCLUDED or name.startswith(API_PREFIX) or route.startswith("^"):
            continue
        if "(?P<" in route:
            continue  # regular-expression routes (the admin's app index) are reached by links
        seeds += fill(route, {"token": ["no-such-token"], "slug": ["kota-makassar"]})[:1]
    return [*seeds, *other_urls]


def _other_ids(other_urls: list[str]) -> list[str]:
    return sorted({n for url in other_urls for n in re.findall(r"/(\d+)/", url)}, key=int)


def _crawl_other_tenant(findings: Findings) -> list[str]:
    """The addresses of Bandung's records, as its own officer and administrator find them."""
    urls: list[str] = []
    for username in ("bandung.officer",):
        crawl = Crawl(_client(username), findings)
        crawl.walk(_seeds([]))
        urls += [u for found in crawl.per_pattern.values() for u in found if re.search(r"\d", u)]
    return urls


def _send_forms(crawl: Crawl, rounds: int, other_ids: list[str], findings: Findings) -> None:
    for (name, method, _fields), (action, form) in sorted(crawl.forms.items(), key=str):
        if name is None or name in EXCLUDED or name.startswith(API_PREFIX):
            continue
        for round_ in range(rounds):
            data = hostile_data(form, round_, other_ids)
            if method == "post":
                findings.request(crawl.client, "post", action, data=data)
            else:
                findings.request(crawl.client, "get", with_query(action.split("?")[0], data))


def _crawl_as(role: str, other_urls: list[str], findings: Findings) -> None:
    """One role's walk: every address, the other tenant's records, hostile queries, forms."""
    crawl = Crawl(_client(ROLES[role]), findings)
    crawl.walk(_seeds(other_urls))
    for url in other_urls:  # every record of the other tenant found, even past PER_PATTERN
        crawl.visit(url, follow=False)
    if role in WRITERS or role == "leadership":
        for url in sorted({urls[0] for urls in crawl.per_pattern.values()}):
            if role == "tenant_admin" or not url.startswith("/admin/"):
                for query in HOSTILE_QUERIES:
                    findings.request(crawl.client, "get", with_query(url, query))
    _send_forms(crawl, ROUNDS if role in WRITERS else 2, _other_ids(other_urls), findings)


@dataclass(frozen=True)
class World:
    """The demo as the crawl finds it: Bandung's addresses and every Bandung row beforehand."""

    bandung: Tenant
    other_urls: list[str]
    before: dict[str, list[tuple[Any, ...]]]


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[World]:
    """The demo loaded and Bandung crawled once for the module; each role's crawl then runs in
    its own savepoint, so one role's posts are undone before the next role starts."""
    with built_once(django_db_blocker):
        _makassar, bandung = sorted(load_demo(), key=lambda t: t.region.code, reverse=True)
        findings = Findings()
        with plain_template_rendering():
            other_urls = _crawl_other_tenant(findings)
        assert not findings.problems, findings.report()
        yield World(bandung, other_urls, fingerprint(bandung))


@pytest.mark.parametrize("role", ROLES)
def test_no_hostile_input_breaks_a_page_or_reaches_the_other_tenant(
    role: str, world: World
) -> None:
    findings = Findings()
    with plain_template_rendering():
        _crawl_as(role, world.other_urls, findings)

    assert not findings.problems, findings.report()
    assert changes(world.before, fingerprint(world.bandung)) == []
    assert findings.requests > MINIMUM_REQUESTS[role]


def test_a_field_goes_to_the_form_it_names_even_one_further_down() -> None:
    page = parse(
        '<form action="/a/" method="post"><input name="title">'
        '<input name="partner-name" form="b"></form>'
        '<form id="b" action="/b/" method="post"><input name="csrf" type="hidden"></form>'
        '<select name="kind" form="b"><option value="x"></option></select>'
    )
    first, second = page.forms
    assert [f["name"] for f in first.fields] == ["title"]
    assert [f["name"] for f in second.fields] == ["partner-name", "csrf", "kind"]
    assert second.fields[2]["options"] == ["x"]
