"""Calendar feeds: a secret address per tenant and per person, parsing back as iCalendar."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from icalendar import Calendar

from mitra.cooperations.models import Document
from mitra.events import services
from mitra.events.models import CalendarFeed, feed_url
from mitra.events.tests.helpers import LOI, make_event, plan, sister_city_at_loi
from mitra.followups.models import Task
from mitra.tenancy.models import Tenant
from tests.factories import make_document


def _task(tenant: Tenant, assignee: User, title: str) -> Task:
    return Task.objects.create(
        tenant=tenant, title=title, assignee=assignee, due_date=date(2026, 10, 1)
    )


def _entries(client: Client, raw: str) -> dict[str, str]:
    response = client.get(feed_url(raw))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(e["UID"]): str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}


@pytest.fixture
def calendar_data(
    tenant: Tenant, other_tenant: Tenant, cooperation_officer: User, tenant_admin: User
) -> dict[str, Any]:
    event = make_event(tenant, name="F8")
    coop = sister_city_at_loi(tenant)
    signing = plan(event, coop, LOI)
    expiring = make_document(
        coop, kind=Document.Kind.MOU, title="MoU Gothenburg", valid_until=date(2030, 1, 1)
    )
    endless = make_document(coop, kind=Document.Kind.MOU, title="Forever", until_terminated=True)
    mine = _task(tenant, cooperation_officer, "Send the LoI draft")
    theirs = _task(tenant, tenant_admin, "Book the stage")
    foreign_event = make_event(other_tenant, name="Bandung festival")
    return locals()


def test_the_tenant_feed_has_every_kind_of_entry(
    calendar_data: dict[str, Any], tenant: Tenant, client: Client
) -> None:
    _feed, raw = services.create_feed(tenant, user=None, by=None)
    entries = _entries(client, raw)
    d = calendar_data
    assert entries[f"event-{d['event'].pk}@mitra"] == "F8"
    assert f"signing-{d['signing'].pk}@mitra" in entries
    assert f"task-{d['mine'].pk}@mitra" in entries and f"task-{d['theirs'].pk}@mitra" in entries
    assert f"document-expiry-{d['expiring'].pk}@mitra" in entries
    assert f"document-expiry-{d['endless'].pk}@mitra" not in entries
    assert f"event-{d['foreign_event'].pk}@mitra" not in entries
    assert "Bandung festival" not in entries.values()


def test_a_personal_feed_has_only_the_persons_tasks(
    calendar_data: dict[str, Any], tenant: Tenant, cooperation_officer: User, client: Client
) -> None:
    _feed, raw = services.create_feed(tenant, user=cooperation_officer, by=cooperation_officer)
    entries = _entries(client, raw)
    assert f"task-{calendar_data['mine'].pk}@mitra" in entries
    assert f"task-{calendar_data['theirs'].pk}@mitra" not in entries
    assert f"event-{calendar_data['event'].pk}@mitra" in entries


def test_entries_are_all_day_with_a_stamp(
    calendar_data: dict[str, Any], tenant: Tenant, client: Client
) -> None:
    _feed, raw = services.create_feed(tenant, user=None, by=None)
    calendar = Calendar.from_ical(client.get(feed_url(raw)).content)
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("event-"))
    assert event.decoded("DTSTART") == date(2026, 9, 10)
    assert event.decoded("DTEND") == date(2026, 9, 14)
    assert "DTSTAMP" in event


def test_a_revoked_or_unknown_address_is_not_found(tenant: Tenant, client: Client) -> None:
    feed, raw = services.create_feed(tenant, user=None, by=None)
    services.revoke_feed(feed, by=None)
    assert client.get(feed_url(raw)).status_code == 404
    assert client.get("/events/feed/not-a-token.ics").status_code == 404


def test_a_new_address_retires_the_old_one(tenant: Tenant, cooperation_officer: User) -> None:
    first, first_raw = services.create_feed(
        tenant, user=cooperation_officer, by=cooperation_officer
    )
    second, second_raw = services.create_feed(
        tenant, user=cooperation_officer, by=cooperation_officer
    )
    first.refresh_from_db()
    assert first.revoked_at is not None and second.revoked_at is None
    assert first_raw != second_raw and len(second_raw) >= 43


def test_the_other_tenants_feed_shows_none_of_ours(
    calendar_data: dict[str, Any], other_tenant: Tenant, client: Client
) -> None:
    _feed, raw = services.create_feed(other_tenant, user=None, by=None)
    entries = _entries(client, raw)
    assert list(entries.values()) == ["Bandung festival"]


def test_officers_make_personal_feeds_and_only_the_admin_the_tenant_feed(
    tenant: Tenant,
    client_as: Callable[[User], Client],
    cooperation_officer: User,
    tenant_admin: User,
) -> None:
    officer = client_as(cooperation_officer)
    made = officer.post("/events/feeds/new/", {"scope": "personal"})
    assert made.status_code == 200
    assert officer.post("/events/feeds/new/", {"scope": "tenant"}).status_code == 403
    admin_made = client_as(tenant_admin).post("/events/feeds/new/", {"scope": "tenant"})
    assert admin_made.status_code == 200
    assert CalendarFeed.objects.filter(tenant=tenant, user=None, revoked_at=None).count() == 1
    personal_address = made.context["new_address"]
    tenant_address = admin_made.context["new_address"]
    assert personal_address.startswith("http://testserver/events/feed/")
    assert personal_address in made.content.decode()
    page = officer.get("/events/feeds/").content.decode()
    assert page.count('<li class="feed">') == 1
    assert personal_address not in page and tenant_address not in page


def test_outsider_cannot_revoke_our_feed(
    tenant: Tenant, client_as: Callable[[User], Client], outsider: User, cooperation_officer: User
) -> None:
    feed, _raw = services.create_feed(tenant, user=cooperation_officer, by=cooperation_officer)
    assert client_as(outsider).post(f"/events/feeds/{feed.pk}/revoke/").status_code == 404
    feed.refresh_from_db()
    assert feed.revoked_at is None
