"""The central review (Kemendagri): opening review requests, deciding them, putting them forward.

A request opens whenever a cooperation enters central verification, central approval or a hold
for central review, and closes when it leaves that state by any other way. A decision leaves a
document on the cooperation and moves it with `apply_transition`, in one transaction: if the
procedure refuses the move, the document and the decision are rolled back with it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitra.audit.services import record_created, record_updated, snapshot
from mitra.cooperations.models import Cooperation, CooperationEvent, Document
from mitra.cooperations.services import apply_transition, attach_document
from mitra.cooperations.workflow import OFFICE, Decision, decision_action, decisions_of
from mitra.lib.refusal import Refused, refuse_on_fields
from mitra.reviews.models import KIND_OF_STATE, STATE_OF_KIND, ReviewRequest
from mitra.tenancy.models import Membership

Kind = ReviewRequest.Kind
Status = ReviewRequest.Status

APPROVE: Final = Decision.APPROVE
RETURN: Final = Decision.RETURN
REFUSE: Final = Decision.REFUSE
NOTE_REQUIRED = frozenset({RETURN, REFUSE})


@dataclass(frozen=True)
class Outcome:
    """What a decision does: the request's new status, the document it leaves, the move."""

    status: str
    document_kind: str
    title: Promise
    review: str
    decision: str

    @property
    def action(self) -> str:
        """The transition recording the decision (from the workflow table); "" for no move."""
        return decision_action(self.review, self.decision)


OUTCOMES: dict[tuple[str, str], Outcome] = {
    (Kind.VERIFICATION, APPROVE): Outcome(
        Status.APPROVED,
        Document.Kind.CENTRAL_VERIFICATION,
        gettext_lazy("Kemendagri verification result"),
        Kind.VERIFICATION,
        APPROVE,
    ),
    (Kind.VERIFICATION, RETURN): Outcome(
        Status.RETURNED,
        Document.Kind.CENTRAL_VERIFICATION,
        gettext_lazy("Kemendagri verification result: returned for revision"),
        Kind.VERIFICATION,
        RETURN,
    ),
    (Kind.APPROVAL, APPROVE): Outcome(
        Status.APPROVED,
        Document.Kind.GOVERNMENT_APPROVAL,
        gettext_lazy("Central government approval"),
        Kind.APPROVAL,
        APPROVE,
    ),
    (Kind.APPROVAL, RETURN): Outcome(
        Status.RETURNED,
        Document.Kind.GOVERNMENT_APPROVAL,
        gettext_lazy("Central approval request returned for revision"),
        Kind.APPROVAL,
        RETURN,
    ),
    (Kind.APPROVAL, REFUSE): Outcome(
        Status.REFUSED,
        Document.Kind.GOVERNMENT_APPROVAL,
        gettext_lazy("Central approval refused"),
        Kind.APPROVAL,
        REFUSE,
    ),
    (Kind.HOLD, APPROVE): Outcome(
        Status.APPROVED,
        Document.Kind.CENTRAL_GUIDANCE,
        gettext_lazy("Kemendagri guidance: the procedure may resume"),
        Kind.HOLD,
        APPROVE,
    ),
    (Kind.HOLD, RETURN): Outcome(
        Status.RETURNED,
        Document.Kind.CENTRAL_GUIDANCE,
        gettext_lazy("Kemendagri guidance: the cooperation stays on hold"),
        Kind.HOLD,
        RETURN,
    ),
}


def is_central_reviewer(user: User | None) -> bool:
    return user is not None and (
        Membership.objects.filter(user=user, role=Membership.Role.CENTRAL_REVIEWER).exists()
    )


def decisions_for(kind: str) -> list[str]:
    """The decisions open on a request of `kind`: only a central approval can be refused."""
    return decisions_of(kind)


def _open(
    coop: Cooperation,
    kind: str,
    *,
    by: User | None,
    event: CooperationEvent | None,
    since: datetime | None = None,
) -> ReviewRequest:
    review = ReviewRequest.objects.create(
        cooperation=coop,
        tenant_id=coop.tenant_id,
        kind=kind,
        # Waiting time counts from the move into review, also for requests opened afterwards,
        # unless the request starts later than that move (put forward again: `since`).
        opened_at=since or (event.at if event is not None else timezone.now()),
        opened_by=by,
        opened_event=event,
    )
    record_created(review, by=by)
    return review


def _close(review: ReviewRequest, event: CooperationEvent) -> None:
    before = snapshot(review)
    review.status = Status.CLOSED
    review.decided_at = event.at
    review.decided_by = event.by
    review.save(update_fields=["status", "decided_at", "decided_by"])
    record_updated(review, before, by=event.by)


def open_review_if_needed(coop: Cooperation, event: CooperationEvent) -> None:
    """Keep one open request exactly while the cooperation sits in a central-review state.

    Called by `apply_transition` after every move, under its row lock on the cooperation.
    """
    current = ReviewRequest.objects.waiting().filter(cooperation=coop).first()
    if current is not None:
        # Left the reviewed state by another way (withdrawn, put on hold ...): nothing to decide.
        _close(current, event)
    kind = KIND_OF_STATE.get(Cooperation.State(event.target))
    if kind is not None:
        _open(coop, kind, by=event.by, event=event)


def _decision_problems(
    by: User | None, review: ReviewRequest, decision: str, note: str
) -> list[str]:
    if not is_central_reviewer(by):
        return [_("Only a central reviewer (Kemendagri) may decide a review request.")]
    if decision not in decisions_for(review.kind):
        return [_("This decision is not possible on this kind of request.")]
    return []


def _missing_note(decision: str, note: str) -> list[str]:
    if decision in NOTE_REQUIRED and not note.strip():
        return [_("Explain in a note why the request is returned or refused.")]
    return []


@transaction.atomic
def decide(
    review: ReviewRequest, *, by: User | None, decision: str, note: str = ""
) -> ReviewRequest:
    """Record the centre's decision as a document and move the cooperation accordingly.

    All or nothing: a move the procedure refuses (Refused) undoes the document and the decision.
    """
    refuse_on_fields(
        {"note": _missing_note(decision, note)},
        general=_decision_problems(by, review, decision, note),
    )
    locked = ReviewRequest.objects.select_for_update().get(pk=review.pk)
    if not locked.is_open:
        raise Refused([_("This request has already been decided or closed; reload the page.")])
    outcome = OUTCOMES[(locked.kind, decision)]
    coop = Cooperation.objects.get(pk=locked.cooperation_id)
    before = snapshot(locked)
    with translation.override(
        settings.LANGUAGE_CODE
    ):  # stored text, in the installation's language
        title = str(outcome.title)
    document = attach_document(
        coop,
        by=by,
        kind=outcome.document_kind,
        title=title,
        scope=note.strip(),
        date_signed=timezone.localdate(),
    )
    locked.status = outcome.status
    locked.decided_at = timezone.now()
    locked.decided_by = by
    locked.decision_note = note.strip()
    locked.decision_document = document
    # Saved before the move, so the move's own bookkeeping finds no open request to close.
    locked.save(
        update_fields=["status", "decided_at", "decided_by", "decision_note", "decision_document"]
    )
    if outcome.action:
        apply_transition(
            coop,
            outcome.action,
            by=by,
            note=note.strip() or title,
            expected_state=STATE_OF_KIND[Kind(locked.kind)],
        )
    record_updated(locked, before, by=by)
    for hook in AFTER_DECISION:
        hook(locked, by)
    return locked


DecisionHook = Callable[[ReviewRequest, User | None], None]

# What apps beside this one do once the centre has decided, in the same transaction (reminders:
# tell the officers responsible for the cooperation at once). Each registers in its
# AppConfig.ready(); this module imports none of them.
AFTER_DECISION: list[DecisionHook] = []


def after_decision(hook: DecisionHook) -> None:
    """Run `hook(review, by)` after every decision (once, however often registered)."""
    if hook not in AFTER_DECISION:
        AFTER_DECISION.append(hook)


def _entering_event(coop: Cooperation) -> CooperationEvent | None:
    """The latest move into the cooperation's present state."""
    return (
        CooperationEvent.objects.filter(cooperation=coop, target=coop.state)
        .moves()
        .order_by("-at", "-pk")
        .first()
    )


@transaction.atomic
def resubmit(coop: Cooperation, *, by: User | None) -> ReviewRequest:
    """Put a cooperation on hold before the centre again after it returned the hold request."""
    locked = Cooperation.objects.select_for_update().get(pk=coop.pk)
    office = Membership.objects.filter(user=by, tenant_id=locked.tenant_id, role__in=OFFICE)
    if by is None or not office.exists():
        raise Refused([_("Only the cooperation office may put a cooperation forward for review.")])
    if locked.state != Cooperation.State.ON_HOLD_CENTRAL_REVIEW:
        raise Refused([_("Only a cooperation on hold can be put forward for review again.")])
    if ReviewRequest.objects.waiting().filter(cooperation=locked).exists():
        raise Refused([_("A review request for this cooperation is already open.")])
    # The centre has it from now: the days the request spent back with the region are not days
    # the region waited on the centre.
    return _open(locked, Kind.HOLD, by=by, event=_entering_event(locked), since=timezone.now())


def open_missing_reviews() -> list[ReviewRequest]:
    """Open a request for every cooperation in a review state that was never put before the centre.

    For data placed in a state without `apply_transition` (demo data, imports). Idempotent, and a
    request the centre returned is not reopened: only the office puts it forward again.
    """
    opened = []
    already = ReviewRequest.objects.waiting().filter(cooperation=OuterRef("pk"))
    waiting = Cooperation.objects.filter(state__in=list(KIND_OF_STATE)).exclude(Exists(already))
    for coop in waiting.select_related("tenant"):
        with transaction.atomic():
            event = _entering_event(coop)
            kind = KIND_OF_STATE[Cooperation.State(coop.state)]
            earlier = ReviewRequest.objects.filter(cooperation=coop, kind=kind)
            if event is not None:
                earlier = earlier.filter(opened_at__gte=event.at)
            if not earlier.exists():
                # Put forward by whoever moved it into review (the history says who).
                by = event.by if event is not None else None
                opened.append(_open(coop, kind, by=by, event=event))
    return opened
