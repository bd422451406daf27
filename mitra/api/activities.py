"""/api/v1/activities: the follow-up log of meetings, visits, letters and calls."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from mitra.api.binding import as_form_data, check
from mitra.api.errors import READ_ERRORS, WRITE_ERRORS
from mitra.api.paging import Pagination
from mitra.api.schemas import ActivityFilters, ActivityIn, ActivityOut
from mitra.followups import services
from mitra.followups.access import activities_for_user, get_activity_for_user
from mitra.followups.forms import ActivityForm
from mitra.followups.models import Activity
from mitra.tenancy.access import acting_user, require_tenant

router = Router(tags=["activities"])


def _filtered(queryset: QuerySet[Activity], filters: ActivityFilters) -> QuerySet[Activity]:
    if filters.cooperation is not None:
        queryset = queryset.filter(cooperation_id=filters.cooperation)
    if filters.partner is not None:
        queryset = queryset.filter(partner_id=filters.partner)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.date_from is not None:
        queryset = queryset.filter(date__gte=filters.date_from)
    if filters.date_to is not None:
        queryset = queryset.filter(date__lte=filters.date_to)
    return queryset


@router.get("/activities", response={200: list[ActivityOut], **READ_ERRORS})
@paginate(Pagination)
def list_activities(request: HttpRequest, filters: Query[ActivityFilters]) -> QuerySet[Activity]:
    """The tenant's activities, latest first; filtered by cooperation, partner, kind and dates."""
    activities = _filtered(activities_for_user(request), filters)
    return activities.prefetch_related("staff", "partner_contacts").order_by("-date", "-pk")


@router.get("/activities/{pk}", response={200: ActivityOut, **READ_ERRORS})
def get_activity(request: HttpRequest, pk: int) -> Activity:
    return get_activity_for_user(request, pk)


@router.post("/activities", response={201: ActivityOut, **WRITE_ERRORS})
def log_activity(request: HttpRequest, payload: ActivityIn) -> Status[Activity]:
    """Log an activity on a cooperation, with a partner, or both."""
    tenant = require_tenant(request, write=True)
    data = check(ActivityForm(tenant, as_form_data(payload.dict())))
    data.pop("attachment", None)  # files are not taken through the API
    activity = services.log_activity(tenant, by=acting_user(request), **data)
    return Status(201, get_activity_for_user(request, activity.pk))
