"""Dates that cannot be true are refused, by every door (issue 14).

A day on which something took place (a signing, a meeting, a progress report, an evaluation)
cannot be after today, and nothing ends before it starts. The rules are named functions in the
apps' `rules.py`, called by the services, so the web forms, the API, the import and the news
intake all refuse alike. A plan may lie in the future.

`HAPPENED` lists every model date that says something took place, with every operation that
writes it; `NOT_HAPPENED` every other model date, with why a future day is fine there. The scan
fails for a model date in neither table, so a new "happened on" field cannot skip the rule.
"""

import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from importlib import import_module
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth.models import User
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mitra.api import services as api_services
from mitra.api.tests.conftest import API
from mitra.cooperations import services as cooperations
from mitra.cooperations.models import Cooperation, Document
from mitra.events import services as events
from mitra.events.models import Event
from mitra.events.tests.helpers import LOI, make_event, plan, sister_city_at_loi, two_parties
from mitra.followups import services as followups
from mitra.followups.models import Activity, Task
from mitra.implementation import services as implementation
from mitra.implementation.tests.conftest import plan_item, signed_cooperation
from mitra.imports.services import check_upload
from mitra.imports.tests.conftest import write_xlsx
from mitra.intake import services as intake
from mitra.intake.tests.test_services_intake import gothenburg, submit_article
from mitra.lib.refusal import Refused
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_cooperation, make_document, make_partner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _tomorrow() -> date:
    return timezone.localdate() + timedelta(days=1)


class World:
    """The tenant, its officer and an API client, for the operations below."""

    def __init__(self, tenant: Tenant, officer: User, api: Any, tmp_path: Any) -> None:
        self.tenant, self.officer, self.api, self.tmp_path = tenant, officer, api, tmp_path


@pytest.fixture
def world(tenant, cooperation_officer, tmp_path) -> World:
    membership = Membership.objects.get(user=cooperation_officer)
    _token, raw = api_services.create_token(
        cooperation_officer, name="tests", membership=membership, by=cooperation_officer
    )
    api = Client(headers={"Authorization": f"Bearer {raw}"})
    return World(tenant, cooperation_officer, api, tmp_path)


# --- Each operation writes one date; it returns whether it was refused --------------------------


def _refused(call: Callable[[], Any]) -> bool:
    try:
        call()
    except Refused:
        return True
    return False


def attach_document(w: World, day: date) -> bool:
    coop = make_cooperation(w.tenant)
    return _refused(
        lambda: cooperations.attach_document(
            coop, by=w.officer, kind=LOI, title="LoI", date_signed=day
        )
    )


def update_document(w: World, day: date) -> bool:
    document = make_document(make_cooperation(w.tenant))
    return _refused(lambda: cooperations.update_document(document, by=w.officer, date_signed=day))


def record_signing_at_an_event(w: World, day: date) -> bool:
    signing = plan(make_event(w.tenant), sister_city_at_loi(w.tenant), LOI)
    return _refused(
        lambda: events.record_signing(
            signing, by=w.officer, date_signed=day, place="Makassar", parties=two_parties()
        )
    )


def post_a_document_to_the_api(w: World, day: date) -> bool:
    coop = make_cooperation(w.tenant)
    data = {"kind": "letter_of_intent", "title": "LoI", "date_signed": day.isoformat()}
    response = w.api.post(
        f"{API}/cooperations/{coop.pk}/documents", data, content_type="application/json"
    )
    # 422 names the refused field (`date_signed`); 409 would be a rule on the whole record
    assert response.status_code in (201, 409, 422), response.content
    refused = response.status_code in (409, 422)
    return refused and not Document.objects.filter(cooperation=coop).exists()


def import_a_register(w: World, day: date) -> bool:
    path = write_xlsx(
        w.tmp_path / "register.xlsx",
        [
            [
                "Judul Kerja Sama",
                "Jenis Kerja Sama",
                "Nama Mitra",
                "Negara",
                "Tanggal Penandatanganan",
            ],
            ["Kota kembar Gothenburg", "KSDPL", "Gothenburg", "Swedia", day.strftime("%d/%m/%Y")],
        ],
    )
    run = check_upload(w.tenant, by=w.officer, file_name=path.name, content=path.read_bytes())
    return any(p["column"] for p in run.report["problems"])


def log_an_activity(w: World, day: date) -> bool:
    coop = make_cooperation(w.tenant)
    return _refused(
        lambda: followups.log_activity(
            w.tenant, by=w.officer, kind="meeting", date=day, title="Rapat", cooperation=coop
        )
    )


def correct_an_activity(w: World, day: date) -> bool:
    coop = make_cooperation(w.tenant)
    activity = followups.log_activity(
        w.tenant,
        by=w.officer,
        kind="meeting",
        date=date(2026, 1, 5),
        title="Rapat",
        cooperation=coop,
    )
    return _refused(lambda: followups.update_activity(activity, by=w.officer, date=day))


def post_an_activity_to_the_api(w: World, day: date) -> bool:
    coop = make_cooperation(w.tenant)
    data = {"kind": "meeting", "date": day.isoformat(), "title": "Rapat", "cooperation": coop.pk}
    response = w.api.post(f"{API}/activities", data, content_type="application/json")
    # 422 names the refused field (`date`); 409 would be a rule on the whole record
    assert response.status_code in (201, 409, 422), response.content
    return response.status_code in (409, 422) and not Activity.objects.exists()


def confirm_news(w: World, day: date) -> bool:
    item = submit_article(w.tenant, w.officer)
    return _refused(
        lambda: intake.confirm_news(item, by=w.officer, partners=[gothenburg()], on=day)
    )


def record_progress(w: World, day: date) -> bool:
    _coop, mou = signed_cooperation(w.tenant)
    item = plan_item(mou)
    return _refused(
        lambda: implementation.record_progress(item, by=w.officer, date=day, value=Decimal(1))
    )


def record_an_evaluation(w: World, day: date) -> bool:
    coop, _mou = signed_cooperation(w.tenant)
    fields: dict[str, Any] = {
        "period_start": date(2025, 1, 1),
        "period_end": date(2025, 12, 31),
        "date": day,
        "partner_responsiveness": 4,
        "recommendation": "continue",
    }
    return _refused(
        lambda: implementation.record_evaluation(coop, by=w.officer, with_pdf=False, **fields)
    )


Operation = Callable[[World, date], bool]

# Every model date saying something took place, with every operation that writes it.
HAPPENED: dict[tuple[str, str], list[Operation]] = {
    ("cooperations.Document", "date_signed"): [
        attach_document,
        update_document,
        record_signing_at_an_event,
        post_a_document_to_the_api,
        import_a_register,
    ],
    ("followups.Activity", "date"): [
        log_an_activity,
        correct_an_activity,
        post_an_activity_to_the_api,
        confirm_news,
    ],
    ("implementation.ProgressUpdate", "date"): [record_progress],
    ("implementation.Evaluation", "date"): [record_an_evaluation],
}

# Every other model date, and why a day after today is fine there.
NOT_HAPPENED = {
    ("cooperations.Cooperation", "start_date"): "a cooperation may be planned to start later",
    ("cooperations.Cooperation", "end_date"): "an end still to come",
    ("cooperations.Cooperation", "last_activity_on"): "a stamp the services write, not typed",
    ("cooperations.Document", "valid_from"): "validity may start after the signing",
    ("cooperations.Document", "valid_until"): "validity ends in the future",
    ("events.Event", "starts_on"): "an event is planned ahead",
    ("events.Event", "ends_on"): "an event is planned ahead",
    ("followups.Task", "due_date"): "due ahead, but not before it is given (checked below)",
    ("implementation.PlanItem", "milestone_date"): "a plan's milestone",
    ("implementation.PlanItem", "start_date"): "a plan's period",
    ("implementation.PlanItem", "end_date"): "a plan's period",
    ("implementation.Obligation", "period_start"): "generated from a plan",
    ("implementation.Obligation", "period_end"): "generated from a plan",
    ("implementation.Obligation", "due_date"): "generated from a plan",
    ("implementation.Evaluation", "period_start"): "the period evaluated (checked in order)",
    ("implementation.Evaluation", "period_end"): "the period evaluated (checked in order)",
    ("implementation.EvaluationReminder", "period_start"): "generated for a period",
}

# Names that say something took place: such a field must be in HAPPENED.
HAPPENED_NAME = re.compile(r"(signed|held|done|happened|reported|evaluated|occurred)")

OPERATIONS = [(field, operation) for field, ops in HAPPENED.items() for operation in ops]


def _model_dates() -> set[tuple[str, str]]:
    found = set()
    for model in apps.get_models():
        if not model.__module__.startswith("mitra."):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
                found.add((model._meta.label, field.name))
    return found


def test_every_model_date_is_either_a_happened_day_or_allowed_ahead():
    unlisted = _model_dates() - HAPPENED.keys() - NOT_HAPPENED.keys()
    assert unlisted == set(), "add each to HAPPENED (with its operations) or NOT_HAPPENED"
    assert not (HAPPENED.keys() | NOT_HAPPENED.keys()) - _model_dates()  # no stale rows


def test_a_field_named_for_something_that_happened_is_in_the_happened_table():
    named = {(m, f) for m, f in _model_dates() if HAPPENED_NAME.search(f)}
    assert named <= HAPPENED.keys()


@pytest.mark.parametrize(
    ("field", "operation"), OPERATIONS, ids=lambda v: v.__name__ if callable(v) else ".".join(v)
)
def test_a_day_after_today_is_refused(field, operation, world):
    assert operation(world, _tomorrow()), f"{operation.__name__} took a future {field}"


@pytest.mark.parametrize(
    ("field", "operation"), OPERATIONS, ids=lambda v: v.__name__ if callable(v) else ".".join(v)
)
def test_today_is_taken(field, operation, world):
    assert not operation(world, timezone.localdate()), f"{operation.__name__} refused today"


# The operations of a service (not the API, the import or the news intake, which answer in
# their own way), with the field each files its refusal under.
SERVICE_OPERATIONS = [
    (field, operation)
    for (_model, field), ops in HAPPENED.items()
    for operation in ops
    if operation not in (post_a_document_to_the_api, post_an_activity_to_the_api)
    and operation not in (import_a_register, confirm_news, record_signing_at_an_event)
]


@pytest.mark.parametrize(
    ("field", "operation"), SERVICE_OPERATIONS, ids=lambda v: getattr(v, "__name__", v)
)
def test_a_day_that_cannot_be_true_is_refused_beside_its_field(
    field, operation, world, monkeypatch
):
    """The refusal names the field, so a form shows it beside the date typed (the meeting form
    showed it above the form) and the API answers at the field."""
    refusals: list[Refused] = []

    def keep(call: Callable[[], Any]) -> bool:
        try:
            call()
        except Refused as refusal:
            refusals.append(refusal)
            return True
        return False

    monkeypatch.setitem(globals(), "_refused", keep)  # the operations look it up when called
    assert operation(world, _tomorrow())
    [refusal] = refusals
    assert list(refusal.fields) == [field], refusal.fields


def test_a_future_signing_says_why_in_indonesian(tenant, cooperation_officer):
    from django.utils import translation

    coop = make_cooperation(tenant)
    with translation.override("id"), pytest.raises(Refused) as refused:
        cooperations.attach_document(
            coop, by=cooperation_officer, kind=LOI, title="LoI", date_signed=date(2100, 1, 1)
        )
    assert "masa depan" in refused.value.problems[0]


# --- Nothing ends before it starts; a plan may lie ahead --------------------------------------

LATER, EARLIER = date(2026, 3, 1), date(2026, 2, 1)


def _partner_coop(tenant: Tenant) -> Cooperation:
    return make_cooperation(tenant, partners=[make_partner(tenant)])


END_BEFORE_START: dict[str, Callable[[Tenant, User], Any]] = {
    "a cooperation": lambda t, u: make_cooperation(t, start_date=LATER, end_date=EARLIER),
    "a cooperation changed": lambda t, u: cooperations.update_cooperation(
        _partner_coop(t), by=u, start_date=LATER, end_date=EARLIER
    ),
    "a document's validity": lambda t, u: cooperations.attach_document(
        _partner_coop(t), by=u, kind=LOI, title="LoI", valid_from=LATER, valid_until=EARLIER
    ),
    "an event": lambda t, u: make_event(t, starts_on=LATER, ends_on=EARLIER),
    "an event changed": lambda t, u: events.update_event(
        make_event(t), by=u, starts_on=LATER, ends_on=EARLIER
    ),
    "a plan item's period": lambda t, u: plan_item(
        signed_cooperation(t)[1], start_date=LATER, end_date=EARLIER
    ),
    "an evaluated period": lambda t, u: implementation.record_evaluation(
        signed_cooperation(t)[0],
        by=u,
        with_pdf=False,
        period_start=LATER,
        period_end=EARLIER,
        date=EARLIER,
        partner_responsiveness=4,
        recommendation="continue",
    ),
}


@pytest.mark.parametrize("what", END_BEFORE_START)
def test_an_end_before_the_start_is_refused(what, tenant, cooperation_officer):
    with pytest.raises(Refused):
        END_BEFORE_START[what](tenant, cooperation_officer)


def test_a_planned_event_task_or_cooperation_may_lie_ahead(tenant, cooperation_officer):
    ahead = timezone.localdate() + timedelta(days=60)
    assert make_event(tenant, starts_on=ahead, ends_on=ahead).starts_on == ahead
    task = followups.create_task(
        tenant,
        by=cooperation_officer,
        title="Siapkan F8",
        assignee=cooperation_officer,
        due_date=ahead,
    )
    assert task.due_date == ahead
    assert make_cooperation(tenant, start_date=ahead).start_date == ahead
    assert Cooperation.objects.count() == 1


# --- Refused beside the field at the web and API doors, not above the form --------------------


def _web_errors(response: Any) -> dict[str, list[str]]:
    form = response.context["form"]
    return {name: list(found) for name, found in form.errors.items()}


def _api_fields(response: Any) -> list[str]:
    return [error["loc"][-1] for error in response.json()["detail"]]


def test_an_event_ending_before_it_starts_is_refused_beside_its_end_on_the_web_form(
    tenant, cooperation_officer, client_as
):
    client = client_as(cooperation_officer)
    data = {"name": "Festival F8", "starts_on": LATER.isoformat(), "ends_on": EARLIER.isoformat()}
    created = client.post(reverse("events:create"), data)
    event = make_event(tenant)
    changed = client.post(reverse("events:edit", args=[event.pk]), data)
    for response in (created, changed):
        errors = _web_errors(response)
        assert list(errors) == ["ends_on"], errors
        assert "sebelum" in errors["ends_on"][0]  # said in Indonesian, beside the end
    assert Event.objects.get().starts_on != LATER  # neither a new event nor the change


def test_an_event_ending_before_it_starts_is_refused_at_its_end_in_the_api(world):
    data = {"name": "Festival F8", "starts_on": LATER.isoformat(), "ends_on": EARLIER.isoformat()}
    response = world.api.post(f"{API}/events", data, content_type="application/json")
    assert response.status_code == 422, response.content
    assert _api_fields(response) == ["ends_on"]


def test_no_model_form_checks_a_constraint_its_service_files_at_a_field():
    """Django's check of a model constraint on a ModelForm lands above the form; the services
    check the same rule first and file it beside its field, so every ModelForm over a model with
    a check constraint leaves it to them."""
    import_module("mitra.events.forms")
    import_module("mitra.portal.forms")
    checked = [
        form
        for form in _subclasses(forms.ModelForm)
        if form.__module__.startswith("mitra.")
        and any(isinstance(c, models.CheckConstraint) for c in form._meta.model._meta.constraints)
    ]
    assert checked, "the scan found no ModelForm over a model with a check constraint"
    for form in checked:
        assert form.validate_constraints is not forms.ModelForm.validate_constraints, form


def _subclasses(cls: type) -> list[type]:
    found: list[type] = []
    direct: list[type] = cls.__subclasses__()
    for sub in direct:
        found += [sub, *_subclasses(sub)]
    return found


# --- A task cannot fall due before it is given -------------------------------------------------

YEARS_AGO = date(2019, 3, 1)  # "2026" typed as "2019"


def give_a_task(w: World, due: date) -> bool:
    return _refused(
        lambda: followups.create_task(
            w.tenant, by=w.officer, title="Kirim surat", assignee=w.officer, due_date=due
        )
    )


def give_a_task_on_the_web(w: World, due: date) -> bool:
    data = {
        "title": "Kirim surat",
        "assignee": w.officer.pk,
        "due_date": due.isoformat(),
        "priority": Task.Priority.NORMAL,
    }
    client = Client()
    client.force_login(w.officer)
    response = client.post(reverse("followups:create_task"), data)
    if response.status_code == 302:
        return False
    assert list(_web_errors(response)) == ["due_date"], _web_errors(response)
    return True


def give_a_task_through_the_api(w: World, due: date) -> bool:
    data = {"title": "Kirim surat", "assignee": w.officer.pk, "due_date": due.isoformat()}
    response = w.api.post(f"{API}/tasks", data, content_type="application/json")
    assert response.status_code in (201, 422), response.content
    if response.status_code == 201:
        return False
    assert _api_fields(response) == ["due_date"]
    return True


def agree_a_task_in_a_meeting(w: World, due: date) -> bool:
    """A task agreed in a meeting is given on the meeting's day."""
    meeting_day = timezone.localdate() - timedelta(days=20)
    return _refused(
        lambda: followups.log_activity(
            w.tenant,
            by=w.officer,
            kind="meeting",
            date=meeting_day,
            title="Rapat",
            cooperation=make_cooperation(w.tenant),
            commitments=[followups.Commitment("Kirim notulen", w.officer, due)],
        )
    )


def agree_a_task_in_a_meeting_on_the_web(w: World, due: date) -> bool:
    """Refused, the task's due date is marked in its own row of the meeting form, not above it."""
    meeting_day = timezone.localdate() - timedelta(days=20)
    data = {
        "kind": "meeting",
        "date": meeting_day.isoformat(),
        "title": "Rapat",
        "cooperation": make_cooperation(w.tenant).pk,
        "tasks-TOTAL_FORMS": 2,
        "tasks-INITIAL_FORMS": 0,
        "tasks-0-title": "",
        "tasks-0-priority": Task.Priority.NORMAL,
        "tasks-1-title": "Kirim notulen",
        "tasks-1-assignee": w.officer.pk,
        "tasks-1-due_date": due.isoformat(),
        "tasks-1-priority": Task.Priority.NORMAL,
    }
    client = Client()
    client.force_login(w.officer)
    response = client.post(reverse("followups:log_activity"), data)
    if response.status_code == 302:
        return False
    assert _web_errors(response) == {}
    rows = response.context["rows"]
    assert [list(row.errors) for row in rows] == [[], ["due_date"]]
    assert "field--invalid" in response.content.decode()
    return True


GIVING_A_TASK = [
    give_a_task,
    give_a_task_on_the_web,
    give_a_task_through_the_api,
    agree_a_task_in_a_meeting,
    agree_a_task_in_a_meeting_on_the_web,
]


@pytest.mark.parametrize("operation", GIVING_A_TASK, ids=lambda o: o.__name__)
def test_a_task_due_years_before_it_is_given_is_refused_and_nothing_is_written(operation, world):
    assert operation(world, YEARS_AGO), f"{operation.__name__} took a due date years ago"
    assert not Task.objects.exists()
    assert not Activity.objects.exists()


@pytest.mark.parametrize("operation", GIVING_A_TASK, ids=lambda o: o.__name__)
def test_a_task_due_today_is_given(operation, world):
    assert not operation(world, timezone.localdate()), f"{operation.__name__} refused today"
    assert Task.objects.get().due_date == timezone.localdate()


def test_a_task_agreed_in_a_late_recorded_meeting_may_already_be_due(world):
    """Recorded today, a meeting of three weeks ago gave a task due last week: true, and late."""
    last_week = timezone.localdate() - timedelta(days=7)
    assert not agree_a_task_in_a_meeting(world, last_week)
    assert Task.objects.get().due_date == last_week


def test_a_task_due_before_it_is_given_says_why_in_indonesian(tenant, cooperation_officer):
    from django.utils import translation

    with translation.override("id"), pytest.raises(Refused) as refused:
        followups.create_task(
            tenant,
            by=cooperation_officer,
            title="Kirim surat",
            assignee=cooperation_officer,
            due_date=YEARS_AGO,
        )
    assert refused.value.fields["due_date"][0].startswith("Tugas tidak dapat jatuh tempo")
