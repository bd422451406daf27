"""Calendar addresses are secrets: stored hashed, shown once, dead with their person (row 7)."""

import importlib
from collections.abc import Callable

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.utils import timezone

from mitra.audit.models import AuditEntry
from mitra.events import services
from mitra.events.models import CalendarFeed, feed_url
from mitra.events.tests.helpers import make_event
from mitra.lib.tokens import hash_token
from mitra.tenancy.models import Membership, Tenant

backfill = importlib.import_module("mitra.events.migrations.0004_backfill_feed_token_hashes")


def _status(client: Client, raw: str) -> int:
    return client.get(feed_url(raw)).status_code


def test_only_the_hash_of_an_address_is_stored(tenant: Tenant, cooperation_officer: User) -> None:
    feed, raw = services.create_feed(tenant, user=cooperation_officer, by=cooperation_officer)
    assert feed.token_hash == hash_token(raw) and len(feed.token_hash) == 64
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM events_calendarfeed")
        stored = str(cursor.fetchall())
    assert raw not in stored


def test_the_address_is_shown_once_and_then_never_again(
    client_as: Callable[[User], Client], cooperation_officer: User, client: Client
) -> None:
    officer = client_as(cooperation_officer)
    made = officer.post("/events/feeds/new/", {"scope": "personal"})
    address = made.context["new_address"]
    assert address in made.content.decode()
    assert "no-store" in made["Cache-Control"]
    assert address not in officer.get("/events/feeds/").content.decode()
    assert client.get(address.removeprefix("http://testserver")).status_code == 200


@pytest.mark.parametrize("scope", ["personal", "tenant"])
def test_an_address_dies_when_its_person_is_deactivated_and_lives_again_when_reactivated(
    tenant: Tenant, tenant_admin: User, client: Client, scope: str
) -> None:
    make_event(tenant, name="F8")
    user = tenant_admin if scope == "personal" else None
    _feed, raw = services.create_feed(tenant, user=user, by=tenant_admin)
    assert _status(client, raw) == 200
    User.objects.filter(pk=tenant_admin.pk).update(is_active=False)
    assert _status(client, raw) == 404
    User.objects.filter(pk=tenant_admin.pk).update(is_active=True)
    assert _status(client, raw) == 200


@pytest.mark.parametrize("scope", ["personal", "tenant"])
def test_an_address_dies_when_its_person_leaves_the_tenant(
    tenant: Tenant, tenant_admin: User, client: Client, scope: str
) -> None:
    user = tenant_admin if scope == "personal" else None
    _feed, raw = services.create_feed(tenant, user=user, by=tenant_admin)
    Membership.objects.filter(user=tenant_admin).delete()
    assert _status(client, raw) == 404


def test_a_dead_address_is_not_listed_as_working(
    tenant: Tenant, tenant_admin: User, client_as: Callable[[User], Client]
) -> None:
    services.create_feed(tenant, user=None, by=tenant_admin)
    successor = User.objects.create_user("successor")
    Membership.objects.create(user=successor, tenant=tenant, role=Membership.Role.TENANT_ADMIN)
    page = client_as(successor).get("/events/feeds/").content.decode()
    assert page.count('<li class="feed">') == 1
    User.objects.filter(pk=tenant_admin.pk).update(is_active=False)
    page = client_as(successor).get("/events/feeds/").content.decode()
    assert page.count('<li class="feed">') == 0


def test_the_outsider_cannot_use_another_tenants_feed_id_or_hash(
    tenant: Tenant, tenant_admin: User, client: Client
) -> None:
    feed, _raw = services.create_feed(tenant, user=None, by=tenant_admin)
    assert client.get(feed_url(feed.token_hash)).status_code == 404
    assert client.get(f"/events/feed/{feed.pk}.ics").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/events/feed/%00.ics",
        "/events/feed/abc%00def.ics",
        "/events/feed/%0b%7f%c2%85.ics",
        "/events/feed/" + "A" * 5000 + ".ics",
        "/events/feed/%F0%9F%98%80%E2%80%AE.ics",
        "/events/feed/%ED%A0%80.ics",
        "/events/feed/'%20OR%201=1--.ics",
        "/events/feed/..%2F..%2Fetc%2Fpasswd.ics",
    ],
)
def test_a_hostile_or_garbage_address_is_not_found(db: None, client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code in {400, 404}
    assert b"Traceback" not in response.content


def test_plain_tokens_of_existing_feeds_are_hashed_and_their_addresses_keep_working(
    tenant: Tenant, tenant_admin: User, client: Client
) -> None:
    raw = "T" * 43  # as stored before: the token itself
    feed = CalendarFeed.objects.create(tenant=tenant, user=None, token_hash=raw)
    AuditEntry.objects.create(
        tenant=tenant,
        user=tenant_admin,
        action=AuditEntry.Action.CREATE,
        record=f"events.calendarfeed:{feed.pk}",
        model_label="events.calendarfeed",
        object_repr=str(feed),
        at=timezone.now(),
    )
    already = CalendarFeed.objects.create(tenant=tenant, user=None, token_hash=hash_token("x"))
    backfill.hash_tokens(apps, None)
    backfill.hash_tokens(apps, None)  # twice is harmless
    feed.refresh_from_db()
    already.refresh_from_db()
    assert feed.token_hash == hash_token(raw) and feed.created_by == tenant_admin
    assert already.token_hash == hash_token("x") and already.created_by is None
    assert _status(client, raw) == 200
    User.objects.filter(pk=tenant_admin.pk).update(is_active=False)
    assert _status(client, raw) == 404
