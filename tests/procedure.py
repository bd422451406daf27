"""Test helpers for the procedure engine: cooperations placed at any step, with any documents."""

from datetime import date
from typing import Any

from django.contrib.auth.models import User

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, CooperationEvent, Document, DocumentParty
from mitra.cooperations.services import record_past_state
from mitra.cooperations.workflow import DOMESTIC, Transition
from mitra.partners.models import Country, Partner
from mitra.regions.models import Region
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_cooperation, make_partner, make_user

ALL_ROLES = [*Membership.Role.values, "system"]
SIGNED_ON = date(2020, 1, 10)
LAPSED_ON = date(2021, 1, 10)


def partner_for(tenant: Tenant, kind: str, country: str = "KR") -> Partner:
    """A partner of the kind's default partner kind (`workflow.KINDS`), so that a kind added to
    the table has partners in every test without a line here."""
    facts = workflow.KINDS[kind]
    partner_kind = facts.default_partner_kind
    if partner_kind == Partner.Kind.INDONESIAN_REGION:
        return make_partner(
            tenant, kind=partner_kind, country=None, region=Region.objects.get(code="8172")
        )
    if not facts.foreign:
        return make_partner(tenant, kind=partner_kind, country=None)
    return make_partner(tenant, kind=partner_kind, country=Country.objects.get(code=country))


def cooperation_of_kind(tenant: Tenant, kind: str, **overrides: Any) -> Cooperation:
    fields: dict[str, Any] = {"kind": kind, "sub_form": "", "partners": [partner_for(tenant, kind)]}
    if kind == Cooperation.Kind.FOREIGN_INSTITUTION:
        fields["route"] = Cooperation.Route.APPROVED_OTHER
    fields.update(overrides)
    return make_cooperation(tenant, **fields)


def add_document(
    coop: Cooperation, kind: str, *, signed: bool = True, lapsed: bool = True
) -> Document:
    """A document of `kind`, signed and numbered by two parties; its validity ended in 2021."""
    document = Document.objects.create(
        tenant_id=coop.tenant_id,
        cooperation=coop,
        kind=kind,
        title=f"{kind} {coop.pk}",
        date_signed=SIGNED_ON if signed else None,
        valid_from=SIGNED_ON if signed else None,
        valid_until=LAPSED_ON if lapsed else date(2099, 1, 1),
    )
    DocumentParty.objects.bulk_create(
        [
            DocumentParty(
                tenant_id=coop.tenant_id,
                document=document,
                role="first",
                name="Pemerintah",
                number=f"A/{document.pk}",
            ),
            DocumentParty(
                tenant_id=coop.tenant_id,
                document=document,
                role="second",
                name="Mitra",
                number=f"B/{document.pk}",
            ),
        ]
    )
    return document


def add_every_document(coop: Cooperation) -> None:
    for kind in Document.Kind.values:
        add_document(coop, kind)


def place_at(coop: Cooperation, transition: Transition, *, prior: str = "") -> Cooperation:
    """Put `coop` at the transition's source; for `resume`, on hold coming from `prior`.

    The table also lists moves from states a kind never reaches (the cross-cutting moves from
    every signed state, monitoring and evaluation included, for every kind): `record_past_state`
    refuses those states, so the cooperation is put there directly to test the move anyway.
    """
    reachable = workflow.reachable_from(coop.state, coop.kind, coop.procedure_order)
    if transition.source == Cooperation.State.ON_HOLD_CENTRAL_REVIEW:
        record_past_state(coop, prior, by=None, note="test setup")
        record_past_state(coop, transition.source, by=None, action="put_on_hold", note="test setup")
    elif transition.source in reachable:
        record_past_state(coop, transition.source, by=None, note="test setup")
    else:
        Cooperation.objects.filter(pk=coop.pk).update(state=transition.source)
        coop.state = transition.source
    coop.procedure_order = next(iter(sorted(transition.orders)))
    coop.save(update_fields=["procedure_order"])
    return coop


def kind_for(transition: Transition) -> str:
    return sorted(transition.kinds)[0]


def user_with(role: str, tenant: Tenant) -> User | None:
    if role == "system":
        return None
    return make_user(None if role == Membership.Role.CENTRAL_REVIEWER else tenant, role)


def resumable_prior(transition: Transition) -> str:
    """For a transition out of the hold, the step the cooperation was in before it."""
    if transition.source != Cooperation.State.ON_HOLD_CENTRAL_REVIEW:
        return ""
    return (
        Cooperation.State.PREPARATION
        if set(transition.kinds) & DOMESTIC
        else Cooperation.State.LETTER_OF_INTENT
    )


def last_event(coop: Cooperation) -> CooperationEvent:
    return CooperationEvent.objects.filter(cooperation=coop).order_by("-at", "-pk").first()  # type: ignore[return-value]
