"""The procedure in Mitra's templates: state badges and labels, kind abbreviations, the
procedure bar. Dates, numbers and money are `mitra.lib.formatting` (built into every template);
the audit trail is `mitra.audit.presenter`.

Templates hold only `if`, `for` and `include`; anything that needs a decision or a lookup to
display a value lives here, so it is written once and tested once.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django import template

from mitra.cooperations import workflow
from mitra.cooperations.models import (
    Cooperation,
    CooperationEvent,
    ObjectOfCooperation,
)

register = template.Library()

State = Cooperation.State


# Which colour a state's badge gets: stopped (red), held or lapsing (amber), running (green);
# every procedure step not named here is "in progress" (blue).
@register.filter
def state_tone(state: str) -> str:
    """The CSS modifier of a state's badge: `badge--hold`, `badge--stopped` ..."""
    facts = workflow.STATES.get(state)
    return f"badge--{facts.tone if facts else workflow.Tone.PROGRESS}"


@register.filter
def state_label(state: str) -> str:
    """A state slug in the user's language; an unknown or empty slug is shown as it is."""
    try:
        return str(State(state).label)
    except ValueError:
        return state


@register.filter
def kind_abbreviation(kind: str) -> str:
    """KSDD, KSDPK, KSDPL or KSDLL."""
    return workflow.abbreviation(kind)


@register.filter
def object_labels(slugs: list[str]) -> list[str]:
    """The objects of a KSDPL/KSDLL (stored as slugs) in the user's language."""
    labels = dict(ObjectOfCooperation.choices)
    return [str(labels.get(slug, slug)) for slug in slugs or []]


@dataclass(frozen=True)
class ProgressStep:
    """One step of a progress bar: its state slug and label, and `done`, `current`, `halted`
    (where a cooperation now off the main line stopped) or `upcoming`."""

    state: str
    label: str
    status: str


def last_step_reached(steps: Sequence[str], events: Iterable[CooperationEvent]) -> str:
    """The latest main-line step in a history given newest first; empty when there is none."""
    return next((event.target for event in events if event.target in steps), "")


def procedure_progress(steps: Sequence[str], state: str, reached: str = "") -> list[ProgressStep]:
    """The main line of a procedure with each step's place relative to the cooperation.

    A cooperation on the line is `current` at its state. Off the line (on hold, dormant,
    rejected ...) `reached` is the step it was on last, shown `halted`; without one, every step
    is `upcoming`.
    """
    anchor = state if state in steps else reached
    position = list(steps).index(anchor) if anchor in steps else -1
    here = "current" if state in steps else "halted"
    return [
        ProgressStep(
            step,
            state_label(step),
            "done" if index < position else here if index == position else "upcoming",
        )
        for index, step in enumerate(steps)
    ]
