"""Which procedure step a planned signing records, and whether the cooperation is ready for it.

Signing at an event produces the document, so readiness leaves out the guard that asks for that
document; every other guard of the step (DPRD approval, Full Power, central guidance) applies.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from mitra.cooperations import rules, workflow
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.transitions import problems_for
from mitra.cooperations.workflow import Transition

DocKind = Document.Kind

SIGNABLE_KINDS = workflow.SIGNABLE_DOCUMENTS


def signing_transition(coop: Cooperation, document_kind: str) -> Transition | None:
    """The table's signing of `document_kind` for this cooperation, wherever it stands now.

    Where the table has two (a KB signed with or without DPRD approval to follow), the one whose
    conditions hold for this cooperation."""
    signings = workflow.signings_of(coop.kind, coop.procedure_order, document_kind)
    if len(signings) > 1:
        needs_council = rules.council_approval_required(coop)
        signings = [
            t for t in signings if ("council_approval_not_required" in t.guards) != needs_council
        ]
    return signings[0] if signings else None


def signing_action(coop: Cooperation, document_kind: str) -> str:
    """The action that signing `document_kind` records for this cooperation."""
    transition = signing_transition(coop, document_kind)
    if transition is not None:
        return transition.action
    return next(
        t.action for t in workflow.TRANSITIONS if t.signs and t.signs.document == document_kind
    )


@dataclass(frozen=True)
class Readiness:
    """Whether a signing could be recorded now, and if not, everything that stands in the way."""

    at_step: bool
    state: str
    steps_before: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    passed: bool = False  # already beyond the step: the document was signed on another day

    @property
    def ready(self) -> bool:
        return self.at_step and not self.problems


def _is_past(coop: Cooperation, source: str) -> bool:
    """Whether the cooperation has moved beyond `source` on its line of steps."""
    line = workflow.steps_for(coop)
    return coop.state in line and source in line and line.index(coop.state) > line.index(source)


def _steps_before(coop: Cooperation, source: str) -> list[str]:
    line = workflow.steps_for(coop)
    if coop.state in line and source in line:
        ahead = line[line.index(coop.state) + 1 : line.index(source) + 1]
        return [str(Cooperation.State(state).label) for state in ahead]
    return [str(Cooperation.State(source).label)]


def readiness(coop: Cooperation, document_kind: str) -> Readiness:
    """The readiness check before an event; uses prefetched documents and partners."""
    transition = signing_transition(coop, document_kind)
    state = coop.get_state_display()
    if transition is None:
        problem = _("A %(kind)s cannot be signed in this kind of cooperation.") % {
            "kind": DocKind(document_kind).label
        }
        return Readiness(at_step=False, state=state, problems=[problem])
    if _is_past(coop, transition.source):
        problem = _(
            "The cooperation is already past this signing (it is at “%(state)s”): take the "
            "signing off the agenda."
        ) % {"state": state}
        return Readiness(at_step=False, state=state, problems=[problem], passed=True)
    signed_guard = transition.signs.guard if transition.signs else ""
    problems = problems_for(coop, transition, skip=signed_guard)
    at_step = coop.state == transition.source
    before = [] if at_step else _steps_before(coop, transition.source)
    return Readiness(at_step=at_step, state=state, steps_before=before, problems=problems)
