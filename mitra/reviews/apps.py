from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "mitra.reviews"
    verbose_name = _("Central review")

    def ready(self) -> None:
        # Entering or leaving a central-review state opens or closes a review request. The
        # procedure engine (below this app) runs the hooks registered with it after each move.
        from mitra.cooperations import transitions
        from mitra.reviews.services import open_review_if_needed

        transitions.after_transition(open_review_if_needed)
