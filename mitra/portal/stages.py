"""The public stage of a cooperation: the procedure's many states told in a few plain words.

The public does not need to know whether a draft sits with the DPRD or with Kemendagri; it needs
to know whether a cooperation is being explored, prepared, in force or over. Each state's stage is
a column of the workflow's state table (`workflow.STATES`); this module only adds the badges.
"""

from collections.abc import Iterable

from mitra.cooperations import workflow
from mitra.cooperations.models import Document

Stage = workflow.PublicStage

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
    facts = workflow.STATES.get(state)
    return Stage(facts.public_stage) if facts else Stage.PREPARATION


def states_at(stage: str) -> list[str]:
    """The states whose public stage is `stage` (`stage_of`'s answers, for a database filter)."""
    return [state for state in workflow.STATES if stage_of(state).value == stage]


def public_stage(state: str, signed_kinds: Iterable[str] = ()) -> Stage:
    """The stage the public reads, from the state and the kinds of the signed documents the
    portal lists: a cooperation still at the letter-of-intent step whose LoI is recorded as
    signed (the step waits on something else, such as the centre's guidance) has its LoI signed.
    "Being explored" above a list showing the signed LoI read as a contradiction."""
    stage = stage_of(state)
    if stage == Stage.EXPLORATION and Document.Kind.LETTER_OF_INTENT in set(signed_kinds):
        return Stage.INTENT
    return stage
