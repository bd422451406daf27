"""Kemendagri's decisions: each leaves a document and an event and moves the cooperation."""

import pytest
from django.utils import timezone

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import apply_transition
from mitra.lib.refusal import Refused
from mitra.partners.models import Country
from mitra.reviews.models import ReviewRequest
from mitra.reviews.services import decide
from mitra.reviews.tests.walking import walk
from tests.factories import make_cooperation

pytestmark = pytest.mark.django_db

S = Cooperation.State
Kind = ReviewRequest.Kind
Status = ReviewRequest.Status


@pytest.fixture
def ksdpl(tenant):
    return make_cooperation(tenant, title="Sister city Makassar–Incheon")


@pytest.fixture
def at(ksdpl, cooperation_officer, central_reviewer):
    """The KSDPL walked to a state, and its open review request."""

    def to(state):
        walk(ksdpl, state, office=cooperation_officer, centre=central_reviewer)
        return ReviewRequest.objects.get(cooperation=ksdpl, status=Status.OPEN)

    return to


def reload(obj):
    obj.refresh_from_db()
    return obj


def test_approving_a_verification_moves_on_and_leaves_a_document_and_an_event(
    ksdpl, at, central_reviewer
):
    review = at(S.CENTRAL_VERIFICATION)
    before = ksdpl.documents.filter(kind=Document.Kind.CENTRAL_VERIFICATION).count()

    decide(review, by=central_reviewer, decision="approve", note="Sesuai.")

    assert reload(ksdpl).state == S.MOU_DRAFTING
    review = reload(review)
    assert (review.status, review.decided_by) == (Status.APPROVED, central_reviewer)
    document = review.decision_document
    assert document.kind == Document.Kind.CENTRAL_VERIFICATION
    assert (document.scope, document.date_signed) == ("Sesuai.", timezone.localdate())
    assert ksdpl.documents.filter(kind=Document.Kind.CENTRAL_VERIFICATION).count() == before + 1
    event = ksdpl.events.order_by("-at", "-pk").first()
    assert (event.action, event.by, event.note) == ("verify_central", central_reviewer, "Sesuai.")
    assert AuditEntry.objects.filter(
        record=f"reviews.reviewrequest:{review.pk}", action=AuditEntry.Action.UPDATE
    ).exists()


def test_returning_a_verification_moves_back_to_the_plan(ksdpl, at, central_reviewer):
    review = at(S.CENTRAL_VERIFICATION)
    decide(review, by=central_reviewer, decision="return", note="Lengkapi PoA.")
    assert reload(ksdpl).state == S.COOPERATION_PLAN
    assert reload(review).status == Status.RETURNED
    assert not ReviewRequest.objects.filter(cooperation=ksdpl, status=Status.OPEN).exists()


def test_a_return_needs_a_note(english, ksdpl, at, central_reviewer):
    review = at(S.CENTRAL_VERIFICATION)
    with pytest.raises(Refused, match="Explain in a note"):
        decide(review, by=central_reviewer, decision="return", note="  ")
    assert reload(review).status == Status.OPEN


def test_approving_a_central_approval_leads_to_signing(ksdpl, at, central_reviewer):
    review = at(S.CENTRAL_APPROVAL)
    decide(review, by=central_reviewer, decision="approve", note="")
    assert reload(ksdpl).state == S.SIGNING
    assert reload(review).decision_document.kind == Document.Kind.GOVERNMENT_APPROVAL


def test_returning_a_central_approval_goes_back_to_negotiation(ksdpl, at, central_reviewer):
    review = at(S.CENTRAL_APPROVAL)
    decide(review, by=central_reviewer, decision="return", note="Pasal 5 perlu diubah.")
    assert reload(ksdpl).state == S.TEXT_NEGOTIATION


def test_refusing_a_central_approval_rejects_the_cooperation(ksdpl, at, central_reviewer):
    review = at(S.CENTRAL_APPROVAL)
    decide(review, by=central_reviewer, decision="refuse", note="Tidak sesuai kebijakan.")
    assert reload(ksdpl).state == S.REJECTED
    assert reload(review).status == Status.REFUSED


def test_only_a_central_approval_can_be_refused(english, ksdpl, at, central_reviewer):
    review = at(S.CENTRAL_VERIFICATION)
    with pytest.raises(Refused, match="not possible on this kind"):
        decide(review, by=central_reviewer, decision="refuse", note="Tidak.")


def test_approving_a_hold_resumes_at_the_prior_state(ksdpl, cooperation_officer, central_reviewer):
    walk(ksdpl, S.LETTER_OF_INTENT, office=cooperation_officer, centre=central_reviewer)
    apply_transition(ksdpl, "put_on_hold", by=cooperation_officer)
    review = ReviewRequest.objects.get(cooperation=ksdpl, kind=Kind.HOLD)

    decide(review, by=central_reviewer, decision="approve", note="Silakan lanjut.")

    assert reload(ksdpl).state == S.LETTER_OF_INTENT
    assert reload(review).decision_document.kind == Document.Kind.CENTRAL_GUIDANCE


def test_resuming_into_verification_opens_a_new_verification_request(
    ksdpl, at, cooperation_officer, central_reviewer
):
    at(S.CENTRAL_VERIFICATION)
    apply_transition(ksdpl, "put_on_hold", by=cooperation_officer)
    hold = ReviewRequest.objects.get(cooperation=ksdpl, status=Status.OPEN)
    decide(hold, by=central_reviewer, decision="approve", note="")
    assert reload(ksdpl).state == S.CENTRAL_VERIFICATION
    reopened = ReviewRequest.objects.get(cooperation=ksdpl, status=Status.OPEN)
    assert reopened.kind == Kind.VERIFICATION


def test_returning_a_hold_keeps_it_on_hold_until_the_office_resubmits(
    ksdpl, cooperation_officer, central_reviewer
):
    apply_transition(ksdpl, "put_on_hold", by=cooperation_officer)
    review = ReviewRequest.objects.get(cooperation=ksdpl)
    events = ksdpl.events.count()

    decide(review, by=central_reviewer, decision="return", note="Tunggu hasil rapat antar-K/L.")

    assert reload(ksdpl).state == S.ON_HOLD_CENTRAL_REVIEW
    assert reload(review).status == Status.RETURNED
    assert ksdpl.events.count() == events  # no move, so no event; the document records it


def test_a_non_reviewer_cannot_decide(english, ksdpl, at, cooperation_officer):
    review = at(S.CENTRAL_VERIFICATION)
    with pytest.raises(Refused, match="Only a central reviewer"):
        decide(review, by=cooperation_officer, decision="approve", note="")
    assert reload(review).status == Status.OPEN


def test_a_request_is_decided_once(english, ksdpl, at, central_reviewer):
    review = at(S.CENTRAL_VERIFICATION)
    stale = ReviewRequest.objects.get(pk=review.pk)
    decide(review, by=central_reviewer, decision="approve", note="")
    with pytest.raises(Refused, match="already been decided"):
        decide(stale, by=central_reviewer, decision="return", note="Oops")


def test_a_move_the_procedure_refuses_rolls_back_the_document_and_the_decision(
    english, ksdpl, at, central_reviewer
):
    review = at(S.CENTRAL_VERIFICATION)
    documents = ksdpl.documents.count()
    Country.objects.filter(code="KR").update(cooperation_blocked=True)

    with pytest.raises(Refused, match="not permitted"):
        decide(review, by=central_reviewer, decision="approve", note="")

    assert ksdpl.documents.count() == documents
    assert reload(review).status == Status.OPEN
    assert reload(ksdpl).state == S.CENTRAL_VERIFICATION
