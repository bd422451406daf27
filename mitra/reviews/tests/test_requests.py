"""Review requests open when a cooperation enters a central-review state and close when it leaves."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import apply_transition, record_past_state
from mitra.lib.refusal import Refused
from mitra.reviews.models import ReviewRequest
from mitra.reviews.services import decide, open_missing_reviews, resubmit
from mitra.reviews.tests.walking import walk
from tests.factories import make_cooperation

pytestmark = pytest.mark.django_db

S = Cooperation.State
Kind = ReviewRequest.Kind
Status = ReviewRequest.Status


@pytest.fixture
def ksdpl(tenant):
    return make_cooperation(tenant, title="Sister city Makassar–Incheon")


def requests_of(coop):
    return list(ReviewRequest.objects.filter(cooperation=coop).order_by("pk"))


def test_entering_central_verification_opens_a_verification_request(
    ksdpl, cooperation_officer, central_reviewer
):
    walk(ksdpl, S.CENTRAL_VERIFICATION, office=cooperation_officer, centre=central_reviewer)
    [review] = requests_of(ksdpl)
    assert (review.kind, review.status) == (Kind.VERIFICATION, Status.OPEN)
    assert review.tenant == ksdpl.tenant
    assert review.opened_by == cooperation_officer
    assert review.opened_event == ksdpl.events.get(action="approve_council")
    assert AuditEntry.objects.filter(record=f"reviews.reviewrequest:{review.pk}").exists()


def test_entering_central_approval_opens_an_approval_request_and_closes_nothing_open(
    ksdpl, cooperation_officer, central_reviewer
):
    walk(ksdpl, S.CENTRAL_APPROVAL, office=cooperation_officer, centre=central_reviewer)
    verification, approval = requests_of(ksdpl)
    assert verification.status == Status.CLOSED  # verified by hand, not through a decision
    assert (approval.kind, approval.status) == (Kind.APPROVAL, Status.OPEN)


def test_putting_on_hold_opens_a_hold_request(ksdpl, cooperation_officer):
    apply_transition(ksdpl, "put_on_hold", by=cooperation_officer, note="Kemlu asks to wait")
    [review] = requests_of(ksdpl)
    assert (review.kind, review.status) == (Kind.HOLD, Status.OPEN)


def test_withdrawing_closes_the_open_request(ksdpl, cooperation_officer):
    apply_transition(ksdpl, "put_on_hold", by=cooperation_officer)
    apply_transition(ksdpl, "withdraw", by=cooperation_officer, note="Mitra mundur")
    [review] = requests_of(ksdpl)
    assert review.status == Status.CLOSED
    assert review.decided_by == cooperation_officer


def test_a_hold_during_verification_replaces_the_verification_request(
    ksdpl, cooperation_officer, central_reviewer
):
    walk(ksdpl, S.CENTRAL_VERIFICATION, office=cooperation_officer, centre=central_reviewer)
    apply_transition(ksdpl, "put_on_hold", by=cooperation_officer)
    verification, hold = requests_of(ksdpl)
    assert verification.status == Status.CLOSED
    assert (hold.kind, hold.status) == (Kind.HOLD, Status.OPEN)


def test_at_most_one_request_per_cooperation_is_open(ksdpl, cooperation_officer):
    apply_transition(ksdpl, "put_on_hold", by=cooperation_officer)
    [review] = requests_of(ksdpl)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewRequest.objects.create(
            cooperation=ksdpl, tenant=ksdpl.tenant, kind=Kind.HOLD, opened_at=review.opened_at
        )


def test_a_decided_request_does_not_count_against_the_one_open(ksdpl, cooperation_officer):
    apply_transition(ksdpl, "put_on_hold", by=cooperation_officer)
    ReviewRequest.objects.filter(cooperation=ksdpl).update(status=Status.RETURNED)
    resubmit(ksdpl, by=cooperation_officer)
    assert [r.status for r in requests_of(ksdpl)] == [Status.RETURNED, Status.OPEN]


def test_a_resubmitted_request_waits_on_the_centre_from_the_day_it_is_put_forward_again(
    ksdpl, cooperation_officer
):
    """Returned after 70 days and put forward again today: the centre has had it for 0 days,
    not 70 (the queue and the dashboards count from `opened_at`)."""
    apply_transition(ksdpl, "put_on_hold", by=cooperation_officer, note="Kemlu minta menunggu")
    seventy_days_ago = timezone.now() - timedelta(days=70)
    ksdpl.events.filter(action="put_on_hold").update(at=seventy_days_ago)
    ReviewRequest.objects.filter(cooperation=ksdpl).update(
        status=Status.RETURNED, opened_at=seventy_days_ago
    )
    before = timezone.now()
    again = resubmit(ksdpl, by=cooperation_officer)
    assert again.opened_at >= before
    assert again.opened_event == ksdpl.events.get(action="put_on_hold")


def test_the_office_may_resubmit_only_on_hold_with_nothing_open(
    english, ksdpl, cooperation_officer, leadership
):
    with pytest.raises(Refused, match="Only a cooperation on hold"):
        resubmit(ksdpl, by=cooperation_officer)
    apply_transition(ksdpl, "put_on_hold", by=cooperation_officer)
    with pytest.raises(Refused, match="already open"):
        resubmit(ksdpl, by=cooperation_officer)
    with pytest.raises(Refused, match="Only the cooperation office"):
        resubmit(ksdpl, by=leadership)


def test_the_office_of_another_region_cannot_resubmit(
    english, ksdpl, cooperation_officer, outsider
):
    apply_transition(ksdpl, "put_on_hold", by=cooperation_officer)
    ReviewRequest.objects.filter(cooperation=ksdpl).update(status=Status.RETURNED)
    with pytest.raises(Refused, match="Only the cooperation office"):
        resubmit(ksdpl, by=outsider)


def test_missing_requests_are_opened_for_cooperations_placed_in_a_review_state(
    ksdpl, tenant, other_tenant
):
    record_past_state(
        ksdpl, S.ON_HOLD_CENTRAL_REVIEW, by=None, action="put_on_hold", note="test setup"
    )
    elsewhere = make_cooperation(other_tenant)
    record_past_state(elsewhere, S.CENTRAL_APPROVAL, by=None, note="test setup")
    untouched = make_cooperation(tenant)

    opened = open_missing_reviews()

    assert sorted((r.cooperation_id, r.kind) for r in opened) == sorted(
        [(ksdpl.pk, Kind.HOLD), (elsewhere.pk, Kind.APPROVAL)]
    )
    assert requests_of(untouched) == []
    assert [r.opened_event.action for r in opened if r.cooperation_id == ksdpl.pk] == [
        "put_on_hold"
    ]


def test_opening_missing_requests_twice_opens_nothing_more(ksdpl):
    record_past_state(
        ksdpl, S.ON_HOLD_CENTRAL_REVIEW, by=None, action="put_on_hold", note="test setup"
    )
    open_missing_reviews()
    assert open_missing_reviews() == []
    assert len(requests_of(ksdpl)) == 1


def test_opening_missing_requests_does_not_reopen_a_returned_hold(ksdpl, central_reviewer):
    record_past_state(
        ksdpl, S.ON_HOLD_CENTRAL_REVIEW, by=None, action="put_on_hold", note="test setup"
    )
    [review] = open_missing_reviews()
    decide(review, by=central_reviewer, decision="return", note="Send the revised ToR first.")
    assert open_missing_reviews() == []
