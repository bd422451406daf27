"""Which procedure step a planned signing records, and whether the cooperation is ready for it.

Signing at an event produces the document, so readiness leaves out the guard that asks for that
document; every other guard of the step (DPRD approval, Full Power, central guidance) applies.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from mitra.cooperations import rules, workflow
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.workflow import Transition

DocKind = Document.Kind

# The guard each signing satisfies by itself: the signed document it produces.
SIGNED_DOCUMENT_GUARD: dict[str, str] = {
    DocKind.LETTER_OF_INTENT: "has_signed_letter_of_intent",
    DocKind.FRAMEWORK_AGREEMENT: "has_signed_framework_agreement",
    DocKind.IMPLEMENTING_AGREEMENT: "has_signed_implementing_agreement",
    DocKind.MOU: "has_signed_mou",
    DocKind.RENEWAL: "has_renewal",
}
SIGNABLE_KINDS = tuple(SIGNED_DOCUMENT_GUARD)


def signing_action(coop: Cooperation, document_kind: str) -> str:
    """The transition that signing `document_kind` records for this cooperation."""
    if document_kind == DocKind.FRAMEWORK_AGREEMENT:
        if rules.council_approval_required(coop):
            return "sign_framework"
        return "sign_framework_without_council"
    return {
        DocKind.LETTER_OF_INTENT: "sign_loi",
        DocKind.IMPLEMENTING_AGREEMENT: "sign_pks",
        DocKind.MOU: "sign_mou",
        DocKind.RENEWAL: "complete_renewal",
    }[DocKind(document_kind)]


def signing_transition(coop: Cooperation, document_kind: str) -> Transition | None:
    """The table's entry for the signing, wherever the cooperation stands now."""
    action = signing_action(coop, document_kind)
    return next(
        (
            t
            for t in workflow.TRANSITIONS
            if t.action == action and coop.kind in t.kinds and coop.procedure_order in t.orders
        ),
        None,
    )


@dataclass(frozen=True)
class Readiness:
    """Whether a signing could be recorded now, and if not, everything that stands in the way."""

    at_step: bool
    state: str
    steps_before: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return self.at_step and not self.problems


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
    skipped = SIGNED_DOCUMENT_GUARD[document_kind]
    problems = [
        p for name in transition.guards if name != skipped for p in rules.GUARDS[name](coop)
    ]
    at_step = coop.state == transition.source
    before = [] if at_step else _steps_before(coop, transition.source)
    return Readiness(at_step=at_step, state=state, steps_before=before, problems=problems)
