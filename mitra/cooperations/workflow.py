"""The legal procedures as data: which transitions exist, for which kinds and roles, with which guards.

Two templates (domain guide §4): KSDD/KSDPK after Permendagri 22/2020 and KSDPL/KSDLL after
Permendagri 25/2020, plus the cross-cutting states. A guard is the name of a function in
`rules.py` returning the problems that block the move. `apply_transition` in `services.py` is the
only code that moves a cooperation along this table; `docs/workflow.md` is generated from it.
"""

from dataclasses import dataclass
from typing import Final

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mitra.cooperations.models import Cooperation
from mitra.tenancy.models import Membership, Tenant

S = Cooperation.State
K = Cooperation.Kind
R = Membership.Role
Order = Tenant.ProcedureOrder

DOMESTIC = frozenset({K.DOMESTIC_REGION, K.THIRD_PARTY})
FOREIGN = frozenset({K.FOREIGN_REGION, K.FOREIGN_INSTITUTION})
ALL_KINDS = DOMESTIC | FOREIGN
BOTH_ORDERS = frozenset({Order.COUNCIL_FIRST, Order.CENTRAL_FIRST})

SYSTEM: Final = "system"  # the periodic command, acting for nobody in particular
OFFICE = frozenset({R.TENANT_ADMIN, R.COOPERATION_OFFICER})
OFFICE_AND_AGENCIES = OFFICE | {R.AGENCY_OFFICER}
CENTRE = frozenset({R.CENTRAL_REVIEWER})

# The target of `resume`: the state the cooperation was in when it was put on hold.
PRIOR_STATE: Final = "@prior"


@dataclass(frozen=True)
class Transition:
    action: str
    source: str
    target: str
    kinds: frozenset[str]
    roles: frozenset[str]
    guards: tuple[str, ...] = ()
    orders: frozenset[str] = BOTH_ORDERS
    label: Promise | str = ""


def _t(
    action: str,
    source: str,
    target: str,
    kinds: frozenset[str],
    roles: frozenset[str],
    *guards: str,
    orders: frozenset[str] = BOTH_ORDERS,
) -> Transition:
    return Transition(action, source, target, kinds, roles, guards, orders, ACTION_LABELS[action])


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
    S.PREPARATION,
    S.OFFER,
    S.FRAMEWORK_DRAFTING,
    S.FRAMEWORK_SIGNING,
    S.COUNCIL_APPROVAL,
    S.IMPLEMENTING_DRAFTING,
    S.IMPLEMENTING_SIGNING,
    S.IMPLEMENTATION,
    S.ADMINISTRATION,
    S.REPORTING,
)

# KSDPL and KSDLL: Permendagri 25/2020; the order of steps 5 and 6 is a tenant setting.
FOREIGN_STEPS = {
    Order.COUNCIL_FIRST: (
        S.INITIATIVE,
        S.EXPLORATION,
        S.LETTER_OF_INTENT,
        S.COOPERATION_PLAN,
        S.COUNCIL_APPROVAL,
        S.CENTRAL_VERIFICATION,
        S.MOU_DRAFTING,
        S.TEXT_NEGOTIATION,
        S.CENTRAL_APPROVAL,
        S.SIGNING,
        S.IMPLEMENTATION,
        S.MONITORING_EVALUATION,
    ),
    Order.CENTRAL_FIRST: (
        S.INITIATIVE,
        S.EXPLORATION,
        S.LETTER_OF_INTENT,
        S.COOPERATION_PLAN,
        S.CENTRAL_VERIFICATION,
        S.COUNCIL_APPROVAL,
        S.MOU_DRAFTING,
        S.TEXT_NEGOTIATION,
        S.CENTRAL_APPROVAL,
        S.SIGNING,
        S.IMPLEMENTATION,
        S.MONITORING_EVALUATION,
    ),
}

DOMESTIC_PRE_SIGNING = frozenset(DOMESTIC_STEPS[:7])  # preparation .. implementing_signing
FOREIGN_PRE_SIGNING = frozenset(FOREIGN_STEPS[Order.COUNCIL_FIRST][:10])  # initiative .. signing
SIGNED = frozenset(
    {S.IMPLEMENTATION, S.ADMINISTRATION, S.REPORTING, S.MONITORING_EVALUATION, S.DORMANT}
)
ENDED = frozenset({S.REJECTED, S.WITHDRAWN, S.TERMINATED})
CENTRAL_REVIEW_STATES = frozenset(
    {S.CENTRAL_VERIFICATION, S.CENTRAL_APPROVAL, S.ON_HOLD_CENTRAL_REVIEW}
)

# Expected days in each step, for flagging overdue steps (practice, domain guide §4.4).
EXPECTED_DAYS: dict[str, int] = {
    S.PREPARATION: 60,
    S.OFFER: 45,
    S.FRAMEWORK_DRAFTING: 60,
    S.FRAMEWORK_SIGNING: 30,
    S.COUNCIL_APPROVAL: 60,
    S.IMPLEMENTING_DRAFTING: 60,
    S.IMPLEMENTING_SIGNING: 30,
    S.ADMINISTRATION: 30,
    S.REPORTING: 30,
    S.INITIATIVE: 30,
    S.EXPLORATION: 180,
    S.LETTER_OF_INTENT: 180,
    S.COOPERATION_PLAN: 90,
    S.CENTRAL_VERIFICATION: 60,
    S.MOU_DRAFTING: 60,
    S.TEXT_NEGOTIATION: 90,
    S.CENTRAL_APPROVAL: 60,
    S.SIGNING: 60,
    S.ON_HOLD_CENTRAL_REVIEW: 90,
    S.RENEWAL_IN_PROGRESS: 90,
}

CF = frozenset({Order.COUNCIL_FIRST})
VF = frozenset({Order.CENTRAL_FIRST})
ELIGIBLE = ("no_blocked_country",)

_DOMESTIC_TRANSITIONS = [
    _t(
        "send_offer",
        S.PREPARATION,
        S.OFFER,
        DOMESTIC,
        OFFICE,
        *ELIGIBLE,
        "has_staff_note",
        "has_feasibility_study_for_ksdpk",
    ),
    _t(
        "accept_offer",
        S.OFFER,
        S.FRAMEWORK_DRAFTING,
        DOMESTIC,
        OFFICE,
        *ELIGIBLE,
        "has_offer_letter",
    ),
    _t(
        "prepare_framework_signing",
        S.FRAMEWORK_DRAFTING,
        S.FRAMEWORK_SIGNING,
        DOMESTIC,
        OFFICE,
        *ELIGIBLE,
    ),
    _t(
        "sign_framework",
        S.FRAMEWORK_SIGNING,
        S.COUNCIL_APPROVAL,
        DOMESTIC,
        OFFICE,
        *ELIGIBLE,
        "has_signed_framework_agreement",
    ),
    _t(
        "sign_framework_without_council",
        S.FRAMEWORK_SIGNING,
        S.IMPLEMENTING_DRAFTING,
        DOMESTIC,
        OFFICE,
        *ELIGIBLE,
        "has_signed_framework_agreement",
        "council_approval_not_required",
    ),
    _t(
        "approve_council",
        S.COUNCIL_APPROVAL,
        S.IMPLEMENTING_DRAFTING,
        DOMESTIC,
        OFFICE,
        *ELIGIBLE,
        "has_council_approval",
    ),
    _t("reject_council", S.COUNCIL_APPROVAL, S.FRAMEWORK_DRAFTING, DOMESTIC, OFFICE),
    _t(
        "prepare_pks_signing",
        S.IMPLEMENTING_DRAFTING,
        S.IMPLEMENTING_SIGNING,
        DOMESTIC,
        OFFICE_AND_AGENCIES,
        *ELIGIBLE,
        "has_signed_framework_agreement",
    ),
    _t(
        "sign_pks",
        S.IMPLEMENTING_SIGNING,
        S.IMPLEMENTATION,
        DOMESTIC,
        OFFICE_AND_AGENCIES,
        *ELIGIBLE,
        "has_signed_implementing_agreement",
    ),
    _t("start_administration", S.IMPLEMENTATION, S.ADMINISTRATION, DOMESTIC, OFFICE),
    _t("start_reporting", S.ADMINISTRATION, S.REPORTING, DOMESTIC, OFFICE),
    _t(
        "submit_report",
        S.REPORTING,
        S.IMPLEMENTATION,
        DOMESTIC,
        OFFICE,
        "has_implementation_report",
    ),
]

_FOREIGN_TRANSITIONS = [
    _t("start_exploration", S.INITIATIVE, S.EXPLORATION, FOREIGN, OFFICE, *ELIGIBLE),
    _t(
        "prepare_loi",
        S.EXPLORATION,
        S.LETTER_OF_INTENT,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "ksdll_route_recorded",
    ),
    _t(
        "sign_loi",
        S.LETTER_OF_INTENT,
        S.COOPERATION_PLAN,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "central_guidance_without_relations",
        "has_signed_letter_of_intent",
    ),
    _t(
        "request_council_approval",
        S.COOPERATION_PLAN,
        S.COUNCIL_APPROVAL,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "has_cooperation_plan",
        orders=CF,
    ),
    _t(
        "approve_council",
        S.COUNCIL_APPROVAL,
        S.CENTRAL_VERIFICATION,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "has_council_approval",
        orders=CF,
    ),
    _t(
        "verify_central",
        S.CENTRAL_VERIFICATION,
        S.MOU_DRAFTING,
        FOREIGN,
        CENTRE,
        *ELIGIBLE,
        "has_central_verification",
        orders=CF,
    ),
    _t(
        "return_central_verification",
        S.CENTRAL_VERIFICATION,
        S.COOPERATION_PLAN,
        FOREIGN,
        CENTRE,
        orders=CF,
    ),
    _t("reject_council", S.COUNCIL_APPROVAL, S.COOPERATION_PLAN, FOREIGN, OFFICE),
    _t(
        "request_central_verification",
        S.COOPERATION_PLAN,
        S.CENTRAL_VERIFICATION,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "has_cooperation_plan",
        orders=VF,
    ),
    _t(
        "verify_central",
        S.CENTRAL_VERIFICATION,
        S.COUNCIL_APPROVAL,
        FOREIGN,
        CENTRE,
        *ELIGIBLE,
        "has_central_verification",
        orders=VF,
    ),
    _t(
        "return_central_verification",
        S.CENTRAL_VERIFICATION,
        S.COOPERATION_PLAN,
        FOREIGN,
        CENTRE,
        orders=VF,
    ),
    _t(
        "approve_council",
        S.COUNCIL_APPROVAL,
        S.MOU_DRAFTING,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "has_council_approval",
        orders=VF,
    ),
    _t("start_negotiation", S.MOU_DRAFTING, S.TEXT_NEGOTIATION, FOREIGN, OFFICE, *ELIGIBLE),
    _t("revise_text", S.TEXT_NEGOTIATION, S.MOU_DRAFTING, FOREIGN, OFFICE),
    _t(
        "request_central_approval",
        S.TEXT_NEGOTIATION,
        S.CENTRAL_APPROVAL,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "has_council_approval",
        "has_central_verification",
    ),
    _t(
        "approve_central",
        S.CENTRAL_APPROVAL,
        S.SIGNING,
        FOREIGN,
        CENTRE,
        *ELIGIBLE,
        "has_government_approval",
    ),
    _t("return_central_approval", S.CENTRAL_APPROVAL, S.TEXT_NEGOTIATION, FOREIGN, CENTRE),
    _t("refuse_central", S.CENTRAL_APPROVAL, S.REJECTED, FOREIGN, CENTRE),
    _t(
        "sign_mou",
        S.SIGNING,
        S.IMPLEMENTATION,
        FOREIGN,
        OFFICE,
        *ELIGIBLE,
        "central_guidance_without_relations",
        "has_council_approval",
        "has_government_approval",
        "has_full_powers",
        "has_signed_mou",
    ),
    _t("start_evaluation", S.IMPLEMENTATION, S.MONITORING_EVALUATION, FOREIGN, OFFICE),
    _t(
        "continue_implementation",
        S.MONITORING_EVALUATION,
        S.IMPLEMENTATION,
        FOREIGN,
        OFFICE,
        "has_evaluation_report",
    ),
]


def _cross_cutting() -> list[Transition]:
    moves: list[Transition] = []
    for kinds, pre_signing in ((DOMESTIC, DOMESTIC_PRE_SIGNING), (FOREIGN, FOREIGN_PRE_SIGNING)):
        for state in sorted(pre_signing):
            moves.append(_t("put_on_hold", state, S.ON_HOLD_CENTRAL_REVIEW, kinds, OFFICE | CENTRE))
            moves.append(_t("withdraw", state, S.WITHDRAWN, kinds, OFFICE))
            moves.append(_t("record_rejection", state, S.REJECTED, kinds, OFFICE))
    moves += [
        _t("resume", S.ON_HOLD_CENTRAL_REVIEW, PRIOR_STATE, ALL_KINDS, CENTRE, *ELIGIBLE),
        _t("withdraw", S.ON_HOLD_CENTRAL_REVIEW, S.WITHDRAWN, ALL_KINDS, OFFICE),
        _t("mark_dormant", S.IMPLEMENTATION, S.DORMANT, ALL_KINDS, OFFICE | {SYSTEM}),
        _t("revive", S.DORMANT, S.IMPLEMENTATION, ALL_KINDS, OFFICE_AND_AGENCIES),
        _t("start_renewal", S.EXPIRED, S.RENEWAL_IN_PROGRESS, ALL_KINDS, OFFICE),
        _t(
            "complete_renewal",
            S.RENEWAL_IN_PROGRESS,
            S.RENEWED,
            ALL_KINDS,
            OFFICE,
            *ELIGIBLE,
            "has_renewal",
        ),
        _t("continue_after_renewal", S.RENEWED, S.IMPLEMENTATION, ALL_KINDS, OFFICE),
        _t("withdraw", S.RENEWAL_IN_PROGRESS, S.EXPIRED, ALL_KINDS, OFFICE),
    ]
    for state in sorted(SIGNED):
        moves.append(
            _t("expire", state, S.EXPIRED, ALL_KINDS, OFFICE | {SYSTEM}, "agreements_have_lapsed")
        )
        moves.append(_t("start_renewal", state, S.RENEWAL_IN_PROGRESS, ALL_KINDS, OFFICE))
        moves.append(_t("terminate", state, S.TERMINATED, ALL_KINDS, OFFICE))
    moves.append(_t("terminate", S.EXPIRED, S.TERMINATED, ALL_KINDS, OFFICE))
    return moves


TRANSITIONS: tuple[Transition, ...] = (
    *_DOMESTIC_TRANSITIONS,
    *_FOREIGN_TRANSITIONS,
    *_cross_cutting(),
)


def steps_for(coop: Cooperation) -> tuple[str, ...]:
    """The main line of the cooperation's procedure, for progress bars and time reports."""
    if coop.kind in DOMESTIC:
        return DOMESTIC_STEPS
    return FOREIGN_STEPS[Order(coop.procedure_order)]


def transitions_from(coop: Cooperation) -> list[Transition]:
    """Every transition the table offers from the cooperation's state, whoever may perform it."""
    return [
        t
        for t in TRANSITIONS
        if t.source == coop.state and coop.kind in t.kinds and coop.procedure_order in t.orders
    ]


def find(coop: Cooperation, action: str) -> Transition | None:
    return next((t for t in transitions_from(coop) if t.action == action), None)
