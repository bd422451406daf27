"""The central review (Kemendagri). Placeholder until the review module is written."""

from mitra.cooperations.models import Cooperation, CooperationEvent


def open_review_if_needed(coop: Cooperation, event: CooperationEvent) -> None:
    return None
