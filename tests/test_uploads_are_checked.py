"""Every file Mitra accepts passes `mitra.lib.uploads`, wherever it comes in.

Found three ways, so a new one cannot slip past: every model `FileField` (the admin and any
model form), every form class's file field, and every API operation with a file in its body;
then each real page and API operation is posted a web page dressed as a PDF and an oversized
file, and must refuse both with a message in Indonesian, storing nothing.
"""

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.urls import reverse

import mitra
from mitra.api import services as api_services
from mitra.api.api import api
from mitra.cooperations.models import Document
from mitra.events.models import PlannedSigning
from mitra.events.tests.helpers import F8_DAY, LOI, make_event, plan, sister_city_at_loi
from mitra.followups.models import Activity
from mitra.implementation.models import ProgressUpdate
from mitra.implementation.tests.conftest import plan_item, signed_cooperation
from mitra.imports.models import ImportRun
from mitra.intake.models import NewsItem
from mitra.lib.tests import samples
from mitra.lib.uploads import UploadField, UploadValidator
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_cooperation, make_document

LIMIT = 2048


def _form_classes() -> Iterator[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(mitra.__path__, "mitra."):
        if module.name.rsplit(".", 1)[-1] == "forms":
            importlib.import_module(module.name)
    seen: set[type[forms.BaseForm]] = set()
    todo: list[type[forms.BaseForm]] = [forms.BaseForm]
    while todo:
        subclasses: list[type[forms.BaseForm]] = todo.pop().__subclasses__()
        for sub in subclasses:
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return (form for form in seen if form.__module__.startswith("mitra."))


def _model_file_fields() -> list[models.FileField]:
    return [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]


def _file_form_fields() -> list[tuple[str, str]]:
    return sorted(
        (f"{form.__module__}.{form.__qualname__}", name)
        for form in _form_classes()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.FileField)
    )


# File fields no person uploads into, and why. No form may offer one (the test below finds
# every form's file field and requires its upload check).
NOT_UPLOADED = {
    "downloads.GeneratedFile.file": "written by the worker from the region's own records",
}


def test_every_model_file_field_carries_the_upload_validator():
    fields = _model_file_fields()
    assert len(fields) >= 4
    unchecked = [
        label
        for f in fields
        for label in [f"{f.model._meta.label}.{f.name}"]
        if label not in NOT_UPLOADED
        and not any(isinstance(v, UploadValidator) for v in f.validators)
    ]
    assert unchecked == []


def test_a_file_field_no_one_uploads_into_is_on_no_form():
    labels = {f"{f.model._meta.label}.{f.name}" for f in _model_file_fields()}
    assert set(NOT_UPLOADED) <= labels
    on_forms = {
        f"{form._meta.model._meta.label}.{name}"
        for form in _form_classes()
        if getattr(getattr(form, "_meta", None), "model", None) is not None
        for name, field in form.base_fields.items()
        if isinstance(field, forms.FileField)
    }
    assert on_forms & set(NOT_UPLOADED) == set()


def test_every_form_file_field_is_an_upload_field():
    found = _file_form_fields()
    unchecked = [
        (form, name)
        for form, name in found
        for cls in [_class(form)]
        if not isinstance(cls.base_fields[name], UploadField) and not _model_checks(cls, name)
    ]
    assert unchecked == []
    posted = {form for form, _setup in ENDPOINTS.values() if form is not None}
    assert {form for form, _name in found} == posted


def _class(dotted: str) -> type[forms.BaseForm]:
    return next(
        form for form in _form_classes() if f"{form.__module__}.{form.__qualname__}" == dotted
    )


def _model_checks(form: type[forms.BaseForm], name: str) -> bool:
    """A model form's file field is checked by its model field's validator."""
    meta = getattr(form, "_meta", None)
    model = getattr(meta, "model", None)
    if model is None:
        return False
    field = model._meta.get_field(name)
    return any(isinstance(v, UploadValidator) for v in field.validators)


def test_every_api_operation_taking_a_file_is_posted_hostile_files_below():
    schema = api.get_openapi_schema()
    taking_files = {
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if "multipart/form-data" in operation.get("requestBody", {}).get("content", {})
    }
    assert taking_files == {"POST /api/v1/documents/{pk}/file"}


# -- Each real endpoint ----------------------------------------------------------------------


@dataclass
class Post:
    url: str
    data: dict[str, Any]
    field: str
    api: bool = False


def _document_form(tenant: Tenant) -> Post:
    coop = make_cooperation(tenant)
    data = {
        "kind": "letter_of_intent",
        "title": "LoI",
        "parties-TOTAL_FORMS": "0",
        "parties-INITIAL_FORMS": "0",
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "3",
    }
    return Post(reverse("cooperations:add_document", args=[coop.pk]), data, "file")


def _activity_form(tenant: Tenant) -> Post:
    coop = make_cooperation(tenant)
    data = {
        "kind": "meeting",
        "date": "2025-03-10",
        "title": "Rapat",
        "cooperation": str(coop.pk),
        "tasks-TOTAL_FORMS": "0",
        "tasks-INITIAL_FORMS": "0",
        "tasks-MIN_NUM_FORMS": "0",
        "tasks-MAX_NUM_FORMS": "20",
    }
    return Post(reverse("followups:log_activity"), data, "attachment")


def _document_correction(tenant: Tenant) -> Post:
    document = make_document(make_cooperation(tenant), title="Surat pernyataan kehendak")
    post = _document_form(tenant)
    post.data["title"] = document.title
    return Post(reverse("cooperations:edit_document", args=[document.pk]), post.data, "file")


def _activity_correction(tenant: Tenant) -> Post:
    post = _activity_form(tenant)
    activity = Activity.objects.create(
        tenant=tenant,
        kind="meeting",
        date="2025-03-10",
        title="Rapat",
        cooperation_id=int(post.data["cooperation"]),
    )
    url = reverse("followups:edit_activity", args=[activity.pk])
    return Post(url, post.data, "attachment")


def _progress_form(tenant: Tenant) -> Post:
    _coop, mou = signed_cooperation(tenant)
    url = reverse("implementation:add_progress", args=[plan_item(mou).pk])
    return Post(url, {"date": "2025-03-10", "value": "5"}, "evidence_file")


def _signing_form(tenant: Tenant) -> Post:
    signing = plan(make_event(tenant), sister_city_at_loi(tenant), LOI)
    prefix = f"signing-{signing.pk}"
    data = {
        f"{prefix}-date_signed": F8_DAY.isoformat(),
        f"{prefix}-place": "Makassar",
        f"{prefix}-number_first": "A/9",
        f"{prefix}-number_second": "B/9",
    }
    return Post(f"/events/signings/{signing.pk}/record/", data, f"{prefix}-file")


def _news_form(tenant: Tenant) -> Post:
    return Post(reverse("intake:submit"), {}, "uploads")


def _register_form(tenant: Tenant) -> Post:
    return Post(reverse("imports:index"), {}, "file")


def _api_document_file(tenant: Tenant) -> Post:
    document = make_document(make_cooperation(tenant))
    return Post(f"/api/v1/documents/{document.pk}/file", {}, "file", api=True)


def _stored() -> dict[str, int]:
    done = PlannedSigning.objects.filter(status=PlannedSigning.Status.DONE)
    return {
        "documents with a file": Document.objects.exclude(file="").count(),
        "activities": Activity.objects.count(),
        "progress reports": ProgressUpdate.objects.count(),
        "signings recorded": done.count(),
        "news items": NewsItem.objects.count(),
        "imports": ImportRun.objects.count(),
    }


# form class (None for the API) and how to reach it
ENDPOINTS: dict[str, tuple[str | None, Callable[[Tenant], Post]]] = {
    "document": ("mitra.cooperations.forms.DocumentForm", _document_form),
    "activity": ("mitra.followups.forms.ActivityForm", _activity_form),
    "document correction": ("mitra.cooperations.forms.DocumentForm", _document_correction),
    "activity correction": ("mitra.followups.forms.ActivityForm", _activity_correction),
    "progress": ("mitra.implementation.forms.ProgressForm", _progress_form),
    "signing": ("mitra.events.forms.RecordSigningForm", _signing_form),
    "news": ("mitra.intake.forms.SubmitForm", _news_form),
    "register": ("mitra.imports.forms.UploadForm", _register_form),
    "api document file": (None, _api_document_file),
}
HOSTILE = {
    "web page as a PDF": lambda: SimpleUploadedFile("scan.pdf", samples.DISGUISED_HTML),
    "web page as a CSV": lambda: SimpleUploadedFile("daftar.csv", b"<!DOCTYPE html><html>"),
    "oversized": lambda: SimpleUploadedFile("scan.pdf", samples.oversized(LIMIT)),
}
# What the user reads, in Indonesian, for each.
MESSAGES = ("halaman web", "batasnya", "Hanya berkas", "Unggah buku kerja")


def _token(user: User) -> str:
    membership = Membership.objects.get(user=user)
    _token, raw = api_services.create_token(user, name="t", membership=membership, by=user)
    return raw


@pytest.mark.django_db
@pytest.mark.parametrize("hostile", list(HOSTILE))
@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_every_upload_refuses_hostile_files_in_indonesian_and_stores_nothing(
    settings, tenant, cooperation_officer, client_as, endpoint, hostile
):
    settings.MITRA_UPLOAD_MAX_BYTES = LIMIT
    post = ENDPOINTS[endpoint][1](tenant)
    if endpoint in ("news", "register") and hostile == "oversized":
        big = b"a" * (5 * 1024 * 1024 + 1)
        upload = SimpleUploadedFile("daftar.csv" if endpoint == "register" else "berita.txt", big)
    else:
        upload = HOSTILE[hostile]()
    before = _stored()
    if post.api:
        client = Client(headers={"Authorization": f"Bearer {_token(cooperation_officer)}"})
    else:
        client = client_as(cooperation_officer)
    response = client.post(post.url, {**post.data, post.field: upload})
    assert 400 <= response.status_code < 500 or (
        response.status_code == 200 and "errorlist" in response.content.decode()
    ), response.status_code
    body = response.content.decode()
    assert any(message in body for message in MESSAGES), body[:2000]
    assert "Traceback" not in body
    assert _stored() == before
    assert [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()] == []
