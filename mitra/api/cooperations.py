"""/api/v1/cooperations: the register with the web's filters, records, and moves along the procedure."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from mitra.api.binding import as_form_data, check, without_country
from mitra.api.bodies import Patch
from mitra.api.errors import READ_ERRORS, WRITE_ERRORS
from mitra.api.paging import Pagination
from mitra.api.schemas import (
    CooperationEventOut,
    CooperationFilters,
    CooperationIn,
    CooperationOut,
    CooperationSaved,
    CooperationUpdate,
    StepOut,
    TransitionIn,
    TransitionOut,
)
from mitra.api.updates import Updated
from mitra.cooperations import services, workflow
from mitra.cooperations.access import (
    cooperations_for_user,
    get_cooperation_detail_for_user,
    get_cooperation_for_user,
)
from mitra.cooperations.filters import filter_cooperations, with_list_columns
from mitra.cooperations.forms import (
    CooperationFilterForm,
    CooperationForm,
    TransitionForm,
    cooperation_initial,
)
from mitra.cooperations.models import Cooperation, CooperationEvent
from mitra.cooperations.transitions import NextStep, problems_for
from mitra.tenancy.access import acting_user, can_write, require_tenant
from mitra.tenancy.models import WRITE_ROLES

router = Router(tags=["cooperations"])


def _detail(request: HttpRequest, pk: int) -> Cooperation:
    return get_cooperation_detail_for_user(request, pk)


@router.get("/cooperations", response={200: list[CooperationOut], **READ_ERRORS})
@paginate(Pagination)
def list_cooperations(
    request: HttpRequest, filters: Query[CooperationFilters]
) -> QuerySet[Cooperation]:
    """The register with the web list's filters, search and sort (default: recently updated)."""
    form = CooperationFilterForm(require_tenant(request), without_country(filters.dict()))
    data = check(form, ("query",)) | {"country": filters.country}
    matching = filter_cooperations(cooperations_for_user(request), data)
    return with_list_columns(matching).prefetch_related("affairs", "implementing_agencies")


@router.get("/cooperations/{pk}", response={200: CooperationOut, **READ_ERRORS})
def get_cooperation(request: HttpRequest, pk: int) -> Cooperation:
    return _detail(request, pk)


@router.post("/cooperations", response={201: CooperationOut, **WRITE_ERRORS})
def create_cooperation(request: HttpRequest, payload: CooperationIn) -> Status[Cooperation]:
    """Record a cooperation in its procedure's first state; the law's rules are checked (409)."""
    tenant = require_tenant(request, write=True)
    data = check(CooperationForm(tenant, as_form_data(payload.dict())))
    coop = services.create_cooperation(tenant, by=acting_user(request), **data)
    return Status(201, _detail(request, coop.pk))


@router.patch("/cooperations/{pk}", response={200: CooperationSaved, **WRITE_ERRORS})
def update_cooperation(
    request: HttpRequest, pk: int, payload: Patch[CooperationUpdate]
) -> Updated[Cooperation]:
    """Change the given fields of the record; the state moves only by transitions."""
    coop = get_cooperation_for_user(request, pk, write=True)
    initial = cooperation_initial(coop)
    values = as_form_data(initial) | as_form_data(payload)
    form = CooperationForm(coop.tenant, values, initial=initial, editing=True)
    changes = {name: value for name, value in check(form).items() if name != "kind"}
    saved = services.update_cooperation(coop, by=acting_user(request), **changes)
    return Updated(_detail(request, pk), saved)


def _steps(request: HttpRequest, coop: Cooperation) -> list[NextStep]:
    """The moves open to the caller; read-only roles see what the office still has to do."""
    if can_write(request):
        return services.next_steps(coop, acting_user(request))
    return [
        NextStep(t, problems_for(coop, t))
        for t in workflow.transitions_from(coop)
        if t.roles & WRITE_ROLES
    ]


def _step_out(step: NextStep) -> dict[str, Any]:
    return {
        "action": step.action,
        "label": str(step.transition.label),
        "target": step.transition.target,
        "ready": step.ready,
        "problems": step.problems,
        "irreversible": step.transition.irreversible,
        "asks_first": step.transition.asks_first,
    }


@router.get("/cooperations/{pk}/transitions", response={200: list[StepOut], **READ_ERRORS})
def list_transitions(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    """The moves open from the current state, each with the requirements still unmet."""
    coop = get_cooperation_for_user(request, pk)
    return [_step_out(step) for step in _steps(request, coop)]


@router.post("/cooperations/{pk}/transitions", response={200: TransitionOut, **WRITE_ERRORS})
def apply_transition(request: HttpRequest, pk: int, payload: TransitionIn) -> dict[str, Any]:
    """Move the cooperation one step. When refused (409), `problems` lists every unmet requirement
    and nothing changes. A move listed with `asks_first` (withdrawing, terminating, recording a
    refusal, marking dormant) needs the reason in `note`: without one the answer is 422."""
    coop = get_cooperation_for_user(request, pk, write=True)
    move = check(
        TransitionForm(
            {
                "action": payload.action,
                "expected_state": payload.expected_state or coop.state,
                "note": payload.note,
            },
            cooperation=coop,
        )
    )
    event = services.apply_transition(
        coop,
        move["action"],
        by=acting_user(request),
        note=move["note"],
        expected_state=move["expected_state"],
    )
    return {"state": event.target, "state_label": event.get_target_display(), "event": event}


@router.get("/cooperations/{pk}/history", response={200: list[CooperationEventOut], **READ_ERRORS})
@paginate(Pagination)
def list_history(request: HttpRequest, pk: int) -> QuerySet[CooperationEvent]:
    """The cooperation's state changes, latest first."""
    coop = get_cooperation_for_user(request, pk)
    return CooperationEvent.objects.filter(cooperation=coop).order_by("-at", "-pk")
