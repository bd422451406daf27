"""The central reviewer's decisions in the demo (`mitra.demo.seed.central_review.DECISIONS`),
taken through `decide` as Kemendagri would take them; the other requests stay waiting."""

from collections.abc import Iterable

from django.contrib.auth.models import User

from mitra.reviews.models import ReviewRequest
from mitra.reviews.services import decide


def load_reviews_demo(reviewer: User, decisions: Iterable[tuple[str, str, str]]) -> None:
    """Decide the waiting request of each cooperation titled so: (title, decision, note)."""
    for title, decision, note in decisions:
        review = ReviewRequest.objects.waiting().get(cooperation__title=title)
        decide(review, by=reviewer, decision=decision, note=note)
