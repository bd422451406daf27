"""Every write to events, planned signings and calendar feeds goes through these functions.

Recording a signing attaches the signed document and moves the cooperation with
`apply_transition` in one transaction: if the procedure refuses, nothing of it remains.
"""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, TypedDict, Unpack

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.audit.services import record_created, record_updated, snapshot, unchanged, void
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import (
    PartyInput,
    apply_transition,
    attach_document,
    reason_problems,
)
from mitra.events import rules
from mitra.events.models import CalendarFeed, Event, PlannedSigning
from mitra.events.readiness import (
    SIGNABLE_KINDS,
    readiness,
    signing_action,
    signing_transition,
)
from mitra.lib.refusal import Refused, refuse_if, refuse_on_fields
from mitra.lib.tokens import new_token
from mitra.tenancy.models import Tenant


class EventFields(TypedDict, total=False):
    """An event's own fields, as `create_event` and `update_event` take them."""

    name: str
    place: str
    starts_on: date
    ends_on: date | None
    description: str


EVENT_FIELDS = frozenset(EventFields.__annotations__)


def _refuse_event(fields: Mapping[str, Any]) -> None:
    """Refuse an event ending before it starts, the problem filed under its end."""
    refuse_on_fields(
        {"ends_on": rules.ends_after_it_starts(fields.get("starts_on"), fields.get("ends_on"))}
    )


@transaction.atomic
def create_event(tenant: Tenant, *, by: User | None, **fields: Unpack[EventFields]) -> Event:
    """Record an event of the tenant, such as a festival where agreements will be signed."""
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    _refuse_event(fields)
    event = Event.objects.create(tenant=tenant, **fields)
    record_created(event, by=by)
    return event


@transaction.atomic
def update_event(event: Event, *, by: User | None, **fields: Unpack[EventFields]) -> bool:
    """Change an event; whether anything changed (if nothing did, nothing is saved)."""
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    merged = {name: getattr(event, name) for name in EVENT_FIELDS} | fields
    _refuse_event(merged)
    before = snapshot(event)
    for name, value in fields.items():
        setattr(event, name, value)
    if unchanged(event, before):
        return False
    event.save(update_fields=list(fields))
    record_updated(event, before, by=by)
    return True


@transaction.atomic
def plan_signing(
    event: Event, cooperation: Cooperation, document_kind: str, *, by: User | None, note: str = ""
) -> PlannedSigning:
    """Put a signing on the event's agenda: a cooperation of the same tenant, a signable document."""
    if cooperation.tenant_id != event.tenant_id:
        raise Refused([_("The cooperation belongs to another regional government.")])
    if document_kind not in SIGNABLE_KINDS:
        raise Refused([_("Only an LoI, KB, PKS, MoU or renewal can be signed at an event.")])
    if signing_transition(cooperation, document_kind) is None:
        raise Refused(readiness(cooperation, document_kind).problems)
    last = event.signings.aggregate(last=Max("order"))["last"]
    signing = PlannedSigning.objects.create(
        tenant_id=event.tenant_id,
        event=event,
        cooperation=cooperation,
        document_kind=document_kind,
        action=signing_action(cooperation, document_kind),
        order=(last or 0) + 1,
        note=note,
    )
    event.cooperations.add(cooperation, through_defaults={"tenant_id": event.tenant_id})
    record_created(signing, by=by, parent=event)
    return signing


class SigningChanges(TypedDict, total=False):
    """What `update_signing` corrects: the document to sign (while planned), the place on the
    agenda and the note."""

    document_kind: str
    order: int
    note: str


def _signing_problems(signing: PlannedSigning, changes: SigningChanges) -> list[str]:
    if signing.voided:
        return [_("This signing was voided; it can no longer be changed.")]
    kind = changes.get("document_kind", signing.document_kind)
    if kind == signing.document_kind:
        return []
    if signing.status != PlannedSigning.Status.PLANNED:
        return [_("The document of a signing already recorded or cancelled cannot change.")]
    if kind not in SIGNABLE_KINDS:
        return [_("Only an LoI, KB, PKS, MoU or renewal can be signed at an event.")]
    if signing_transition(signing.cooperation, kind) is None:
        return readiness(signing.cooperation, kind).problems
    return []


@transaction.atomic
def update_signing(
    signing: PlannedSigning, *, by: User | None, **changes: Unpack[SigningChanges]
) -> bool:
    """Correct a signing on the agenda, re-checking a changed document as when it was planned;
    the audit row keeps the values before and after. Whether anything changed: if nothing
    did, nothing is saved and no row written."""
    unknown = set(changes) - set(SigningChanges.__annotations__)
    if unknown:
        raise TypeError(f"unknown signing fields: {sorted(unknown)}")
    refuse_if(_signing_problems(signing, changes))
    before = snapshot(signing)
    for name, value in changes.items():
        setattr(signing, name, value)
    if "document_kind" in changes:
        signing.action = signing_action(signing.cooperation, signing.document_kind)
    if unchanged(signing, before):
        return False
    if "order" in changes:
        _number_around(signing, by=by)
    signing.save(update_fields=[*changes, "action"])
    record_updated(signing, before, by=by, parent=signing.event)
    return True


def _number_around(signing: PlannedSigning, *, by: User | None) -> None:
    """Give the signing the place asked for on its agenda (1 is first) and number the others
    around it 1 to n: moved to 2, it is shown second, never tied with the one already there."""
    others = [
        row
        for row in signing.event.signings.select_for_update().order_by("order", "pk")
        if row.pk != signing.pk
    ]
    place = max(1, signing.order)  # a place past the end keeps its number: it is last
    signing.order = place
    for number, row in enumerate([*others[: place - 1], None, *others[place - 1 :]], start=1):
        if row is not None and row.order != number:
            before = snapshot(row)
            row.order = number
            row.save(update_fields=["order"])
            record_updated(row, before, by=by, parent=signing.event)


@transaction.atomic
def void_signing(signing: PlannedSigning, *, by: User | None, reason: str) -> PlannedSigning:
    """Void a signing put on the agenda by mistake, with a reason: the event's trail keeps it;
    it leaves the agenda, the calendar and the readiness counts. A signing already recorded
    keeps its document and step, which are corrected or voided on the cooperation's page."""
    locked = PlannedSigning.with_voided.select_for_update().get(pk=signing.pk)
    problems = [_("This signing was already voided.")] if locked.voided else []
    refuse_if(problems + reason_problems(reason))
    void(locked, by=by, reason=reason, parent=signing.event)
    signing.voided_at, signing.void_reason = locked.voided_at, locked.void_reason
    return locked


@transaction.atomic
def cancel_signing(signing: PlannedSigning, *, by: User | None) -> PlannedSigning:
    if signing.status != PlannedSigning.Status.PLANNED:
        raise Refused([_("Only a planned signing can be cancelled.")])
    return _set_status(signing, PlannedSigning.Status.CANCELLED, by=by)


def _set_status(
    signing: PlannedSigning, status: str, *, by: User | None, document: Document | None = None
) -> PlannedSigning:
    before = snapshot(signing)
    signing.status = status
    signing.document = document
    signing.save(update_fields=["status", "document", "action"])
    record_updated(signing, before, by=by, parent=signing.event)
    return signing


@transaction.atomic
def record_signing(
    signing: PlannedSigning,
    *,
    by: User,
    date_signed: date,
    place: str,
    parties: Sequence[PartyInput],
    file: UploadedFile[bytes] | None = None,
) -> Document:
    """Attach the signed document and take the signing step, or leave nothing and raise Refused."""
    if signing.status != PlannedSigning.Status.PLANNED:
        raise Refused([_("This signing is no longer planned.")])
    coop = Cooperation.objects.get(pk=signing.cooperation_id)
    check = readiness(coop, signing.document_kind)
    if check.passed:
        raise Refused(check.problems)
    if not check.at_step:
        raise Refused(_not_at_step(check.state, check.steps_before))
    signing.action = signing_action(coop, signing.document_kind)
    label = Document.Kind(signing.document_kind).label
    document = attach_document(
        coop,
        by=by,
        parties=parties,
        file=file,
        kind=signing.document_kind,
        title=f"{label} {coop.title}"[:250],
        date_signed=date_signed,
        place_signed=place,
    )
    apply_transition(coop, signing.action, by=by, expected_state=coop.state)
    _set_status(signing, PlannedSigning.Status.DONE, by=by, document=document)
    return document


def _not_at_step(state: str, steps_before: list[str]) -> list[str]:
    problems = [_("The cooperation is at “%(state)s”, not at the signing step.") % {"state": state}]
    if steps_before:
        problems.append(
            _("Steps still to take first: %(steps)s.") % {"steps": ", ".join(steps_before)}
        )
    return problems


@transaction.atomic
def create_feed(tenant: Tenant, *, user: User | None, by: User | None) -> tuple[CalendarFeed, str]:
    """A new secret feed address; the previous one of the same person (or tenant) stops working.

    Returns the feed and its raw token, which is not stored: the caller shows it this once.
    """
    for old in CalendarFeed.objects.filter(tenant=tenant, user=user, revoked_at=None):
        revoke_feed(old, by=by)
    raw, token_hash = new_token()
    feed = CalendarFeed.objects.create(
        tenant=tenant, user=user, token_hash=token_hash, created_by=by
    )
    record_created(feed, by=by)
    return feed, raw


@transaction.atomic
def revoke_feed(feed: CalendarFeed, *, by: User | None) -> CalendarFeed:
    before = snapshot(feed)
    feed.revoked_at = timezone.now()
    feed.save(update_fields=["revoked_at"])
    record_updated(feed, before, by=by)
    return feed
