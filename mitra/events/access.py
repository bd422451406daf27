"""Reads of events, planned signings and calendar feeds, always within the request's tenant."""

from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from mitra.cooperations.models import Cooperation, Document
from mitra.events.models import CalendarFeed, Event, PlannedSigning
from mitra.lib.tokens import hash_token
from mitra.tenancy.access import require_tenant
from mitra.tenancy.models import Membership


def events_for_user(request: HttpRequest) -> QuerySet[Event]:
    return Event.objects.filter(tenant=require_tenant(request))


def get_event_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Event:
    """The tenant's event `pk`; another tenant's answers 404, a read-only role 403 on write."""
    tenant = require_tenant(request, write=write)
    return get_object_or_404(Event.objects.filter(tenant=tenant), pk=pk)


def agenda_signings(event: Event) -> QuerySet[PlannedSigning]:
    """The event's signings with everything the readiness check reads, in a fixed few queries."""
    cooperations = Cooperation.objects.prefetch_related(
        "partners__country",
        Prefetch("documents", queryset=Document.objects.prefetch_related("parties")),
    )
    return (
        PlannedSigning.objects.filter(event=event)
        .select_related("document")
        .prefetch_related(Prefetch("cooperation", queryset=cooperations))
    )


def voided_signings(event: Event) -> list[PlannedSigning]:
    """The event's signings voided by mistake, kept for its history."""
    rows = PlannedSigning.with_voided.filter(event=event, voided_at__isnull=False)
    return list(rows.select_related("cooperation", "voided_by"))


def get_signing_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> PlannedSigning:
    tenant = require_tenant(request, write=write)
    queryset = PlannedSigning.objects.filter(event__tenant=tenant).select_related(
        "event", "cooperation"
    )
    return get_object_or_404(queryset, pk=pk)


def feeds_for_user(request: HttpRequest) -> QuerySet[CalendarFeed]:
    """The live feeds the user may see: their own, and the tenant's for its administrator."""
    tenant = require_tenant(request)
    feeds = CalendarFeed.objects.filter(tenant=tenant).live()
    mine = Q(user_id=request.user.pk)
    return feeds.filter(mine | Q(user=None) if is_tenant_admin(request) else mine)


def is_tenant_admin(request: HttpRequest) -> bool:
    membership: Membership | None = getattr(request, "membership", None)
    return membership is not None and membership.role == Membership.Role.TENANT_ADMIN


def get_live_feed(token: str) -> CalendarFeed:
    """The feed behind a secret address, for a caller without a session.

    Looked up by the token's hash, so whatever the address holds never reaches the database as
    it came. A revoked or unknown token answers 404, and so does a feed whose person or maker was
    deactivated or has left the tenant (`CalendarFeed.objects.live`).
    """
    feeds = CalendarFeed.objects.live().select_related("tenant", "user")
    return get_object_or_404(feeds, token_hash=hash_token(token))
