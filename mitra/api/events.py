"""/api/v1/events: festivals, forums and visits, with the signings planned for them."""

from datetime import date
from typing import Annotated

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from mitra.api.binding import as_form_data, check
from mitra.api.bodies import BodyIn, Patch
from mitra.api.errors import READ_ERRORS, WRITE_ERRORS
from mitra.api.fields import Day, OneOf
from mitra.api.paging import Pagination
from mitra.api.schemas import Line, Text, Title, pks
from mitra.api.updates import SavedOut, Updated
from mitra.events import services
from mitra.events.access import events_for_user, get_event_for_user
from mitra.events.forms import EventForm
from mitra.events.models import Event, PlannedSigning
from mitra.tenancy.access import acting_user, require_tenant

router = Router(tags=["events"])
EVENT_FIELDS = ("name", "place", "starts_on", "ends_on", "description")


SigningStatus = Annotated[str, OneOf(PlannedSigning.Status.values)]


class EventIn(BodyIn):
    name: Title
    place: Line = ""
    starts_on: Day
    ends_on: Day | None = None
    description: Text = ""


class SigningOut(Schema):
    id: int
    cooperation: int = Field(alias="cooperation_id")
    document_kind: str
    action: str
    order: int
    status: SigningStatus
    document: int | None = Field(None, alias="document_id")
    note: str


class EventOut(Schema):
    id: int
    name: str
    place: str
    starts_on: date
    ends_on: date | None
    description: str
    cooperations: list[int]
    signings: list[SigningOut]

    @staticmethod
    def resolve_cooperations(obj: Event) -> list[int]:
        return pks(obj.cooperations)

    @staticmethod
    def resolve_signings(obj: Event) -> list[PlannedSigning]:
        return list(obj.signings.all())


class EventSaved(EventOut, SavedOut):
    """An event after an update, and whether the update saved anything."""


class EventFilters(Schema):
    date_from: Day | None = Field(
        None, description="Only events still running on or after this day"
    )
    date_to: Day | None = Field(None, description="Only events starting on or before this day")


def _event(request: HttpRequest, pk: int) -> Event:
    return events_for_user(request).prefetch_related("cooperations", "signings").get(pk=pk)


@router.get("/events", response={200: list[EventOut], **READ_ERRORS})
@paginate(Pagination)
def list_events(request: HttpRequest, filters: Query[EventFilters]) -> QuerySet[Event]:
    """The tenant's events by start date; filtered to those overlapping the given days."""
    events = events_for_user(request)
    if filters.date_from is not None:
        still_on = Q(ends_on__gte=filters.date_from) | Q(
            ends_on=None, starts_on__gte=filters.date_from
        )
        events = events.filter(still_on)
    if filters.date_to is not None:
        events = events.filter(starts_on__lte=filters.date_to)
    return events.prefetch_related("cooperations", "signings").order_by("starts_on", "pk")


@router.get("/events/{pk}", response={200: EventOut, **READ_ERRORS})
def get_event(request: HttpRequest, pk: int) -> Event:
    return _event(request, get_event_for_user(request, pk).pk)


@router.post("/events", response={201: EventOut, **WRITE_ERRORS})
def create_event(request: HttpRequest, payload: EventIn) -> Status[Event]:
    """Record an event of the tenant."""
    tenant = require_tenant(request, write=True)
    data = check(EventForm(as_form_data(payload.dict())))
    event = services.create_event(tenant, by=acting_user(request), **data)
    return Status(201, _event(request, event.pk))


@router.patch("/events/{pk}", response={200: EventSaved, **WRITE_ERRORS})
def update_event(request: HttpRequest, pk: int, payload: Patch[EventIn]) -> Updated[Event]:
    """Change the given fields of an event."""
    event = get_event_for_user(request, pk, write=True)
    current = {name: getattr(event, name) for name in EVENT_FIELDS}
    data = check(EventForm(as_form_data(current) | as_form_data(payload)))
    saved = services.update_event(event, by=acting_user(request), **data)
    return Updated(_event(request, pk), saved)
