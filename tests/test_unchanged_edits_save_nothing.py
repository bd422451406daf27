"""An edit form posted back as it was shown changes nothing: the record is not saved (its "last
changed" stays), no audit row is written, and the page says nothing was changed instead of
"saved". One real change in the same form is saved, with one audit row (issue 14).

Every edit view is here: a view that calls an edit service (an `update_*` of an app's
`services.py`) or says what an edit did (`tell_saved`) must have its case in `EDITS`, so a new
edit view fails `test_every_edit_view_has_its_case` until it is walked like the others.
"""

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from mitra.audit.models import AuditEntry
from mitra.audit.services import snapshot
from mitra.cooperations.models import DocumentParty
from mitra.cooperations.services import update_cooperation
from mitra.events.models import Event, PlannedSigning
from mitra.events.readiness import signing_action
from mitra.followups.models import Activity
from mitra.implementation.models import PlanItem
from mitra.partners.models import Contact, Partner
from mitra.portal.models import PortalPage, Publication
from mitra.staff.models import Competency, StaffProfile
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_user
from tests.shared import url_views
from tests.tenant_world import World, make_world

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
NOTHING_CHANGED = "Nothing was changed."
# Addresses without a record: each edits the visitor's own tenant, so there is nothing to hide.
OWN_TENANT = {"tenancy:settings", "portal:save_intro"}


@dataclass(frozen=True)
class Edit:
    """How to walk one edit view: the record it edits, the page showing its form (when it is not
    the edit address itself), the address it posts to, and one real change."""

    record: Callable[[World], models.Model]
    address: Callable[[models.Model], str]
    change: dict[str, str]
    changed: Callable[[models.Model], bool]
    page: Callable[[models.Model], str] | None = None
    admin: bool = False  # the tenant administrator edits it, not the cooperation officer
    prepare: Callable[[models.Model], None] = field(default=lambda record: None)


def _plan(signing: models.Model) -> None:
    """Make the world's signing one `plan_signing` would have made: first on the agenda, with
    the step its document records (the world writes it directly)."""
    assert isinstance(signing, PlannedSigning)
    action = signing_action(signing.cooperation, signing.document_kind)
    PlannedSigning.objects.filter(pk=signing.pk).update(order=1, action=action)


def _first_party(document: models.Model) -> None:
    """Give the world's party (written directly, as "partner") a role the form offers."""
    DocumentParty.objects.filter(document=document).update(role=DocumentParty.Role.FIRST)


def _publish(publication: models.Model) -> None:
    Publication.objects.filter(pk=publication.pk).update(published_at=timezone.now())


EDITS: dict[str, Edit] = {
    "cooperations:edit": Edit(
        record=lambda w: w.cooperation,
        address=lambda r: reverse("cooperations:edit", args=[r.pk]),
        change={"title": "Kerja sama yang diubah"},
        changed=lambda r: r.title == "Kerja sama yang diubah",
    ),
    "cooperations:edit_document": Edit(
        record=lambda w: w.document,
        address=lambda r: reverse("cooperations:edit_document", args=[r.pk]),
        change={"place_signed": "Seoul"},
        changed=lambda r: r.place_signed == "Seoul",
        prepare=_first_party,
    ),
    "events:edit": Edit(
        record=lambda w: Event.objects.get(tenant=w.tenant),
        address=lambda r: reverse("events:edit", args=[r.pk]),
        change={"name": "Acara yang diubah"},
        changed=lambda r: r.name == "Acara yang diubah",
    ),
    "events:edit_signing": Edit(
        record=lambda w: PlannedSigning.objects.get(tenant=w.tenant),
        address=lambda r: reverse("events:edit_signing", args=[r.pk]),
        change={"note": "Naskah dari Bagian Hukum."},
        changed=lambda r: r.note == "Naskah dari Bagian Hukum.",
        prepare=_plan,
    ),
    "followups:edit_activity": Edit(
        record=lambda w: Activity.objects.get(tenant=w.tenant),
        address=lambda r: reverse("followups:edit_activity", args=[r.pk]),
        change={"title": "Rapat yang diubah"},
        changed=lambda r: r.title == "Rapat yang diubah",
    ),
    "implementation:edit_item": Edit(
        record=lambda w: PlanItem.objects.get(tenant=w.tenant),
        address=lambda r: reverse("implementation:edit_item", args=[r.pk]),
        change={"activity": "Kegiatan yang diubah"},
        changed=lambda r: r.activity == "Kegiatan yang diubah",
    ),
    "partners:edit": Edit(
        record=lambda w: Partner.objects.get(tenant=w.tenant),
        address=lambda r: reverse("partners:edit", args=[r.pk]),
        change={"name": "Mitra yang diubah"},
        changed=lambda r: r.name == "Mitra yang diubah",
    ),
    "partners:edit_contact": Edit(
        record=lambda w: Contact.objects.get(tenant=w.tenant),
        address=lambda r: reverse("partners:edit_contact", args=[r.pk]),
        change={"name": "Kontak yang diubah"},
        changed=lambda r: r.name == "Kontak yang diubah",
    ),
    "portal:edit": Edit(
        record=lambda w: Publication.objects.get(tenant=w.tenant),
        address=lambda r: reverse("portal:edit", args=[r.cooperation_id]),
        change={"public_title": "Judul publik yang diubah"},
        changed=lambda r: r.public_title == "Judul publik yang diubah",
        prepare=_publish,
    ),
    "portal:save_intro": Edit(
        record=lambda w: PortalPage.objects.get(tenant=w.tenant),
        address=lambda r: reverse("portal:save_intro"),
        page=lambda r: reverse("portal:manage"),
        change={"intro": "Pengantar yang diubah"},
        changed=lambda r: r.intro == "Pengantar yang diubah",
    ),
    "staff:edit": Edit(
        record=lambda w: StaffProfile.objects.get(tenant=w.tenant),
        address=lambda r: reverse("staff:edit", args=[r.user_id]),
        change={"competencies": Competency.values[0]},
        changed=lambda r: Competency.values[0] in r.competencies,
    ),
    "tenancy:settings": Edit(
        record=lambda w: w.tenant,
        address=lambda r: reverse("tenancy:settings"),
        change={"stale_after_days": "45"},
        changed=lambda r: r.stale_after_days == 45,
        admin=True,
    ),
}
# A button, not a form: making the owner the owner again changes nothing
# (`test_making_the_owner_the_owner_again_changes_nothing`).
BUTTONS = {"staff:make_owner"}
# Where edit services live: every app with a services.py of its own.
APPS = sorted(path.parent.name for path in (ROOT / "mitra").glob("*/services.py"))
EDIT_SERVICE = re.compile(r"\b(?:services\.)?(update_\w+|save_portal_intro)\(")


def _edit_services() -> set[str]:
    """The edit services: functions of an app's services.py that decide whether anything
    changed (`unchanged`) before they save."""
    found: set[str] = set()
    for app in APPS:
        found |= _deciding(import_module(f"mitra.{app}.services"))
    return found


def _deciding(module: Any) -> set[str]:
    return {
        name
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__ and "unchanged(" in inspect.getsource(function)
    }


def _edit_views() -> set[str]:
    """URL names of the views that call an edit service or say what an edit did."""
    services = _edit_services()
    found = set()
    for name, view in url_views():
        try:
            source = inspect.getsource(inspect.unwrap(view))
        except (TypeError, OSError):
            continue
        if set(EDIT_SERVICE.findall(source)) & services or "tell_saved(" in source:
            found.add(name)
    return found


class FormValues(HTMLParser):
    """What a browser posts for the form sent to `action`, untouched: text as shown, checked
    boxes, selected options (the first one when none is marked)."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
        self.inside = False
        self.values: list[tuple[str, str]] = []
        self._select: tuple[str, bool, list[str], list[str]] | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.inside = a.get("action", "") in ("", self.action) and a.get("method") == "post"
        if not self.inside or "disabled" in a:
            return
        if tag == "input" and a.get("name"):
            self._input(a)
        elif tag == "select" and a.get("name"):
            self._select = (a["name"], "multiple" in a, [], [])
        elif tag == "option" and self._select is not None:
            self._select[2].append(a.get("value", ""))
            if "selected" in a:
                self._select[3].append(a.get("value", ""))
        elif tag == "textarea" and a.get("name"):
            self._textarea, self._text = a["name"], ""

    def _input(self, a: dict[str, str]) -> None:
        kind = a.get("type", "text").lower()
        if kind in ("submit", "button", "file", "image", "reset"):
            return
        if kind in ("checkbox", "radio") and "checked" not in a:
            return
        self.values.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select is not None:
            name, multiple, options, chosen = self._select
            if not chosen and not multiple and options:
                chosen = options[:1]
            self.values += [(name, value) for value in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # The parser gives the text as written: the first newline after the tag is not text.
            text = self._text[1:] if self._text.startswith("\n") else self._text
            self.values.append((self._textarea, unescape(text)))
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data


def _as_posted(client: Client, page: str, action: str) -> dict[str, list[str]]:
    response = client.get(page)
    assert response.status_code == 200, page
    parser = FormValues(action)
    parser.feed(response.content.decode())
    data: dict[str, list[str]] = {}
    for name, value in parser.values:
        data.setdefault(name, []).append(value)
    assert data, f"no form posting to {action} on {page}"
    return data


def _changed(data: dict[str, list[str]], change: dict[str, str]) -> dict[str, list[str]]:
    changed = dict(data)
    for name, value in change.items():
        posted = [key for key in data if key == name or key.endswith(f"-{name}")] or [name]
        changed[posted[0]] = [value]
    return changed


def _stamp(record: models.Model) -> object:
    try:
        record._meta.get_field("updated_at")
    except FieldDoesNotExist:
        return None
    return record.updated_at


def _rows() -> int:
    return AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE).count()


def _said(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def world(tenant: Tenant) -> World:
    return make_world(tenant, "alpha")


def _editor(world: World, edit: Edit) -> User:
    if edit.admin:
        return make_user(world.tenant, Membership.Role.TENANT_ADMIN, "alpha-admin")
    return world.officer


def test_every_edit_view_has_its_case():
    assert _edit_views() == set(EDITS) | BUTTONS


def test_every_update_service_asks_whether_anything_changed():
    """A new `update_*` (or `save_*`) service that saves without asking is an edit whose views
    the walk would not find: it must decide with `unchanged` like the others."""
    named = set()
    for app in APPS:
        module = import_module(f"mitra.{app}.services")
        named |= {
            name
            for name, function in inspect.getmembers(module, inspect.isfunction)
            if function.__module__ == module.__name__ and name.startswith(("update_", "save_"))
        }
    assert named - _edit_services() == set()


def test_the_scan_finds_every_edit_service():
    assert {
        "update_cooperation",
        "update_document",
        "update_event",
        "update_signing",
        "update_activity",
        "update_plan_item",
        "update_partner",
        "update_contact",
        "update_public_text",
        "save_portal_intro",
        "update_staff_profile",
        "update_settings",
    } <= _edit_services()


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_form_posted_back_unchanged_saves_nothing_and_says_so(name, world, client_as):
    edit = EDITS[name]
    record = edit.record(world)
    edit.prepare(record)
    record.refresh_from_db()
    client = client_as(_editor(world, edit))
    address = edit.address(record)
    data = _as_posted(client, edit.page(record) if edit.page else address, address)
    before, stamp, rows = snapshot(record), _stamp(record), _rows()

    response = client.post(address, data)

    assert response.status_code == 302, response.context and response.context.get("form").errors
    record.refresh_from_db()
    assert (snapshot(record), _stamp(record), _rows()) == (before, stamp, rows)
    assert _said(response) == [gettext(NOTHING_CHANGED)]


@pytest.mark.parametrize("name", sorted(EDITS))
def test_one_real_change_is_saved_with_one_audit_row(name, world, client_as):
    edit = EDITS[name]
    record = edit.record(world)
    edit.prepare(record)
    record.refresh_from_db()
    client = client_as(_editor(world, edit))
    address = edit.address(record)
    data = _as_posted(client, edit.page(record) if edit.page else address, address)
    rows = _rows()

    response = client.post(address, _changed(data, edit.change))

    assert response.status_code == 302, response.context and response.context.get("form").errors
    record.refresh_from_db()
    assert edit.changed(record)
    assert _rows() == rows + 1
    assert gettext(NOTHING_CHANGED) not in _said(response)


@pytest.mark.parametrize("name", sorted(set(EDITS) - OWN_TENANT))
def test_an_outsider_can_neither_open_nor_post_another_tenants_edit(
    name, world, outsider, client_as
):
    edit = EDITS[name]
    record = edit.record(world)
    before, rows = snapshot(record), _rows()
    client = client_as(outsider)

    assert client.get(edit.address(record)).status_code == 404
    assert client.post(edit.address(record), edit.change).status_code == 404
    record.refresh_from_db()
    assert (snapshot(record), _rows()) == (before, rows)


def test_an_outsider_cannot_make_an_owner_in_another_tenant(world, outsider, client_as):
    address = reverse("staff:make_owner", args=[world.cooperation.pk, world.officer.pk])
    assert client_as(outsider).post(address).status_code == 404


def test_making_the_owner_the_owner_again_changes_nothing(world, client_as):
    coop = world.cooperation
    update_cooperation(coop, by=None, owner=world.officer)
    coop.refresh_from_db()
    client = client_as(world.officer)
    stamp, rows = coop.updated_at, _rows()

    response = client.post(reverse("staff:make_owner", args=[coop.pk, world.officer.pk]))

    coop.refresh_from_db()
    assert (coop.updated_at, _rows()) == (stamp, rows)
    assert _said(response) == [gettext(NOTHING_CHANGED)]


def test_making_another_person_the_owner_is_saved_with_one_audit_row(world, client_as):
    coop = world.cooperation
    update_cooperation(coop, by=None, owner=None)
    rows = _rows()

    client_as(world.officer).post(reverse("staff:make_owner", args=[coop.pk, world.officer.pk]))

    coop.refresh_from_db()
    assert coop.owner == world.officer
    assert _rows() == rows + 1
