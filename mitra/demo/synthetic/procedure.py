"""Where a synthetic cooperation stands in its procedure, and how it got there.

Every path is a walk along the workflow table: the kind's main line up to some step, then now
and then one or two of the table's side moves (hold, withdrawal, expiry, renewal, dormancy ...).
So every state drawn is one `workflow.states_of` allows for the kind and procedure order, and
every step of the history is a transition the table knows.
"""

import itertools
import random
from dataclasses import dataclass
from datetime import date, timedelta

from mitra.cooperations import workflow
from mitra.cooperations.choices import Kind, State

# Share of each kind among the cooperations (domestic ones are far more common).
KIND_WEIGHTS = {
    Kind.DOMESTIC_REGION: 40,
    Kind.THIRD_PARTY: 35,
    Kind.FOREIGN_REGION: 15,
    Kind.FOREIGN_INSTITUTION: 10,
}
SIDE_MOVE_SHARE = 0.22  # cooperations that leave the main line at least once
DAYS_WITHOUT_DEADLINE = 400  # how long a step with no expected duration may have lasted


@dataclass(frozen=True)
class Step:
    """One move of the history: the table's action from `source` to `target` on `on`."""

    action: str
    source: str
    target: str
    on: date
    signs: str  # the document kind the move signs, "" for none


@dataclass(frozen=True)
class Path:
    kind: str
    order: str
    steps: tuple[Step, ...]  # the first is the creation ("" → initial state)

    @property
    def state(self) -> str:
        return self.steps[-1].target

    @property
    def started_on(self) -> date:
        return self.steps[0].on


def pick_kind(rng: random.Random) -> str:
    kinds = list(KIND_WEIGHTS)
    return rng.choices(kinds, weights=[KIND_WEIGHTS[k] for k in kinds])[0]


def _moves(kind: str, order: str) -> list[workflow.Transition]:
    return [
        t
        for t in workflow.TRANSITIONS
        if kind in t.kinds and order in t.orders and t.target != workflow.PRIOR_STATE
    ]


def _main_move(moves: list[workflow.Transition], source: str, target: str) -> workflow.Transition:
    return next(t for t in moves if t.source == source and t.target == target and not t.side)


def _states(
    rng: random.Random, kind: str, order: str
) -> list[tuple[workflow.Transition | None, str]]:
    """The states visited in order, each with the move that led there (None for the first)."""
    moves = _moves(kind, order)
    line = workflow.steps_for(_Procedure(kind, State.PREPARATION, order))
    # Signed steps weigh more: most registered cooperations have been signed.
    weights = [3 if workflow.STATES[s].signed else 1 for s in line]
    reached = rng.choices(range(len(line)), weights=weights)[0]
    visited: list[tuple[workflow.Transition | None, str]] = [(None, line[0])]
    for source, target in itertools.pairwise(line[: reached + 1]):
        visited.append((_main_move(moves, source, target), target))
    if rng.random() < SIDE_MOVE_SHARE:
        for _ in range(rng.choice((1, 1, 2))):
            here = visited[-1][1]
            # On the main line only its side moves; off it (held, expired ...) any move out.
            options = [t for t in moves if t.source == here and (t.side or here not in line)]
            if not options:
                break
            move = rng.choice(options)
            visited.append((move, move.target))
    return visited


@dataclass
class _Procedure:
    kind: str
    state: str
    procedure_order: str


def draw_path(rng: random.Random, kind: str, order: str, today: date) -> Path:
    """A history ending today-ish: the current step entered some days ago, each earlier step
    lasting about its expected days."""
    visited = _states(rng, kind, order)
    day = today - timedelta(days=rng.randint(0, 240))
    dated: list[tuple[workflow.Transition | None, str, date]] = []
    for move, state in reversed(visited):
        dated.append((move, state, day))
        expected = workflow.STATES[state].expected_days or DAYS_WITHOUT_DEADLINE
        day -= timedelta(days=max(1, int(expected * rng.uniform(0.3, 1.6))))
    dated.reverse()
    steps = []
    previous = ""
    for move, state, on in dated:
        action = move.action if move else "create"
        signs = move.signs.document if move and move.signs else ""
        steps.append(Step(action, previous, state, on, signs))
        previous = state
    return Path(kind, order, tuple(steps))
