"""Every list page and the dashboard run as many queries for thirty records as for three, and a
big city's pages stay small.

The office's data grows every week; a page that asks the database once per row slows down with
it. Each page is rendered with a few records, then with ten times as many (with partners,
tasks, activities, events and staff profiles behind them), and must not ask more. Then every
page that lists what grows with a tenant is rendered for a city of 600 cooperations and 1,500
tasks: it paginates or summarises, so it stays under 200 KB of HTML and 20 queries.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from itertools import count

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from mitra.cooperations.services import apply_transition
from mitra.events import services as events
from mitra.followups import services as followups
from mitra.followups.services import Commitment
from mitra.staff import services as staff
from mitra.tenancy.models import Membership, Tenant
from tests import large_tenant
from tests.factories import make_cooperation, make_partner, make_tenant, make_user
from tests.shared import built_once

pytestmark = pytest.mark.django_db

_serial = count()

PAGES = [
    "dashboard:index",
    "cooperations:list",
    "pipeline:board",
    "partners:list",
    "followups:my_tasks",
    "followups:tasks",
    "followups:needs_follow_up",
    "events:list",
    "staff:list",
    "staff:capacity",
    "reminders:list",
    "reports:index",
]


def add_records(tenant: Tenant, officer: User, how_many: int) -> None:
    """Cooperations with partners, an activity with a task each, an event with a signing planned,
    a request at Kemendagri, a staff member.

    Every batch looks alike (tasks due in three days, events today), so the few and the many
    take the same paths through each page: only the number of rows differs.
    """
    today = timezone.localdate()
    for _ in range(how_many):
        n = next(_serial)
        partner = make_partner(tenant, name=f"Mitra {n}")
        coop = make_cooperation(tenant, title=f"Kerja sama {n}", partners=[partner])
        followups.log_activity(
            tenant,
            by=officer,
            kind="meeting",
            date=today,
            title=f"Rapat {n}",
            cooperation=coop,
            commitments=[Commitment(f"Tindak lanjut {n}", officer, today + timedelta(days=3))],
        )
        event = events.create_event(tenant, by=officer, name=f"Forum {n}", starts_on=today)
        # The dashboard shows the event's readiness and the request waiting at Kemendagri.
        events.plan_signing(event, coop, "letter_of_intent", by=officer)
        apply_transition(coop, "put_on_hold", by=officer)
        member = make_user(tenant, Membership.Role.COOPERATION_OFFICER)
        staff.create_staff_profile(tenant, member, by=officer, position=f"Analis {n}")


@dataclass(frozen=True)
class Grown:
    """The queries each page asked with three records of each kind, and the officer who asked,
    now that there are thirty."""

    officer: User
    few: dict[str, int]


@pytest.fixture(scope="module")
def grown(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Grown]:
    """Every page asked once with three records, then the records grown to thirty; built once for
    the module (the records took most of the time when each page built its own)."""
    with built_once(django_db_blocker):
        tenant, other = make_tenant("7372"), make_tenant("6471")  # the big city's are taken
        officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER)
        add_records(tenant, officer, 3)
        add_records(other, make_user(other, Membership.Role.COOPERATION_OFFICER), 3)  # never read
        client = Client()
        client.force_login(officer)
        few = {}
        for address in PAGES:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse(address)).status_code == 200
            few[address] = len(queries)
        add_records(tenant, officer, 27)
        yield Grown(officer, few)


@pytest.mark.parametrize("address", PAGES)
def test_a_list_page_asks_no_more_for_thirty_records_than_for_three(
    address: str, grown: Grown, django_assert_max_num_queries
):
    assert grown.few[address] <= 40
    client = Client()
    client.force_login(grown.officer)
    with django_assert_max_num_queries(grown.few[address]):
        assert client.get(reverse(address)).status_code == 200


# --- A big city's pages: small and in few queries, whatever the size of the tenant -------------

HTML_LIMIT = 200 * 1024
QUERY_LIMIT = 20
OFFICER, ADMIN, REVIEWER, VISITOR = "officer", "admin", "reviewer", "visitor"

# Every page that lists what grows with a tenant, by URL name, with who reads it and its query.
LIST_PAGES: list[tuple[str, str, dict[str, str]]] = [
    ("dashboard:index", OFFICER, {}),
    ("dashboard:index", ADMIN, {}),
    ("dashboard:expiring", OFFICER, {}),
    ("dashboard:waiting", OFFICER, {}),
    ("dashboard:awaiting", OFFICER, {}),
    ("cooperations:list", OFFICER, {}),
    ("pipeline:board", OFFICER, {}),
    ("pipeline:board", OFFICER, {"board": "domestic"}),
    ("partners:list", OFFICER, {}),
    ("followups:my_tasks", OFFICER, {}),
    ("followups:tasks", OFFICER, {}),
    ("followups:needs_follow_up", OFFICER, {}),
    ("events:list", OFFICER, {}),
    ("events:feeds", OFFICER, {}),
    ("reviews:queue", REVIEWER, {}),
    ("reminders:list", OFFICER, {}),
    ("staff:list", OFFICER, {}),
    ("staff:capacity", OFFICER, {}),
    ("implementation:overview", OFFICER, {}),
    ("intake:list", OFFICER, {}),
    ("reports:index", OFFICER, {}),
    ("reports:index", OFFICER, {"page": "3"}),
    ("imports:index", OFFICER, {}),
    ("downloads:index", OFFICER, {}),
    ("api_tokens:list", OFFICER, {}),
    ("portal:index", VISITOR, {}),
    ("portal:tenant", VISITOR, {}),
    ("portal:tenant", VISITOR, {"stage": "in_force", "page": "2"}),
    ("portal:manage", OFFICER, {}),
    ("api:list_partners", OFFICER, {}),
    ("api:list_cooperations", OFFICER, {}),
    ("api:list_activities", OFFICER, {}),
    ("api:list_tasks", OFFICER, {}),
    ("api:list_events", OFFICER, {}),
]
# Pages without arguments that list nothing growing, and why.
NOT_LISTS = {
    "home": "redirects to the dashboard or the portal",
    "set_language": "sets a cookie and redirects",
    "accounts:login": "a form",
    "accounts:logout": "a form's action",
    "dashboard:charts": "the charts' JSON: a count per state and per kind",
    "dashboard:map": "the map's JSON, fetched apart and revalidated with its ETag",
    "cooperations:export_xlsx": "asks for the full register, which the worker makes",
    "cooperations:export_csv": "asks for the full register, which the worker makes",
    "cooperations:create": "a form",
    "partners:create": "a form",
    "cooperations:new_partner": "a form, inside the new-cooperation form",
    "followups:contact_choices": "the options of one partner's contacts",
    "partners:place_options": "at most a handful of gazetteer places matching a name",
    "followups:log_activity": "a form",
    "followups:create_task": "a form",
    "events:create": "a form",
    "events:create_feed": "a form",
    "reminders:mark_all_read": "a form's action",
    "tenancy:settings": "a form",
    "staff:capacity_xlsx": "asks for the capacity report, which the worker makes",
    "implementation:export": "asks for the full overview, which the worker makes",
    "implementation:settings": "a redirect to the settings",
    "intake:submit": "a form",
    "reports:pdf": "asks for the full report, which the worker makes",
    "reports:xlsx": "asks for the full report, which the worker makes",
    "imports:template": "a download of an empty sheet",
    "api:openapi-json": "the API's schema",
    "api:openapi-view": "the API's documentation page",
    "api:api-root": "the API's index",
    "api:create_partner": "a write",
    "api:create_cooperation": "a write",
    "api:log_activity": "a write",
    "api:create_task": "a write",
    "api:create_event": "a write",
    "api:get_report": "one report's figures (the report page's, summarised)",
    "api_tokens:create": "a form",
    "portal:save_intro": "a form's action",
}


@dataclass(frozen=True)
class BigCity:
    tenant: Tenant
    people: dict[str, User | None]


@pytest.fixture(scope="module")
def big_city(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[BigCity]:
    """A city of 600 cooperations (1,500 tasks, 300 partners, 400 notifications ...) and a small
    other tenant whose rows must never show; built once for the module."""
    with built_once(django_db_blocker):
        tenant = make_tenant("7371")
        officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER)
        large_tenant.fill(tenant, officer)
        other = make_tenant("3273")
        outsider = make_user(other, Membership.Role.COOPERATION_OFFICER)
        small = large_tenant.Size(cooperations=20, tasks=20, partners=10, reminders=10)
        large_tenant.fill(other, outsider, small, tag="Lain")
        people = {
            OFFICER: officer,
            ADMIN: make_user(tenant, Membership.Role.TENANT_ADMIN),
            REVIEWER: make_user(None, Membership.Role.CENTRAL_REVIEWER),
            VISITOR: None,
        }
        yield BigCity(tenant, people)


def _address(name: str, tenant: Tenant) -> str:
    return reverse(name, args=[tenant.slug]) if name == "portal:tenant" else reverse(name)


@pytest.mark.parametrize(
    ("name", "reader", "query"), LIST_PAGES, ids=[f"{n}-{r}-{q}" for n, r, q in LIST_PAGES]
)
def test_a_big_citys_list_page_stays_under_200_kb_and_20_queries(
    big_city: BigCity, name: str, reader: str, query: dict[str, str]
):
    client = Client()
    user = big_city.people[reader]
    if user is not None:
        client.force_login(user)
    address = _address(name, big_city.tenant)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, query)
    assert response.status_code == 200
    assert len(queries) <= QUERY_LIMIT, f"{address}: {len(queries)} queries"
    assert len(response.content) <= HTML_LIMIT, f"{address}: {len(response.content) // 1024} KB"
    if reader != REVIEWER:  # the centre reads every region; the others only their own
        assert b"Lain " not in response.content


def test_every_page_without_arguments_is_measured_or_lists_nothing_that_grows():
    measured = {name for name, _reader, _query in LIST_PAGES}
    pages = set(_names_without_arguments(get_resolver()))
    assert pages - measured - set(NOT_LISTS) == set(), "add it to LIST_PAGES or NOT_LISTS"
    assert set(NOT_LISTS) <= pages, "a page in NOT_LISTS no longer exists"


def _names_without_arguments(resolver: URLResolver, namespace: str = "") -> Iterator[str]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                inner = pattern.namespace or namespace
                yield from _names_without_arguments(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name and not pattern.pattern.converters:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name
