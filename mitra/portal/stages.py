"""The public stage of a cooperation: the procedure's many states told in a few plain words.

The public does not need to know whether a draft sits with the DPRD or with Kemendagri; it needs
to know whether a cooperation is being explored, prepared, in force or over. Every state maps to
exactly one stage (the test walks the whole `Cooperation.State` list).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from mitra.cooperations.models import Cooperation

S = Cooperation.State


class Stage(models.TextChoices):
    EXPLORATION = "exploration", _("being explored")
    INTENT = "intent", _("letter of intent signed")
    PREPARATION = "preparation", _("agreement in preparation")
    IN_FORCE = "in_force", _("in force")
    RENEWAL = "renewal", _("being renewed")
    INACTIVE = "inactive", _("inactive")
    ENDED = "ended", _("ended")
    NOT_CONTINUED = "not_continued", _("not continued")


STAGE_OF_STATE: dict[str, Stage] = {
    S.PREPARATION: Stage.EXPLORATION,
    S.OFFER: Stage.EXPLORATION,
    S.INITIATIVE: Stage.EXPLORATION,
    S.EXPLORATION: Stage.EXPLORATION,
    S.LETTER_OF_INTENT: Stage.INTENT,
    S.COOPERATION_PLAN: Stage.INTENT,
    S.FRAMEWORK_DRAFTING: Stage.PREPARATION,
    S.FRAMEWORK_SIGNING: Stage.PREPARATION,
    S.COUNCIL_APPROVAL: Stage.PREPARATION,
    S.CENTRAL_VERIFICATION: Stage.PREPARATION,
    S.MOU_DRAFTING: Stage.PREPARATION,
    S.TEXT_NEGOTIATION: Stage.PREPARATION,
    S.CENTRAL_APPROVAL: Stage.PREPARATION,
    S.SIGNING: Stage.PREPARATION,
    S.IMPLEMENTING_DRAFTING: Stage.PREPARATION,
    S.IMPLEMENTING_SIGNING: Stage.PREPARATION,
    # A hold for central review is an internal matter: publicly the agreement is being prepared.
    S.ON_HOLD_CENTRAL_REVIEW: Stage.PREPARATION,
    S.IMPLEMENTATION: Stage.IN_FORCE,
    S.ADMINISTRATION: Stage.IN_FORCE,
    S.REPORTING: Stage.IN_FORCE,
    S.MONITORING_EVALUATION: Stage.IN_FORCE,
    S.RENEWED: Stage.IN_FORCE,
    S.RENEWAL_IN_PROGRESS: Stage.RENEWAL,
    S.DORMANT: Stage.INACTIVE,
    S.EXPIRED: Stage.ENDED,
    S.TERMINATED: Stage.ENDED,
    S.REJECTED: Stage.NOT_CONTINUED,
    S.WITHDRAWN: Stage.NOT_CONTINUED,
}

# The colour of a stage's badge (the `badge--*` classes of mitra.css).
STAGE_TONES: dict[Stage, str] = {
    Stage.EXPLORATION: "progress",
    Stage.INTENT: "progress",
    Stage.PREPARATION: "progress",
    Stage.IN_FORCE: "active",
    Stage.RENEWAL: "warning",
    Stage.INACTIVE: "warning",
    Stage.ENDED: "stopped",
    Stage.NOT_CONTINUED: "stopped",
}


def stage_of(state: str) -> Stage:
    """The public stage of a state; an unknown state (never stored) counts as in preparation."""
    return STAGE_OF_STATE.get(state, Stage.PREPARATION)
