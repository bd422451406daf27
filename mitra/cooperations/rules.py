"""Legal rules about cooperations, each a small function returning its problems (empty = fine).

Three groups: the rules every record must satisfy from its creation, those of documents (and
when a document is "expiring"), and the procedure guards
that `workflow.TRANSITIONS` names (documents needed to leave a step, the conditional DPRD
approval, the eligibility gates of Permenlu 3/2019). A guard takes the cooperation and the day it
is judged on; `GUARDS` holds them under their own function names, and importing this module
fails if the table names a guard that does not exist.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from mitra.cooperations import workflow
from mitra.cooperations.models import AGREEMENT_KINDS, Cooperation, Document, route_refusal
from mitra.lib.formatting import long_date
from mitra.partners.models import Partner
from mitra.tenancy.models import Tenant


def partners_fit_kind(kind: str, partners: Iterable[Partner]) -> list[str]:
    """Each partner must be of a kind the cooperation type allows (PP 28/2018)."""
    allowed = workflow.KINDS[kind].partner_kinds
    label = Cooperation.Kind(kind).label
    return [
        _("%(partner)s (%(partner_kind)s) cannot be a partner in a %(kind)s.")
        % {"partner": p.name, "partner_kind": p.get_kind_display(), "kind": label}
        for p in partners
        if p.kind not in allowed
    ]


def has_a_partner(partners: Iterable[Partner]) -> list[str]:
    if not list(partners):
        return [_("A cooperation needs at least one partner.")]
    return []


def no_blocked_country_among(partners: Iterable[Partner]) -> list[str]:
    """No official relation at any level with a blocked country (Israel; Permenlu 3/2019, ch. X)."""
    return [
        _("Cooperation with partners in %(country)s is not permitted (%(partner)s).")
        % {"country": p.country.name, "partner": p.name}
        for p in partners
        if p.country is not None and p.country.cooperation_blocked
    ]


def sub_form_fits_kind(kind: str, sub_form: str) -> list[str]:
    if sub_form and sub_form not in workflow.KINDS[kind].sub_forms:
        return [
            _("%(sub_form)s is not a sub-form of a %(kind)s.")
            % {
                "sub_form": Cooperation.SubForm(sub_form).label,
                "kind": Cooperation.Kind(kind).label,
            }
        ]
    return []


def route_fits_kind(kind: str, route: str) -> list[str]:
    """Only a kind with a route (`has_route` in `workflow.KINDS`) has one: a continuation of a
    central-government cooperation, or another with central approval (Permendagri 25/2020)."""
    if route and not workflow.KINDS[kind].has_route:
        return [route_refusal()]
    return []


def dates_in_order(start: object, end: object) -> list[str]:
    """A cooperation (or any span of days) cannot end before it starts."""
    if start is not None and end is not None and end < start:  # type: ignore[operator]
        return [_("The end date cannot be before the start date.")]
    return []


def signed_by_today(date_signed: date | None, today: date) -> list[str]:
    """A document is signed on a day that has come: a date of signing after today is a plan,
    and a plan does not move the procedure (plan the signing at an event instead)."""
    if date_signed is not None and date_signed > today:
        return [
            _(
                "A document cannot be signed in the future: %(date)s is after today. Record the "
                "signing once it has taken place, or plan it at an event."
            )
            % {"date": long_date(date_signed)}
        ]
    return []


def cooperation_problems(
    *, kind: str, sub_form: str, route: str, partners: list[Partner], start: object, end: object
) -> list[str]:
    """Every rule a cooperation's record must satisfy, whatever its state."""
    return [
        *has_a_partner(partners),
        *partners_fit_kind(kind, partners),
        *no_blocked_country_among(partners),
        *sub_form_fits_kind(kind, sub_form),
        *route_fits_kind(kind, route),
        *dates_in_order(start, end),
    ]


# --- Documents -----------------------------------------------------------------------------
# Checked once, by `services.check_document` (for `attach_document` and `update_document`), which
# files each problem under the field it is about; the document form shows it there.


def parent_in_same_cooperation(coop: Cooperation, parent: Document | None) -> list[str]:
    """A document's chain stays within its cooperation (the KB a PKS implements, the LoI an MoU
    follows)."""
    if parent is not None and parent.cooperation_id != coop.pk:
        return [_("The parent document must belong to the same cooperation.")]
    return []


def parent_not_voided(parent: Document | None) -> list[str]:
    """A voided document starts no chain. Not in `DOCUMENT_RULES`: the form never offers a
    voided document (the default manager leaves them out), only a service caller can name one."""
    if parent is not None and parent.voided:
        return [_("A voided document cannot be the parent of another.")]
    return []


def no_end_date_when_until_terminated(
    until_terminated: bool, valid_until: date | None
) -> list[str]:
    """A document valid until terminated has no fixed end."""
    if until_terminated and valid_until:
        return [_("A document valid until terminated has no end date.")]
    return []


def document_ends_after_it_starts(valid_from: date | None, valid_until: date | None) -> list[str]:
    if valid_from and valid_until and valid_until < valid_from:
        return [_("A document cannot end before it starts.")]
    return []


def one_number_per_party(roles: Iterable[str]) -> list[str]:
    """Each signing party gives the document one number (Permendagri 22/2020, Permenlu 3/2019)."""
    listed = list(roles)
    if len(listed) != len(set(listed)):
        return [_("Each signing party may appear only once.")]
    return []


# A title says what the record is: "x", "-" or "??" say nothing a reader could find it by.
TITLE_MIN_LETTERS = 3


def title_is_meaningful(title: str) -> list[str]:
    """A document's title names it: at least three letters, not just punctuation or digits."""
    if sum(ch.isalpha() for ch in title) >= TITLE_MIN_LETTERS:
        return []
    return [
        _("Give the document a title that says what it is (at least %(count)d letters).")
        % {"count": TITLE_MIN_LETTERS}
    ]


DOCUMENT_RULES = (
    title_is_meaningful,
    signed_by_today,
    parent_in_same_cooperation,
    no_end_date_when_until_terminated,
    document_ends_after_it_starts,
    one_number_per_party,
)


def expiry_lead_days(tenant: Tenant) -> int:
    """How many days ahead a document's end is announced: the tenant's largest expiry window."""
    return max(tenant.expiry_window_days)


def document_is_expiring(document: Document, today: date, lead_days: int) -> bool:
    """A document is expiring when it has a fixed end (an end date, not "until terminated")
    falling between today and `lead_days` ahead, and its cooperation is still live.

    One rule for the dashboard's list and the expiry reminders, with the notice the tenant chose
    (`expiry_lead_days`): what the office sees on the page is what it is reminded of. Every
    kind of document counts, not only the binding agreements: a letter of intent that lapses
    ends the talks as surely as an MoU's end does. `DocumentQuerySet.expiring` is this rule in
    SQL (`queries.expiring_documents`); a test holds the two together.
    """
    end = document.valid_until
    return (
        end is not None
        and not document.until_terminated
        and today <= end <= today + timedelta(days=lead_days)
        and workflow.STATES[document.cooperation.state].live
    )


# --- Procedure guards ----------------------------------------------------------------------
# Each takes the cooperation and returns what blocks the move; `workflow.TRANSITIONS` names them.


def may_be_considered(coop: Cooperation) -> list[str]:
    """The team considers a cooperation that is still going; an ended one has nothing left to
    recommend on (Permendagri 22/2020 and 25/2020: the team's part is before the region acts)."""
    if not workflow.STATES[coop.state].live:
        return [_("This cooperation has ended; the team can no longer record a consideration.")]
    return []


def _documents(coop: Cooperation) -> list[Document]:
    # Uses the prefetched documents and parties when the caller loaded them.
    return list(coop.documents.all())


def _kind_label(kind: str) -> str:
    return str(Document.Kind(kind).label)


def _need(coop: Cooperation, kind: str) -> list[str]:
    if any(d.kind == kind for d in _documents(coop)):
        return []
    return [_("Attach the %(document)s.") % {"document": _kind_label(kind)}]


def _need_signed(coop: Cooperation, kind: str, *, numbered: bool = False) -> list[str]:
    """A signed document of `kind`; with `numbered`, one number for each of at least two parties."""
    documents = [d for d in _documents(coop) if d.kind == kind]
    label = _kind_label(kind)
    if not documents:
        return [_("Attach the signed %(document)s with its date of signing.") % {"document": label}]
    signed = [d for d in documents if d.date_signed is not None]
    if not signed:
        return [_("Record the date of signing of the %(document)s.") % {"document": label}]
    if numbered and not any(_numbered_by_every_party(d) for d in signed):
        return [
            _("The %(document)s needs a document number from each signing party (at least two).")
            % {"document": label}
        ]
    return []


def _numbered_by_every_party(document: Document) -> bool:
    parties = list(document.parties.all())
    return len(parties) >= 2 and all(p.number.strip() for p in parties)


def has_staff_note(coop: Cooperation, today: date | None = None) -> list[str]:
    """Preparation ends with an approved staff note (telaahan staf; Permendagri 22/2020)."""
    return _need(coop, Document.Kind.STAFF_NOTE)


def has_feasibility_study_if_needed(coop: Cooperation, today: date | None = None) -> list[str]:
    """A kind that needs one (`needs_feasibility_study` in `workflow.KINDS`) attaches a
    feasibility study before the offer (Permendagri 22/2020, for a cooperation with a third
    party)."""
    if not workflow.KINDS[coop.kind].needs_feasibility_study:
        return []
    return _need(coop, Document.Kind.FEASIBILITY_STUDY)


def has_offer_letter(coop: Cooperation, today: date | None = None) -> list[str]:
    return _need(coop, Document.Kind.OFFER_LETTER)


def has_signed_framework_agreement(coop: Cooperation, today: date | None = None) -> list[str]:
    """A KB is signed by both heads of region, each party numbering it (Permendagri 22/2020)."""
    return _need_signed(coop, Document.Kind.FRAMEWORK_AGREEMENT, numbered=True)


def has_signed_implementing_agreement(coop: Cooperation, today: date | None = None) -> list[str]:
    return _need_signed(coop, Document.Kind.IMPLEMENTING_AGREEMENT, numbered=True)


def council_approval_required(coop: Cooperation) -> bool:
    """DPRD approval of a KSDD/KSDPK is needed only if it burdens the public or the region, or is
    not in the current APBD (PP 28/2018); a KSDPL/KSDLL always needs it."""
    if workflow.KINDS[coop.kind].foreign:
        return True
    return coop.burdens_public or coop.budget != Cooperation.Budget.APBD


def council_approval_not_required(coop: Cooperation, today: date | None = None) -> list[str]:
    if not council_approval_required(coop):
        return []
    if coop.burdens_public:
        return [_("DPRD approval is required: the cooperation burdens the public or the region.")]
    return [_("DPRD approval is required: the cooperation is not in this year's APBD.")]


def has_council_approval(coop: Cooperation, today: date | None = None) -> list[str]:
    return _need(coop, Document.Kind.COUNCIL_APPROVAL)


def has_implementation_report(coop: Cooperation, today: date | None = None) -> list[str]:
    return _need(coop, Document.Kind.IMPLEMENTATION_REPORT)


def has_evaluation_report(coop: Cooperation, today: date | None = None) -> list[str]:
    return _need(coop, Document.Kind.EVALUATION_REPORT)


def has_renewal(coop: Cooperation, today: date | None = None) -> list[str]:
    return _need_signed(coop, Document.Kind.RENEWAL)


def has_signed_letter_of_intent(coop: Cooperation, today: date | None = None) -> list[str]:
    """The LoI step ends with an LoI signed by both heads of government (Permendagri 25/2020)."""
    return _need_signed(coop, Document.Kind.LETTER_OF_INTENT)


def has_cooperation_plan(coop: Cooperation, today: date | None = None) -> list[str]:
    return _need(coop, Document.Kind.COOPERATION_PLAN)


def has_central_verification(coop: Cooperation, today: date | None = None) -> list[str]:
    return _need(coop, Document.Kind.CENTRAL_VERIFICATION)


def has_government_approval(coop: Cooperation, today: date | None = None) -> list[str]:
    return _need(coop, Document.Kind.GOVERNMENT_APPROVAL)


def has_full_powers(coop: Cooperation, today: date | None = None) -> list[str]:
    """A foreign agreement is signed under a Full Power from the Foreign Minister."""
    return _need(coop, Document.Kind.FULL_POWERS)


def has_signed_mou(coop: Cooperation, today: date | None = None) -> list[str]:
    return _need_signed(coop, Document.Kind.MOU)


def route_recorded_if_needed(coop: Cooperation, today: date | None = None) -> list[str]:
    """A kind with a route (`has_route` in `workflow.KINDS`) is either a continuation of a
    central cooperation or approved otherwise (Permendagri 25/2020, for a cooperation with a
    foreign institution); the route must be known before exploration ends."""
    if workflow.KINDS[coop.kind].has_route and not coop.route:
        return [
            _(
                "Record the %(kind)s route (continuation of a central-government cooperation, "
                "or other with central approval) before exploration ends."
            )
            % {"kind": workflow.abbreviation(coop.kind)}
        ]
    return []


def central_guidance_without_relations(coop: Cooperation, today: date | None = None) -> list[str]:
    """With a partner in a country without diplomatic relations (Taiwan), nothing is signed
    without recorded central guidance (Permenlu 3/2019, Chapter X)."""
    countries = {
        p.country for p in coop.partners.all() if p.country and p.country.needs_central_guidance
    }
    if not countries or any(d.kind == Document.Kind.CENTRAL_GUIDANCE for d in _documents(coop)):
        return []
    return [
        _(
            "Indonesia has no diplomatic relations with %(country)s: attach the central "
            "government's guidance before anything is signed."
        )
        % {"country": country.name}
        for country in sorted(countries, key=lambda c: c.code)
    ]


def no_blocked_country(coop: Cooperation, today: date | None = None) -> list[str]:
    """None of the cooperation's partners is in a blocked country (Permenlu 3/2019, ch. X)."""
    return no_blocked_country_among(coop.partners.all())


def agreements_have_lapsed(coop: Cooperation, today: date | None = None) -> list[str]:
    """A cooperation expires when none of its agreements is still in force on `today`."""
    day = today or localdate()
    agreements = [d for d in _documents(coop) if d.kind in AGREEMENT_KINDS]
    if not agreements:
        return [_("No agreement with a validity period is recorded.")]
    in_force = [d for d in agreements if d.in_force_on(day)]
    if in_force:
        return [_("%(document)s is still in force.") % {"document": d.title} for d in in_force]
    return []


Guard = Callable[[Cooperation, date | None], list[str]]

GUARDS: dict[str, Guard] = {
    guard.__name__: guard
    for guard in (
        no_blocked_country,
        has_staff_note,
        has_feasibility_study_if_needed,
        has_offer_letter,
        has_signed_framework_agreement,
        has_signed_implementing_agreement,
        council_approval_not_required,
        has_council_approval,
        has_implementation_report,
        has_evaluation_report,
        has_renewal,
        has_signed_letter_of_intent,
        has_cooperation_plan,
        has_central_verification,
        has_government_approval,
        has_full_powers,
        has_signed_mou,
        route_recorded_if_needed,
        central_guidance_without_relations,
        agreements_have_lapsed,
    )
}


@dataclass(frozen=True)
class Remedy:
    """Where what a guard finds missing is put right: a document of kind `document` (attached,
    or completed when one is recorded), the cooperation's record at `field`, or else the
    cooperation's documents (`agreements_have_lapsed`: an agreement's validity)."""

    document: str = ""
    field: str = ""


_Kind = Document.Kind
REMEDIES: dict[str, Remedy] = {
    "no_blocked_country": Remedy(field="partners"),
    "has_staff_note": Remedy(document=_Kind.STAFF_NOTE),
    "has_feasibility_study_if_needed": Remedy(document=_Kind.FEASIBILITY_STUDY),
    "has_offer_letter": Remedy(document=_Kind.OFFER_LETTER),
    "has_signed_framework_agreement": Remedy(document=_Kind.FRAMEWORK_AGREEMENT),
    "has_signed_implementing_agreement": Remedy(document=_Kind.IMPLEMENTING_AGREEMENT),
    "council_approval_not_required": Remedy(field="budget"),
    "has_council_approval": Remedy(document=_Kind.COUNCIL_APPROVAL),
    "has_implementation_report": Remedy(document=_Kind.IMPLEMENTATION_REPORT),
    "has_evaluation_report": Remedy(document=_Kind.EVALUATION_REPORT),
    "has_renewal": Remedy(document=_Kind.RENEWAL),
    "has_signed_letter_of_intent": Remedy(document=_Kind.LETTER_OF_INTENT),
    "has_cooperation_plan": Remedy(document=_Kind.COOPERATION_PLAN),
    "has_central_verification": Remedy(document=_Kind.CENTRAL_VERIFICATION),
    "has_government_approval": Remedy(document=_Kind.GOVERNMENT_APPROVAL),
    "has_full_powers": Remedy(document=_Kind.FULL_POWERS),
    "has_signed_mou": Remedy(document=_Kind.MOU),
    "route_recorded_if_needed": Remedy(field="route"),
    "central_guidance_without_relations": Remedy(document=_Kind.CENTRAL_GUIDANCE),
    "agreements_have_lapsed": Remedy(),
}


def _check_guard_names() -> None:
    named = {g for t in workflow.TRANSITIONS for g in t.guards}
    named |= {t.signs.guard for t in workflow.TRANSITIONS if t.signs is not None}
    if unknown := sorted(named - GUARDS.keys()):
        raise ValueError(f"workflow.TRANSITIONS names guards that rules.py lacks: {unknown}")
    if unremedied := sorted(GUARDS.keys() ^ REMEDIES.keys()):
        raise ValueError(f"every guard needs exactly one remedy in rules.REMEDIES: {unremedied}")


_check_guard_names()
