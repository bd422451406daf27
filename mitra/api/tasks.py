"""/api/v1/tasks: what someone must do by a date, and closing or handing it on."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from mitra.api.binding import as_form_data, check
from mitra.api.errors import READ_ERRORS, WRITE_ERRORS
from mitra.api.paging import Pagination
from mitra.api.schemas import NoteIn, ReassignIn, TaskFilters, TaskIn, TaskOut
from mitra.followups import services
from mitra.followups.access import get_task_for_user, tasks_for_user
from mitra.followups.forms import CloseTaskForm, ReassignForm, TaskForm
from mitra.followups.models import Task
from mitra.tenancy.access import acting_user, require_tenant

router = Router(tags=["tasks"])


def _filtered(request: HttpRequest, filters: TaskFilters) -> QuerySet[Task]:
    tasks = tasks_for_user(request)
    if filters.mine:
        tasks = tasks.filter(assignee=acting_user(request))
    if filters.assignee is not None:
        tasks = tasks.filter(assignee_id=filters.assignee)
    if filters.status:
        tasks = tasks.filter(status=filters.status)
    if filters.cooperation is not None:
        tasks = tasks.filter(cooperation_id=filters.cooperation)
    return tasks


@router.get("/tasks", response={200: list[TaskOut], **READ_ERRORS})
@paginate(Pagination)
def list_tasks(request: HttpRequest, filters: Query[TaskFilters]) -> QuerySet[Task]:
    """The tenant's tasks by due date; filtered by assignee, status and cooperation."""
    return _filtered(request, filters)


@router.get("/tasks/{pk}", response={200: TaskOut, **READ_ERRORS})
def get_task(request: HttpRequest, pk: int) -> Task:
    return get_task_for_user(request, pk)


@router.post("/tasks", response={201: TaskOut, **WRITE_ERRORS})
def create_task(request: HttpRequest, payload: TaskIn) -> Status[Task]:
    """Give a member of the tenant something to do by a date."""
    tenant = require_tenant(request, write=True)
    data = check(TaskForm(tenant, as_form_data(payload.dict())))
    task = services.create_task(tenant, by=acting_user(request), **data)
    return Status(201, task)


def _note(payload: NoteIn) -> str:
    note: str = check(CloseTaskForm(payload.dict()))["note"]
    return note


@router.post("/tasks/{pk}/complete", response={200: TaskOut, **WRITE_ERRORS})
def complete_task(request: HttpRequest, pk: int, payload: NoteIn) -> Task:
    """Mark a task done: its assignee may, whatever their role, and so may the writing roles."""
    task = get_task_for_user(request, pk, write=True, own=True)
    return services.complete_task(task, by=acting_user(request), note=_note(payload))


@router.post("/tasks/{pk}/cancel", response={200: TaskOut, **WRITE_ERRORS})
def cancel_task(request: HttpRequest, pk: int, payload: NoteIn) -> Task:
    """Cancel a task that is no longer needed; the note says why."""
    task = get_task_for_user(request, pk, write=True)
    return services.cancel_task(task, by=acting_user(request), note=_note(payload))


@router.post("/tasks/{pk}/reassign", response={200: TaskOut, **WRITE_ERRORS})
def reassign_task(request: HttpRequest, pk: int, payload: ReassignIn) -> Task:
    """Hand an open task to another member of the tenant."""
    task = get_task_for_user(request, pk, write=True)
    data = check(ReassignForm(task.tenant, payload.dict()))
    return services.reassign_task(task, by=acting_user(request), **data)
