"""The legal procedures as data: the one catalogue of what Mitra knows about kinds, states and moves.

Three tables (domain guide §4):

- `KINDS`: per cooperation kind, its abbreviation, whether it is foreign, the partner kinds it
  takes, its sub-forms, the state a new cooperation starts in, whether it has a route and
  whether it needs a feasibility study;
- `STATES`: per state, its badge tone, the stage the public sees, whether it is live or signed,
  the days it is expected to take and the central review it opens;
- `TRANSITIONS`: the moves, for which kinds, roles and procedure orders, with their guards (the
  names of functions in `rules.GUARDS`, checked when `rules` is imported), whether they are side
  actions, which document a signing produces and which central decision they record.

Two templates: KSDD/KSDPK after Permendagri 22/2020 and KSDPL/KSDLL after Permendagri 25/2020,
plus the cross-cutting states. `apply_transition` in `transitions.py` is the only code that moves
a cooperation along this table; `docs/workflow.md` is generated from it. Everything else (pages,
API, import, portal, reports) reads these tables instead of keeping its own copy.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, Protocol

from django.db import models
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mitra.cooperations.choices import DocumentKind, Kind, State, SubForm
from mitra.lib.text import either
from mitra.partners.models import Partner
from mitra.tenancy.models import Membership, ProcedureOrder

Role = Membership.Role
Order = ProcedureOrder
PartnerKind = Partner.Kind


class Procedural(Protocol):
    """What the table reads of a cooperation (a `Cooperation`; the table imports no model of
    this app, so that the models can build on it)."""

    kind: str
    state: str
    procedure_order: str


# --- Per kind ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KindFacts:
    """What the law says about one kind of cooperation (PP 28/2018, Permendagri 22 and 25/2020)."""

    abbreviation: str
    foreign: bool
    partner_kinds: frozenset[str]  # Partner.Kind values it may have as partners
    default_partner_kind: str  # offered first when a partner is created for it
    sub_forms: frozenset[str]
    initial_state: str
    # Its cooperations record a route, a continuation of a central-government cooperation or
    # another with central approval, before exploration ends (Permendagri 25/2020, the KSDLL).
    has_route: bool
    # A feasibility study is attached before the offer (Permendagri 22/2020, the KSDPK).
    needs_feasibility_study: bool


KINDS: Final[dict[str, KindFacts]] = {
    Kind.DOMESTIC_REGION: KindFacts(
        abbreviation="KSDD",
        foreign=False,
        partner_kinds=frozenset({PartnerKind.INDONESIAN_REGION}),
        default_partner_kind=PartnerKind.INDONESIAN_REGION,
        sub_forms=frozenset({SubForm.MANDATORY, SubForm.VOLUNTARY}),
        initial_state=State.PREPARATION,
        has_route=False,
        needs_feasibility_study=False,
    ),
    Kind.THIRD_PARTY: KindFacts(
        abbreviation="KSDPK",
        foreign=False,
        partner_kinds=frozenset({PartnerKind.DOMESTIC_PARTY}),
        default_partner_kind=PartnerKind.DOMESTIC_PARTY,
        sub_forms=frozenset({SubForm.AGENCY_INITIATED, SubForm.THIRD_PARTY_INITIATED}),
        initial_state=State.PREPARATION,
        has_route=False,
        needs_feasibility_study=True,
    ),
    Kind.FOREIGN_REGION: KindFacts(
        abbreviation="KSDPL",
        foreign=True,
        partner_kinds=frozenset({PartnerKind.FOREIGN_CITY_OR_REGION}),
        default_partner_kind=PartnerKind.FOREIGN_CITY_OR_REGION,
        sub_forms=frozenset({SubForm.SISTER_PROVINCE, SubForm.SISTER_CITY, SubForm.OTHER}),
        initial_state=State.INITIATIVE,
        has_route=False,
        needs_feasibility_study=False,
    ),
    Kind.FOREIGN_INSTITUTION: KindFacts(
        abbreviation="KSDLL",
        foreign=True,
        partner_kinds=frozenset(
            {
                PartnerKind.FOREIGN_INSTITUTION,
                PartnerKind.FOREIGN_COMPANY,
                PartnerKind.FOREIGN_GOVERNMENT,
            }
        ),
        default_partner_kind=PartnerKind.FOREIGN_INSTITUTION,
        sub_forms=frozenset(),
        initial_state=State.INITIATIVE,
        has_route=True,
        needs_feasibility_study=False,
    ),
}


def kind_facts(kind: str) -> KindFacts:
    return KINDS[kind]


def abbreviation(kind: str) -> str:
    """KSDD, KSDPK, KSDPL or KSDLL; an unknown slug is shown as it is."""
    facts = KINDS.get(kind)
    return facts.abbreviation if facts else kind


def abbreviations(*, foreign: bool | None = None) -> list[str]:
    """The kinds' abbreviations in the table's order (KSDD, KSDPK, KSDPL, KSDLL), only the
    foreign or the domestic ones if `foreign` says so: for texts that name the kinds."""
    return [f.abbreviation for f in KINDS.values() if foreign is None or f.foreign == foreign]


def kind_description(kind: str) -> str:
    """What a kind's abbreviation stands for, without repeating it ("with another region" for
    KSDD), for a place that shows the abbreviation beside it."""
    label = str(Kind(kind).label)
    return label.removeprefix(f"{abbreviation(kind)}:").strip()


def kinds_with_a_route() -> list[str]:
    """The kinds whose cooperations have a route (`has_route`), in the table's order."""
    return [kind for kind, facts in KINDS.items() if facts.has_route]


def abbreviations_of(kinds: Iterable[str]) -> list[str]:
    return [abbreviation(kind) for kind in kinds]


def described(kinds: Iterable[str]) -> str:
    """ "with a foreign institution (KSDLL)": what each kind stands for and its abbreviation,
    joined by `either`, to follow "a cooperation" in a text naming the kinds with one fact."""
    return either([f"{kind_description(kind)} ({abbreviation(kind)})" for kind in kinds])


def route_label() -> str:
    """ "KSDLL route": the route, named after the kinds that have one (record, form, import)."""
    kinds = "/".join(abbreviations_of(kinds_with_a_route()))
    return gettext("%(kinds)s route") % {"kinds": kinds}


ROUTE_LABEL: Final = lazy(route_label, str)()


def kind_of_partner(partner_kind: str) -> str:
    """The one cooperation kind that takes partners of `partner_kind`."""
    return next(k for k, facts in KINDS.items() if partner_kind in facts.partner_kinds)


def kind_for_partners(partner_kinds: Iterable[str]) -> str:
    """The cooperation kind the chosen partners imply (a foreign city: KSDPL, an Indonesian
    region: KSDD ...), or "" when none is chosen or they imply different kinds."""
    kinds = {kind_of_partner(partner_kind) for partner_kind in partner_kinds}
    return kinds.pop() if len(kinds) == 1 else ""


# --- Per state -----------------------------------------------------------------------------


class Tone(StrEnum):
    """The colour of a badge: the `badge--*` classes of mitra.css."""

    PROGRESS = "progress"
    ACTIVE = "active"
    HOLD = "hold"
    WARNING = "warning"
    STOPPED = "stopped"


class PublicStage(models.TextChoices):
    """The procedure's many states told to the public in a few plain words (portal)."""

    EXPLORATION = "exploration", _("being explored")
    INTENT = "intent", _("letter of intent signed")
    PREPARATION = "preparation", _("agreement in preparation")
    IN_FORCE = "in_force", _("in force")
    RENEWAL = "renewal", _("being renewed")
    INACTIVE = "inactive", _("inactive")
    ENDED = "ended", _("ended")
    NOT_CONTINUED = "not_continued", _("not continued")


class ReviewKind(models.TextChoices):
    """What Kemendagri is asked to do when a cooperation enters a central-review state."""

    VERIFICATION = "verification", _("central verification")
    APPROVAL = "approval", _("central approval")
    HOLD = "hold", _("review of a hold")


@dataclass(frozen=True)
class StateFacts:
    tone: Tone
    public_stage: PublicStage
    live: bool = True  # still going: counts on boards, workloads and follow-ups
    # Live but standing still (on hold, dormant): not counted among the ones under way.
    paused: bool = False
    signed: bool = False  # an agreement has been signed and the cooperation is carried out
    expected_days: int | None = None  # practice, domain guide §4.4; None: no deadline
    review: str = ""  # the ReviewKind the state opens, if any
    # Reached only once the agreement was signed, besides the signed states: it has ended or is
    # being renewed (an imported row in such a state describes its MoU, not its LoI).
    past_signing: bool = False


_Stage = PublicStage
STATES: Final[dict[str, StateFacts]] = {
    # KSDD and KSDPK (Permendagri 22/2020)
    State.PREPARATION: StateFacts(Tone.PROGRESS, _Stage.EXPLORATION, expected_days=60),
    State.OFFER: StateFacts(Tone.PROGRESS, _Stage.EXPLORATION, expected_days=45),
    State.FRAMEWORK_DRAFTING: StateFacts(Tone.PROGRESS, _Stage.PREPARATION, expected_days=60),
    State.FRAMEWORK_SIGNING: StateFacts(Tone.PROGRESS, _Stage.PREPARATION, expected_days=30),
    State.IMPLEMENTING_DRAFTING: StateFacts(Tone.PROGRESS, _Stage.PREPARATION, expected_days=60),
    State.IMPLEMENTING_SIGNING: StateFacts(Tone.PROGRESS, _Stage.PREPARATION, expected_days=30),
    State.ADMINISTRATION: StateFacts(Tone.ACTIVE, _Stage.IN_FORCE, signed=True, expected_days=30),
    State.REPORTING: StateFacts(Tone.ACTIVE, _Stage.IN_FORCE, signed=True, expected_days=30),
    # KSDPL and KSDLL (Permendagri 25/2020). The LoI is only signed on leaving its step.
    State.INITIATIVE: StateFacts(Tone.PROGRESS, _Stage.EXPLORATION, expected_days=30),
    State.EXPLORATION: StateFacts(Tone.PROGRESS, _Stage.EXPLORATION, expected_days=180),
    State.LETTER_OF_INTENT: StateFacts(Tone.PROGRESS, _Stage.EXPLORATION, expected_days=180),
    State.COOPERATION_PLAN: StateFacts(Tone.PROGRESS, _Stage.INTENT, expected_days=90),
    State.CENTRAL_VERIFICATION: StateFacts(
        Tone.PROGRESS, _Stage.PREPARATION, expected_days=60, review=ReviewKind.VERIFICATION
    ),
    State.MOU_DRAFTING: StateFacts(Tone.PROGRESS, _Stage.PREPARATION, expected_days=60),
    State.TEXT_NEGOTIATION: StateFacts(Tone.PROGRESS, _Stage.PREPARATION, expected_days=90),
    State.CENTRAL_APPROVAL: StateFacts(
        Tone.PROGRESS, _Stage.PREPARATION, expected_days=60, review=ReviewKind.APPROVAL
    ),
    State.SIGNING: StateFacts(Tone.PROGRESS, _Stage.PREPARATION, expected_days=60),
    State.MONITORING_EVALUATION: StateFacts(Tone.ACTIVE, _Stage.IN_FORCE, signed=True),
    # Both
    State.COUNCIL_APPROVAL: StateFacts(Tone.PROGRESS, _Stage.PREPARATION, expected_days=60),
    State.IMPLEMENTATION: StateFacts(Tone.ACTIVE, _Stage.IN_FORCE, signed=True),
    # Cross-cutting. A hold for central review is an internal matter: publicly the agreement is
    # being prepared.
    State.ON_HOLD_CENTRAL_REVIEW: StateFacts(
        Tone.HOLD, _Stage.PREPARATION, expected_days=90, review=ReviewKind.HOLD, paused=True
    ),
    State.DORMANT: StateFacts(Tone.WARNING, _Stage.INACTIVE, signed=True, paused=True),
    State.REJECTED: StateFacts(Tone.STOPPED, _Stage.NOT_CONTINUED, live=False),
    State.WITHDRAWN: StateFacts(Tone.STOPPED, _Stage.NOT_CONTINUED, live=False),
    State.EXPIRED: StateFacts(Tone.WARNING, _Stage.ENDED, live=False, past_signing=True),
    State.RENEWAL_IN_PROGRESS: StateFacts(
        Tone.WARNING, _Stage.RENEWAL, expected_days=90, past_signing=True
    ),
    State.RENEWED: StateFacts(Tone.ACTIVE, _Stage.IN_FORCE, past_signing=True),
    State.TERMINATED: StateFacts(Tone.STOPPED, _Stage.ENDED, live=False, past_signing=True),
}


def state_facts(state: str) -> StateFacts:
    return STATES[state]


# --- Derived sets (read from the tables above, never written by hand) ------------------------

DOMESTIC: Final = frozenset(k for k, facts in KINDS.items() if not facts.foreign)
FOREIGN: Final = frozenset(k for k, facts in KINDS.items() if facts.foreign)
ALL_KINDS: Final = DOMESTIC | FOREIGN
SIGNED: Final[frozenset[str]] = frozenset(s for s, f in STATES.items() if f.signed)
NOT_LIVE: Final = frozenset(s for s, facts in STATES.items() if not facts.live)
PAUSED: Final = frozenset(s for s, facts in STATES.items() if facts.live and facts.paused)
# The agreement has been signed: being carried out, ended, or being renewed.
AFTER_SIGNING: Final = SIGNED | frozenset(s for s, f in STATES.items() if f.past_signing)
# Signed and not ended: the cooperations whose results leadership asks about.
WITH_RESULTS: Final = AFTER_SIGNING - NOT_LIVE
EXPECTED_DAYS: Final = {s: f.expected_days for s, f in STATES.items() if f.expected_days}
STATE_OF_REVIEW: Final = {facts.review: s for s, facts in STATES.items() if facts.review}
CENTRAL_REVIEW_STATES: Final = frozenset(STATE_OF_REVIEW.values())
BOTH_ORDERS: Final = frozenset({Order.COUNCIL_FIRST, Order.CENTRAL_FIRST})
COUNCIL_FIRST: Final = frozenset({Order.COUNCIL_FIRST})
CENTRAL_FIRST: Final = frozenset({Order.CENTRAL_FIRST})

SYSTEM: Final = "system"  # the periodic command, acting for nobody in particular
OFFICE: Final = frozenset({Role.TENANT_ADMIN, Role.COOPERATION_OFFICER})
OFFICE_AND_AGENCIES: Final = OFFICE | {Role.AGENCY_OFFICER}
CENTRE: Final = frozenset({Role.CENTRAL_REVIEWER})

# The target of `resume`: the state the cooperation was in when it was put on hold.
# The coordination team (TKKSD, domain guide §7) maps, reviews and recommends: it records its
# consideration of a cooperation (and the administrator may record it for the team). Its part in
# the procedure is at preparation (KSDD/KSDPK), exploration and the cooperation plan (§4).
TEAM: Final = frozenset({Role.TENANT_ADMIN, Role.TEAM_REVIEWER})
TEAM_STEPS: Final = frozenset({State.PREPARATION, State.EXPLORATION, State.COOPERATION_PLAN})

PRIOR_STATE: Final = "@prior"


# --- Transitions ---------------------------------------------------------------------------


class Decision(StrEnum):
    """A central reviewer's decision on a review request (reviews app)."""

    APPROVE = "approve"
    RETURN = "return"
    REFUSE = "refuse"


@dataclass(frozen=True)
class Signing:
    """The document a signing produces, and the guard that asks for it."""

    document: str  # a Document.Kind value
    guard: str


@dataclass(frozen=True)
class Transition:
    action: str
    source: str
    target: str
    kinds: frozenset[str]
    roles: frozenset[str]
    guards: tuple[str, ...] = ()  # names of functions in `rules.GUARDS`
    orders: frozenset[str] = BOTH_ORDERS
    label: Promise | str = ""
    side: bool = False  # steps off or back along the procedure: never the primary button
    signs: Signing | None = None
    decision: str = ""  # the central decision it records, from a central-review state
    # Stops the cooperation's work though a later move can undo it (marking it dormant): asked
    # first, with a reason, like the irreversible moves.
    grave: bool = False

    @property
    def irreversible(self) -> bool:
        """Ends the cooperation for good: no transition leaves its target."""
        return self.target in FINAL

    @property
    def asks_first(self) -> bool:
        """Never a one-click move: a confirmation page says what will happen and asks the reason,
        and `apply_transition` refuses it without one."""
        return self.irreversible or self.grave


def _t(
    action: str,
    source: str,
    target: str,
    kinds: frozenset[str],
    roles: frozenset[str],
    *guards: str,
    orders: frozenset[str] = BOTH_ORDERS,
    side: bool = False,
    signs: Signing | None = None,
    decision: str = "",
    grave: bool = False,
) -> Transition:
    return Transition(
        action,
        source,
        target,
        kinds,
        roles,
        guards,
        orders,
        ACTION_LABELS[action],
        side=side,
        signs=signs,
        decision=decision,
        grave=grave,
    )


ACTION_LABELS: dict[str, Promise] = {
    "send_offer": _("Send the offer"),
    "accept_offer": _("Record the partner's positive reply"),
    "prepare_framework_signing": _("Agree the KB text for signing"),
    "sign_framework": _("Record the signed KB"),
    "sign_framework_without_council": _("Record the signed KB (no DPRD approval needed)"),
    "approve_council": _("Record the DPRD approval"),
    "reject_council": _("Record the DPRD's refusal (back to drafting)"),
    "prepare_pks_signing": _("Agree the PKS text for signing"),
    "sign_pks": _("Record the signed PKS"),
    "start_administration": _("Register and archive"),
    "start_reporting": _("Start reporting"),
    "submit_report": _("Record the report and continue implementation"),
    "start_exploration": _("Start exploring"),
    "prepare_loi": _("Prepare the letter of intent"),
    "sign_loi": _("Record the signed LoI"),
    "request_council_approval": _("Ask the DPRD for approval"),
    "request_central_verification": _("Ask Kemendagri for verification"),
    "verify_central": _("Record the central verification"),
    "return_central_verification": _("Return the verification request"),
    "start_mou_drafting": _("Start drafting the MoU"),
    "start_negotiation": _("Send the draft for negotiation"),
    "revise_text": _("Revise the draft (back to drafting)"),
    "request_central_approval": _("Ask for central approval"),
    "approve_central": _("Record the central approval"),
    "refuse_central": _("Record the central refusal"),
    "return_central_approval": _("Return the approval request"),
    "sign_mou": _("Record the signed MoU"),
    "start_evaluation": _("Start monitoring and evaluation"),
    "continue_implementation": _("Record the evaluation and continue"),
    "put_on_hold": _("Put on hold for central review"),
    "resume": _("Resume after central review"),
    "withdraw": _("Withdraw the cooperation"),
    "record_rejection": _("Record a refusal by the partner"),
    "mark_dormant": _("Mark as dormant"),
    "revive": _("Revive the cooperation"),
    "expire": _("Mark as expired"),
    "start_renewal": _("Start the renewal"),
    "complete_renewal": _("Record the renewal"),
    "continue_after_renewal": _("Continue implementation under the renewal"),
    "terminate": _("Terminate the cooperation"),
}

# KSDD and KSDPK: Permendagri 22/2020, steps after Perda DIY 1/2023.
DOMESTIC_STEPS = (
    State.PREPARATION,
    State.OFFER,
    State.FRAMEWORK_DRAFTING,
    State.FRAMEWORK_SIGNING,
    State.COUNCIL_APPROVAL,
    State.IMPLEMENTING_DRAFTING,
    State.IMPLEMENTING_SIGNING,
    State.IMPLEMENTATION,
    State.ADMINISTRATION,
    State.REPORTING,
)

# KSDPL and KSDLL: Permendagri 25/2020; the order of steps 5 and 6 is a tenant setting.
FOREIGN_STEPS = {
    Order.COUNCIL_FIRST: (
        State.INITIATIVE,
        State.EXPLORATION,
        State.LETTER_OF_INTENT,
        State.COOPERATION_PLAN,
        State.COUNCIL_APPROVAL,
        State.CENTRAL_VERIFICATION,
        State.MOU_DRAFTING,
        State.TEXT_NEGOTIATION,
        State.CENTRAL_APPROVAL,
        State.SIGNING,
        State.IMPLEMENTATION,
        State.MONITORING_EVALUATION,
    ),
    Order.CENTRAL_FIRST: (
        State.INITIATIVE,
        State.EXPLORATION,
        State.LETTER_OF_INTENT,
        State.COOPERATION_PLAN,
        State.CENTRAL_VERIFICATION,
        State.COUNCIL_APPROVAL,
        State.MOU_DRAFTING,
        State.TEXT_NEGOTIATION,
        State.CENTRAL_APPROVAL,
        State.SIGNING,
        State.IMPLEMENTATION,
        State.MONITORING_EVALUATION,
    ),
}

# Before an agreement is signed: a cooperation may be put on hold, withdrawn or refused.
DOMESTIC_PRE_SIGNING = frozenset(s for s in DOMESTIC_STEPS if not STATES[s].signed)
FOREIGN_PRE_SIGNING = frozenset(
    s for s in FOREIGN_STEPS[Order.COUNCIL_FIRST] if not STATES[s].signed
)

ELIGIBLE = ("no_blocked_country",)
LOI: Final = Signing(DocumentKind.LETTER_OF_INTENT, "has_signed_letter_of_intent")
KB: Final = Signing(DocumentKind.FRAMEWORK_AGREEMENT, "has_signed_framework_agreement")
PKS: Final = Signing(DocumentKind.IMPLEMENTING_AGREEMENT, "has_signed_implementing_agreement")
MOU: Final = Signing(DocumentKind.MOU, "has_signed_mou")
RENEWAL: Final = Signing(DocumentKind.RENEWAL, "has_renewal")

_DOMESTIC_TRANSITIONS = [
    _t(
        "send_offer",
        State.PREPARATION,
        State.OFFER,
        DOMESTIC,
        OFFICE,
        *ELIGIBLE,
        "has_staff_note",
        "has_feasibility_study_if_needed",
    ),
    _t(
        "accept_offer",
        State.OFFER,
        State.FRAMEWORK_DRAFTING,
        DOMESTIC,
        OFFICE,
        *ELIGIBLE,
        "has_offer_letter",
    ),
    _t(
        "prepare_framework_signing",
        State.FRAMEWORK_DRAFTING,
        State.FRAMEWORK_SIGNING,
        DOMESTIC,
        OFFICE,
        *ELIGIBLE,
    ),
    _t(
        "sign_framework",
        State.FRAMEWORK_SIGNING,
        State.COUNCIL_APPROVAL,
        DOMESTIC,
        OFFICE,
        *ELIGIBLE,
        "has_signed_framework_agreement",
        signs=KB,
    ),
    _t(
        "sign_framework_without_council",
        State.FRAMEWORK_SIGNING,
        State.IMPLEMENTING_DRAFTING,
        DOMESTIC,
        OFFICE,
        *ELIGIBLE,
        "has_signed_framework_agreement",
        "council_approval_not_required",
        signs=KB,
    ),
    _t(
        "approve_council",
        State.COUNCIL_APPROVAL,
        State.IMPLEMENTING_DRAFTING,
        DOMESTIC,
        OFFICE,
        *ELIGIBLE,
        "has_council_approval",
    ),
    _t(
        "reject_council",
        State.COUNCIL_APPROVAL,
        State.FRAMEWORK_DRAFTING,
        DOMESTIC,
        OFFICE,
        side=True,
    ),
    _t(
        "prepare_pks_signing",
        State.IMPLEMENTING_DRAFTING,
        State.IMPLEMENTING_SIGNING,
        DOMESTIC,
        OFFICE_AND_AGENCIES,
        *ELIGIBLE,
        "has_signed_framework_agreement",
    ),
    _t(
        "sign_pks",
        State.IMPLEMENTING_SIGNING,
        State.IMPLEMENTATION,
        DOMESTIC,
        OFFICE_AND_AGENCIES,
        *ELIGIBLE,
        "has_signed_implementing_agreement",
        signs=PKS,
    ),
    _t("start_administration", State.IMPLEMENTATION, State.ADMINISTRATION, DOMESTIC, OFFICE),
    _t("start_reporting", State.ADMINISTRATION, State.REPORTING, DOMESTIC, OFFICE),
    _t(
        "submit_report",
        State.REPORTING,
        State.IMPLEMENTATION,
        DOMESTIC,
        OFFICE,
        "has_implementation_report",
    ),
]

_FOREIGN_TRANSITIONS = [
    _t("start_exploration", State.INITIATIVE, State.EXPLORATION, FOREIGN, OFFICE, *ELIGIBLE),
    _t(
        "prepare_loi",
        State.EXPLORATION,
        State.LETTER_OF_INTENT,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "route_recorded_if_needed",
    ),
    _t(
        "sign_loi",
        State.LETTER_OF_INTENT,
        State.COOPERATION_PLAN,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "central_guidance_without_relations",
        "has_signed_letter_of_intent",
        signs=LOI,
    ),
    _t(
        "request_council_approval",
        State.COOPERATION_PLAN,
        State.COUNCIL_APPROVAL,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "has_cooperation_plan",
        orders=COUNCIL_FIRST,
    ),
    _t(
        "approve_council",
        State.COUNCIL_APPROVAL,
        State.CENTRAL_VERIFICATION,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "has_council_approval",
        orders=COUNCIL_FIRST,
    ),
    _t(
        "verify_central",
        State.CENTRAL_VERIFICATION,
        State.MOU_DRAFTING,
        FOREIGN,
        CENTRE,
        *ELIGIBLE,
        "has_central_verification",
        orders=COUNCIL_FIRST,
        decision=Decision.APPROVE,
    ),
    _t(
        "return_central_verification",
        State.CENTRAL_VERIFICATION,
        State.COOPERATION_PLAN,
        FOREIGN,
        CENTRE,
        orders=COUNCIL_FIRST,
        side=True,
        decision=Decision.RETURN,
    ),
    _t(
        "reject_council",
        State.COUNCIL_APPROVAL,
        State.COOPERATION_PLAN,
        FOREIGN,
        OFFICE,
        side=True,
    ),
    _t(
        "request_central_verification",
        State.COOPERATION_PLAN,
        State.CENTRAL_VERIFICATION,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "has_cooperation_plan",
        orders=CENTRAL_FIRST,
    ),
    _t(
        "verify_central",
        State.CENTRAL_VERIFICATION,
        State.COUNCIL_APPROVAL,
        FOREIGN,
        CENTRE,
        *ELIGIBLE,
        "has_central_verification",
        orders=CENTRAL_FIRST,
        decision=Decision.APPROVE,
    ),
    _t(
        "return_central_verification",
        State.CENTRAL_VERIFICATION,
        State.COOPERATION_PLAN,
        FOREIGN,
        CENTRE,
        orders=CENTRAL_FIRST,
        side=True,
        decision=Decision.RETURN,
    ),
    _t(
        "approve_council",
        State.COUNCIL_APPROVAL,
        State.MOU_DRAFTING,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "has_council_approval",
        orders=CENTRAL_FIRST,
    ),
    _t("start_negotiation", State.MOU_DRAFTING, State.TEXT_NEGOTIATION, FOREIGN, OFFICE, *ELIGIBLE),
    _t("revise_text", State.TEXT_NEGOTIATION, State.MOU_DRAFTING, FOREIGN, OFFICE, side=True),
    _t(
        "request_central_approval",
        State.TEXT_NEGOTIATION,
        State.CENTRAL_APPROVAL,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "has_council_approval",
        "has_central_verification",
    ),
    _t(
        "approve_central",
        State.CENTRAL_APPROVAL,
        State.SIGNING,
        FOREIGN,
        CENTRE,
        *ELIGIBLE,
        "has_government_approval",
        decision=Decision.APPROVE,
    ),
    _t(
        "return_central_approval",
        State.CENTRAL_APPROVAL,
        State.TEXT_NEGOTIATION,
        FOREIGN,
        CENTRE,
        side=True,
        decision=Decision.RETURN,
    ),
    _t(
        "refuse_central",
        State.CENTRAL_APPROVAL,
        State.REJECTED,
        FOREIGN,
        CENTRE,
        side=True,
        decision=Decision.REFUSE,
    ),
    _t(
        "sign_mou",
        State.SIGNING,
        State.IMPLEMENTATION,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "central_guidance_without_relations",
        "has_council_approval",
        "has_government_approval",
        "has_full_powers",
        "has_signed_mou",
        signs=MOU,
    ),
    _t("start_evaluation", State.IMPLEMENTATION, State.MONITORING_EVALUATION, FOREIGN, OFFICE),
    _t(
        "continue_implementation",
        State.MONITORING_EVALUATION,
        State.IMPLEMENTATION,
        FOREIGN,
        OFFICE,
        "has_evaluation_report",
    ),
]


def _cross_cutting() -> list[Transition]:
    moves: list[Transition] = []
    for kinds, pre_signing in ((DOMESTIC, DOMESTIC_PRE_SIGNING), (FOREIGN, FOREIGN_PRE_SIGNING)):
        for state in sorted(pre_signing):
            moves.append(
                _t(
                    "put_on_hold",
                    state,
                    State.ON_HOLD_CENTRAL_REVIEW,
                    kinds,
                    OFFICE | CENTRE,
                    side=True,
                )
            )
            moves.append(_t("withdraw", state, State.WITHDRAWN, kinds, OFFICE, side=True))
            moves.append(_t("record_rejection", state, State.REJECTED, kinds, OFFICE, side=True))
    moves += [
        _t(
            "resume",
            State.ON_HOLD_CENTRAL_REVIEW,
            PRIOR_STATE,
            ALL_KINDS,
            CENTRE,
            *ELIGIBLE,
            decision=Decision.APPROVE,
        ),
        _t("withdraw", State.ON_HOLD_CENTRAL_REVIEW, State.WITHDRAWN, ALL_KINDS, OFFICE, side=True),
        _t(
            "mark_dormant",
            State.IMPLEMENTATION,
            State.DORMANT,
            ALL_KINDS,
            OFFICE | {SYSTEM},
            side=True,
            grave=True,
        ),
        _t("revive", State.DORMANT, State.IMPLEMENTATION, ALL_KINDS, OFFICE_AND_AGENCIES),
        _t("start_renewal", State.EXPIRED, State.RENEWAL_IN_PROGRESS, ALL_KINDS, OFFICE),
        _t(
            "complete_renewal",
            State.RENEWAL_IN_PROGRESS,
            State.RENEWED,
            ALL_KINDS,
            OFFICE,
            *ELIGIBLE,
            "has_renewal",
            signs=RENEWAL,
        ),
        _t("continue_after_renewal", State.RENEWED, State.IMPLEMENTATION, ALL_KINDS, OFFICE),
        _t(
            "withdraw",
            State.RENEWAL_IN_PROGRESS,
            State.EXPIRED,
            ALL_KINDS,
            OFFICE,
            side=True,
            grave=True,
        ),
    ]
    for signed in sorted(SIGNED):
        moves.append(
            _t(
                "expire",
                signed,
                State.EXPIRED,
                ALL_KINDS,
                OFFICE | {SYSTEM},
                "agreements_have_lapsed",
                side=True,
            )
        )
        moves.append(_t("start_renewal", signed, State.RENEWAL_IN_PROGRESS, ALL_KINDS, OFFICE))
        moves.append(_t("terminate", signed, State.TERMINATED, ALL_KINDS, OFFICE, side=True))
    moves.append(_t("terminate", State.EXPIRED, State.TERMINATED, ALL_KINDS, OFFICE, side=True))
    return moves


TRANSITIONS: tuple[Transition, ...] = (
    *_DOMESTIC_TRANSITIONS,
    *_FOREIGN_TRANSITIONS,
    *_cross_cutting(),
)


# States no transition leaves: the cooperation has ended for good.
FINAL: Final = frozenset(STATES) - {t.source for t in TRANSITIONS}
ENDED: Final = FINAL


def steps_for(coop: Procedural) -> tuple[str, ...]:
    """The main line of the cooperation's procedure, for progress bars and time reports."""
    if coop.kind in DOMESTIC:
        return DOMESTIC_STEPS
    return FOREIGN_STEPS[Order(coop.procedure_order)]


def kinds_following_the_order() -> list[str]:
    """The abbreviations of the kinds whose main line the tenant's procedure order picks
    (`FOREIGN_STEPS[order]`): the foreign ones, KSDPL and KSDLL. The setting's label names them."""
    return abbreviations(foreign=True)


def transitions_from(coop: Procedural) -> list[Transition]:
    """Every transition the table offers from the cooperation's state, whoever may perform it."""
    return [
        t
        for t in TRANSITIONS
        if t.source == coop.state and coop.kind in t.kinds and coop.procedure_order in t.orders
    ]


def find(coop: Procedural, action: str) -> Transition | None:
    return next((t for t in transitions_from(coop) if t.action == action), None)


def undoing(transition: Transition) -> list[Transition]:
    """The moves out of the state a transition leads to (empty for an irreversible one): what
    a confirmation page says can still be done afterwards, such as reviving a dormant one."""
    return [
        t
        for t in TRANSITIONS
        if t.source == transition.target
        and t.kinds & transition.kinds
        and t.orders & transition.orders
    ]


def date_driven_action(target: str) -> str:
    """The action the periodic command (`SYSTEM`) performs to move a cooperation into `target`."""
    return next(t.action for t in TRANSITIONS if SYSTEM in t.roles and t.target == target)


def decision_action(review: str, decision: str) -> str:
    """The action recording a central `decision` on a review of kind `review`; "" for none."""
    source = STATE_OF_REVIEW[review]
    return next(
        (t.action for t in TRANSITIONS if t.source == source and t.decision == decision), ""
    )


def states_after_decision(review: str, decision: str) -> frozenset[str]:
    """Where a central `decision` on a review of kind `review` leaves the cooperation: the
    targets of the moves recording it, or the state under review when none moves it (a hold
    returned stays on hold)."""
    source = STATE_OF_REVIEW[review]
    targets = {t.target for t in TRANSITIONS if t.source == source and t.decision == decision}
    return frozenset(targets or {source})


def decisions_of(review: str) -> list[str]:
    """The decisions open on a review of kind `review`: those with a transition, and "return"
    on a hold, which leaves the cooperation where it is."""
    source = STATE_OF_REVIEW[review]
    made = {t.decision for t in TRANSITIONS if t.source == source and t.decision}
    return [
        d for d in Decision if d in made or (d == Decision.RETURN and review == ReviewKind.HOLD)
    ]


def signings_of(kind: str, order: str, document: str) -> list[Transition]:
    """The table's signings of `document` for a cooperation of `kind` and procedure `order`."""
    return [
        t
        for t in TRANSITIONS
        if t.signs is not None
        and t.signs.document == document
        and kind in t.kinds
        and order in t.orders
    ]


SIGNABLE_DOCUMENTS: Final = tuple(
    dict.fromkeys(t.signs.document for t in TRANSITIONS if t.signs is not None)
)


def _check_tables() -> None:
    """Every kind and state has its row, and every state a transition names exists."""
    missing = [k for k in Kind.values if k not in KINDS] + [
        s for s in State.values if s not in STATES
    ]
    named = {t.source for t in TRANSITIONS} | {t.target for t in TRANSITIONS} - {PRIOR_STATE}
    unknown = sorted(named - set(STATES)) + [
        s for facts in KINDS.values() for s in (facts.initial_state,) if s not in STATES
    ]
    if missing or unknown:
        raise ValueError(f"workflow tables incomplete: missing {missing}, unknown {unknown}")


_check_tables()


def states_of(kind: str, order: str) -> frozenset[str]:
    """Every state the procedure of a cooperation of `kind` and `order` can reach."""
    reached: set[str] = {KINDS[kind].initial_state}
    frontier = set(reached)
    while frontier:
        frontier = (
            {
                t.target
                for t in TRANSITIONS
                if t.source in frontier and kind in t.kinds and order in t.orders
            }
            - reached
            - {PRIOR_STATE}
        )
        reached |= frontier
    return frozenset(reached)


def reachable_from(source: str, kind: str, order: str) -> frozenset[str]:
    """Every state the table's transitions lead to from `source` for a cooperation of `kind`
    and procedure `order`, in any number of steps (none included), whatever their guards.
    `resume` leads back to any state the cooperation may have been put on hold from."""
    moves = [t for t in TRANSITIONS if kind in t.kinds and order in t.orders]
    reached = {source}
    frontier = {source}
    while frontier:
        targets: set[str] = set()
        for t in moves:
            if t.source not in frontier:
                continue
            if t.target == PRIOR_STATE:
                targets |= {m.source for m in moves if m.target == t.source}
            else:
                targets.add(t.target)
        frontier = targets - reached
        reached |= frontier
    return frozenset(reached)


def action_choices() -> list[tuple[str, Promise]]:
    """Every action with its label: the choices of a field that stores an action (the step a
    planned signing records), so that pages and the audit trail show the label, never the code.
    A callable, so that a new action needs no migration."""
    return list(ACTION_LABELS.items())


# What a cooperation's history records besides the moves of the table: its creation, a step
# known from earlier records (the demo, an imported register), and what happens at a step
# without leaving it (an evaluation, the team's consideration).
HISTORY_ONLY_LABELS: dict[str, Promise] = {
    "create": _("Record the cooperation"),
    "set_state": _("Record a step reached before Mitra"),
    "import": _("Import from the register"),
    "evaluate": _("Record an evaluation"),
    "consider": _("Record the team's consideration"),
}


def history_action_choices() -> list[tuple[str, Promise]]:
    """Every action a cooperation's history may hold, with its label (the admin and the audit
    trail show the label, never the code)."""
    return [*ACTION_LABELS.items(), *HISTORY_ONLY_LABELS.items()]
