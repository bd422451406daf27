"""Every write to cooperations and their documents goes through these functions.

Each one validates with `rules`, writes inside a transaction, and leaves a row behind: a
`CooperationEvent` for a state change and an audit entry for every create, update and delete.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import date
from decimal import Decimal
from typing import Any, TypedDict, Unpack, cast

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.audit.services import (
    record_created,
    record_deleted,
    record_updated,
    snapshot,
    unchanged,
    void,
)
from mitra.cooperations import rules, workflow
from mitra.cooperations.models import (
    Affair,
    Agency,
    Consideration,
    Cooperation,
    CooperationEvent,
    Document,
    DocumentParty,
    Sector,
)
from mitra.cooperations.transitions import (  # the procedure engine, one of the services
    apply_transition as apply_transition,
)
from mitra.cooperations.transitions import log_event, revive_if_dormant
from mitra.cooperations.transitions import next_steps as next_steps
from mitra.lib.refusal import Refused, refuse_if, refuse_on_fields
from mitra.partners.models import Partner
from mitra.tenancy.models import Tenant

MANY = ("partners", "sectors", "affairs", "implementing_agencies")


@transaction.atomic
def create_agency(tenant: Tenant, *, by: User | None, name: str, acronym: str = "") -> Agency:
    """Register one of the tenant's agencies (OPD); names are unique within a tenant."""
    name = name.strip()
    refuse_if(
        [_("There is already an agency called %(name)s.") % {"name": name}]
        if Agency.objects.filter(tenant=tenant, name__iexact=name).exists()
        else []
    )
    agency = Agency.objects.create(tenant=tenant, name=name, acronym=acronym.strip())
    record_created(agency, by=by)
    return agency


def _same_tenant(tenant: Tenant, partners: Iterable[Partner], agencies: Iterable[Agency]) -> None:
    # Defence in depth: forms offer only the tenant's own partners and agencies.
    if any(p.tenant_id != tenant.pk for p in partners) or any(
        a.tenant_id != tenant.pk for a in agencies
    ):
        raise Refused([_("A partner or agency belongs to another regional government.")])


def _check_cooperation(
    kind: str,
    sub_form: str,
    route: str,
    partners: list[Partner],
    start: date | None,
    end: date | None,
) -> None:
    """`rules.cooperation_problems`, the dates' problem under the end date (forms show it there)."""
    problems = rules.cooperation_problems(
        kind=kind, sub_form=sub_form, route=route, partners=partners, start=start, end=end
    )
    dates = rules.dates_in_order(start, end)
    refuse_on_fields({"end_date": dates}, [p for p in problems if p not in dates])


@transaction.atomic
def create_cooperation(
    tenant: Tenant,
    *,
    by: User | None,
    kind: str,
    title: str,
    partners: Sequence[Partner],
    sub_form: str = "",
    route: str = "",
    summary: str = "",
    sectors: Iterable[Sector | str] = (),
    affairs: Iterable[Affair] = (),
    objects_of_cooperation: Sequence[str] = (),
    initiating_agency: Agency | None = None,
    implementing_agencies: Sequence[Agency] = (),
    budget: str = Cooperation.Budget.NOT_BUDGETED,
    budget_line: str = "",
    budget_amount: Any = None,
    burdens_public: bool = False,
    owner: Any = None,
    start_date: date | None = None,
    end_date: date | None = None,
    note: str = "",
) -> Cooperation:
    """Record a new cooperation in its procedure's first state, refusing what the law refuses."""
    partners = list(partners)
    agencies = [*implementing_agencies, *([initiating_agency] if initiating_agency else [])]
    _same_tenant(tenant, partners, agencies)
    _check_cooperation(kind, sub_form, route, partners, start_date, end_date)
    state = workflow.KINDS[kind].initial_state
    coop = Cooperation.objects.create(
        tenant=tenant,
        kind=kind,
        sub_form=sub_form,
        route=route,
        title=title,
        summary=summary,
        objects_of_cooperation=list(objects_of_cooperation),
        initiating_agency=initiating_agency,
        state=state,
        procedure_order=tenant.procedure_order,
        budget=budget,
        budget_line=budget_line,
        budget_amount=budget_amount,
        burdens_public=burdens_public,
        owner=owner,
        start_date=start_date,
        end_date=end_date,
    )
    links = {"tenant": tenant}  # each link row carries the cooperation's tenant
    coop.partners.set(partners, through_defaults=links)
    coop.sectors.set(sectors, through_defaults=links)
    coop.affairs.set(affairs, through_defaults=links)
    coop.implementing_agencies.set(implementing_agencies, through_defaults=links)
    log_event(coop, action="create", source="", target=state, by=by, note=note)
    record_created(coop, by=by, many=MANY)
    return coop


class CooperationChanges(TypedDict, total=False):
    """What `update_cooperation` may change: the record, never its state, kind or tenant."""

    title: str
    sub_form: str
    route: str
    summary: str
    partners: Sequence[Partner]
    sectors: Iterable[Sector | str]
    affairs: Iterable[Affair]
    objects_of_cooperation: Sequence[str]
    initiating_agency: Agency | None
    implementing_agencies: Sequence[Agency]
    budget: str
    budget_line: str
    budget_amount: Decimal | None
    burdens_public: bool
    owner: User | None
    start_date: date | None
    end_date: date | None


COOPERATION_CHANGES = frozenset(CooperationChanges.__annotations__)


@transaction.atomic
def update_cooperation(
    coop: Cooperation, *, by: User | None, **changes: Unpack[CooperationChanges]
) -> bool:
    """Change a cooperation's record (not its state), re-checking every rule on the result;
    whether anything changed (if nothing did, nothing is saved and no row written)."""
    unknown = set(changes) - COOPERATION_CHANGES
    if unknown:  # a caller passing a form's cleaned data unchecked by mypy
        raise ValueError(f"not changed by update_cooperation: {sorted(unknown)}")
    fields: dict[str, Any] = dict(changes)
    before = snapshot(coop, MANY)
    many = {name: list(fields.pop(name)) for name in MANY if name in fields}
    for name, value in fields.items():
        setattr(coop, name, value)
    partners = many.get("partners", list(coop.partners.all()))
    agencies = [*many.get("implementing_agencies", []), *filter(None, [coop.initiating_agency])]
    _same_tenant(coop.tenant, partners, agencies)
    _check_cooperation(
        coop.kind, coop.sub_form, coop.route, partners, coop.start_date, coop.end_date
    )
    if unchanged(coop, before, links=many):
        return False
    coop.save(update_fields=[*fields, "updated_at"])
    for name, values in many.items():
        getattr(coop, name).set(values, through_defaults={"tenant_id": coop.tenant_id})
    record_updated(coop, before, by=by, many=MANY)
    return True


def record_event(
    coop: Cooperation, *, action: str, by: User | None, note: str = ""
) -> CooperationEvent:
    """Log something that happened to a cooperation without moving it (an evaluation): a row
    in its history whose state before and after is the current one."""
    return log_event(coop, action=action, source=coop.state, target=coop.state, by=by, note=note)


@transaction.atomic
def record_consideration(
    coop: Cooperation, *, by: User | None, recommendation: str, note: str = ""
) -> Consideration:
    """Record the coordination team's (TKKSD) recommendation on the step the cooperation is at,
    with an audit row and a line in its history; the cooperation does not move. Disagreeing
    needs its reasons and agreeing with notes its notes, each asked beside the note."""
    fields: dict[str, list[str]] = {"recommendation": [], "note": []}
    if recommendation not in Consideration.Recommendation.values:
        fields["recommendation"].append(_("Choose one of the recommendations."))
    if not note.strip():
        if recommendation == Consideration.Recommendation.DISAGREE:
            fields["note"].append(_("Say why the team does not agree."))
        elif recommendation == Consideration.Recommendation.AGREE_WITH_NOTES:
            fields["note"].append(_("Write the team's notes."))
    refuse_on_fields(fields, general=rules.may_be_considered(coop))
    found = Consideration.objects.create(
        tenant_id=coop.tenant_id,
        cooperation=coop,
        state=coop.state,
        recommendation=recommendation,
        note=note.strip(),
        by=by,
        at=timezone.now(),
    )
    record_created(found, by=by, parent=coop)
    line = _("TKKSD consideration: %(recommendation)s") % {
        "recommendation": found.get_recommendation_display()
    }
    record_event(coop, action="consider", by=by, note=f"{line}\n{found.note}".strip())
    for hook in AFTER_CONSIDERATION:
        hook(found, by)
    return found


ConsiderationHook = Callable[[Consideration, User | None], None]

# What apps above this one do once the team has recorded its consideration, in the same
# transaction (reminders: tell the officers responsible for the cooperation at once). Each
# registers in its AppConfig.ready(); this module imports none of them.
AFTER_CONSIDERATION: list[ConsiderationHook] = []


def after_consideration(hook: ConsiderationHook) -> None:
    """Run `hook(consideration, by)` after every consideration recorded (once, however often
    registered)."""
    if hook not in AFTER_CONSIDERATION:
        AFTER_CONSIDERATION.append(hook)


def note_activity(coop: Cooperation, day: date, *, by: User | None, because: str) -> None:
    """Activity recorded by an app above this one (a meeting in the follow-up log, progress on
    the plan of action): stamp its day on the cooperation, which is how `timing` and
    `mitra advance` learn of it, and revive a dormant cooperation through the workflow.

    The stamp only moves forward, so recording an older meeting later changes nothing.
    """
    later = Q(last_activity_on__isnull=True) | Q(last_activity_on__lt=day)
    Cooperation.objects.filter(later, pk=coop.pk).update(last_activity_on=day)
    if coop.last_activity_on is None or coop.last_activity_on < day:
        coop.last_activity_on = day
    revive_if_dormant(coop, by=by, because=because)


# The action of the history rows `record_past_state` writes: rows written before it had its name
# carry it too, so history reads alike.
PAST_STATE = "set_state"


def _past_state_problems(coop: Cooperation, source: str, target: str, note: str) -> list[str]:
    problems = []
    if not note.strip():
        problems.append(_("Say where the past state is known from (a note is required)."))
    if target not in workflow.STATES:
        problems.append(_("“%(state)s” is not a state of the procedure.") % {"state": target})
    elif target not in workflow.reachable_from(source, coop.kind, coop.procedure_order):
        problems.append(
            _("The procedure cannot lead from “%(source)s” to “%(target)s” for a %(kind)s.")
            % {
                "source": Cooperation.State(source).label,
                "target": Cooperation.State(target).label,
                "kind": workflow.abbreviation(coop.kind),
            }
        )
    return problems


@transaction.atomic
def record_past_state(
    coop: Cooperation, target: str, *, by: User | None, note: str, action: str = PAST_STATE
) -> CooperationEvent:
    """Record that a cooperation reached `target` before Mitra kept it, without the guards.

    Only for history that happened outside Mitra: the demo data and imported registers (a test
    checks that nothing else calls it); every move made in Mitra goes through
    `apply_transition`. Refused without a note saying where the state is known from, and for a
    target the workflow table's transitions cannot lead to from the current state (the
    transitions, not their guards: what is skipped is a step not recorded, never an
    impossible one). The event row is written by the engine's `log_event`.
    """
    locked = Cooperation.objects.select_for_update().get(pk=coop.pk)
    source = locked.state
    refuse_if(_past_state_problems(locked, source, target, note))
    locked.state = target
    locked.save(update_fields=["state", "updated_at"])
    coop.state = target
    return log_event(coop, action=action, source=source, target=target, by=by, note=note)


@dataclass(frozen=True)
class PartyInput:
    """One signing party of a document: its role, name, the number it gave, and who signed."""

    role: str
    name: str
    number: str = ""
    signatory_name: str = ""
    signatory_position: str = ""


class DocumentFields(TypedDict, total=False):
    """A document's own fields, as `attach_document` and `update_document` take them."""

    kind: str
    title: str
    scope: str
    parent: Document | None
    place_signed: str
    date_signed: date | None
    valid_from: date | None
    valid_until: date | None
    until_terminated: bool
    notice_period_days: int | None
    languages: str
    prevailing_language: str
    custody: str


DOCUMENT_FIELDS = frozenset(DocumentFields.__annotations__)


def check_document(
    coop: Cooperation, fields: DocumentFields, parties: Sequence[PartyInput] = ()
) -> None:
    """Refuse a document breaking a rule of `rules.py`, each problem under the field it is
    about; the only place the document rules are checked (forms show the refusal)."""
    start, end = fields.get("valid_from"), fields.get("valid_until")
    refuse_on_fields(
        {
            "title": rules.title_is_meaningful(fields.get("title", "")),
            "parent": [
                *rules.parent_in_same_cooperation(coop, fields.get("parent")),
                *rules.parent_not_voided(fields.get("parent")),
            ],
            "date_signed": rules.signed_by_today(fields.get("date_signed"), timezone.localdate()),
            "parties": rules.one_number_per_party(p.role for p in parties),
            "valid_until": [
                *rules.no_end_date_when_until_terminated(bool(fields.get("until_terminated")), end),
                *rules.document_ends_after_it_starts(start, end),
            ],
        },
    )


@transaction.atomic
def attach_document(
    coop: Cooperation,
    *,
    by: User | None,
    parties: Sequence[PartyInput] = (),
    file: UploadedFile[bytes] | None = None,
    **fields: Unpack[DocumentFields],
) -> Document:
    """Add a document to a cooperation with one number per signing party."""
    unknown = set(fields) - DOCUMENT_FIELDS
    if unknown:
        raise TypeError(f"unknown document fields: {sorted(unknown)}")
    check_document(coop, fields, parties)
    document = Document(cooperation=coop, tenant_id=coop.tenant_id, **fields)
    if file is not None:
        document.file.save(file.name or "document", file, save=False)
    document.save()
    _add_parties(document, parties)
    record_created(document, by=by, many=["parties"], parent=coop)
    return document


@transaction.atomic
def update_document(
    document: Document,
    *,
    by: User | None,
    parties: Sequence[PartyInput] | None = None,
    file: UploadedFile[bytes] | None = None,
    **fields: Unpack[DocumentFields],
) -> bool:
    """Correct a document (its dates, place, numbers, validity, custody, file), re-checking it as
    when it was added; the audit row keeps every value before and after. Whether anything
    changed: if nothing did, nothing is saved and no row written."""
    unknown = set(fields) - DOCUMENT_FIELDS
    if unknown:
        raise TypeError(f"unknown document fields: {sorted(unknown)}")
    coop = document.cooperation
    merged = cast(DocumentFields, {name: getattr(document, name) for name in DOCUMENT_FIELDS})
    merged.update(fields)
    refuse_if(_not_voided(document))
    check_document(coop, merged, parties or [])
    before = snapshot(document, ["parties"])
    for name, value in fields.items():
        setattr(document, name, value)
    same_parties = parties is None or _party_rows(parties) == _party_rows(document.parties.all())
    if file is None and same_parties and unchanged(document, before):
        return False
    update_fields = [*fields, "updated_at"]
    if file is not None:
        document.file.save(file.name or "document", file, save=False)
        update_fields.append("file")
    document.save(update_fields=update_fields)
    if parties is not None:
        document.parties.all().delete()
        _add_parties(document, parties)
    record_updated(document, before, by=by, many=["parties"], parent=coop)
    return True


def _party_rows(parties: Iterable[PartyInput | DocumentParty]) -> list[tuple[str, ...]]:
    """Signing parties as comparable rows: every field a party is given, in a fixed order."""
    names = [field.name for field in dataclass_fields(PartyInput)]
    return sorted(tuple(getattr(party, name) for name in names) for party in parties)


def _add_parties(document: Document, parties: Sequence[PartyInput]) -> None:
    DocumentParty.objects.bulk_create(
        DocumentParty(document=document, tenant_id=document.tenant_id, **vars(party))
        for party in parties
    )


def _not_voided(document: Document) -> list[str]:
    return [_("This document was voided; it can no longer be changed.")] if document.voided else []


def reason_problems(reason: str) -> list[str]:
    """Voiding a record, or a move that cannot be undone, needs a reason the trail keeps."""
    return [] if reason.strip() else [_("Give the reason; it is kept in the history.")]


@transaction.atomic
def void_document(document: Document, *, by: User | None, reason: str) -> Document:
    """Void a wrong document with a reason: it stays in the cooperation's trail but no longer
    counts for any step, list, export, the portal or the API."""
    locked = Document.with_voided.select_for_update().get(pk=document.pk)
    refuse_if(_not_voided(locked) + reason_problems(reason))
    void(locked, by=by, reason=reason, parent=document.cooperation)
    document.voided_at, document.void_reason = locked.voided_at, locked.void_reason
    return locked


@transaction.atomic
def delete_document(document: Document, *, by: User | None) -> None:
    if Document.with_voided.filter(parent=document).exists():
        raise Refused([_("This document has documents that depend on it; remove those first.")])
    coop = document.cooperation
    record_deleted(document, by=by, parent=coop)
    stored = document.file.name
    document.delete()
    if stored:
        transaction.on_commit(lambda: document.file.storage.delete(stored))
