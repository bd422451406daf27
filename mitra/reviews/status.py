"""Where a cooperation stands with Kemendagri, for the region's pages: a request waiting at the
centre, or the centre's last answer (returned, refused) while the cooperation still stands where
that answer left it. One function, so no page says "waiting for the central government" about a
request the centre has already sent back (issue 14)."""

from dataclasses import dataclass

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.reviews.models import ReviewRequest

Status = ReviewRequest.Status
ANSWERS = frozenset({Status.RETURNED, Status.REFUSED})


@dataclass(frozen=True)
class CentralStatus:
    waiting: ReviewRequest | None = None  # open: the centre has to decide
    answer: ReviewRequest | None = None  # returned or refused: the region has to act

    @property
    def returned(self) -> bool:
        return self.answer is not None and self.answer.status == Status.RETURNED

    @property
    def refused(self) -> bool:
        return self.answer is not None and self.answer.status == Status.REFUSED


def central_status(coop: Cooperation, reviews: list[ReviewRequest]) -> CentralStatus:
    """`coop`'s standing with the centre, from its review requests (any order)."""
    waiting = next((r for r in reviews if r.is_open), None)
    if waiting is not None:
        return CentralStatus(waiting=waiting)
    latest = max(reviews, key=lambda r: (r.opened_at, r.pk), default=None)
    if latest is None or latest.status not in ANSWERS:
        return CentralStatus()
    if coop.state not in workflow.states_after_decision(latest.kind, latest.decision):
        return CentralStatus()  # the cooperation has moved on since the answer
    return CentralStatus(answer=latest)
