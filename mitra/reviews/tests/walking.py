"""Walking a KSDPL along the table to a given state, with the documents each step needs."""

from datetime import date

from django.contrib.auth.models import User

from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import apply_transition
from tests.factories import make_document

S = Cooperation.State
D = Document.Kind

# Council-first KSDPL: (action, document the step needs, whether the centre takes it).
STEPS = [
    ("start_exploration", None, False),
    ("prepare_loi", None, False),
    ("sign_loi", D.LETTER_OF_INTENT, False),
    ("request_council_approval", D.COOPERATION_PLAN, False),
    ("approve_council", D.COUNCIL_APPROVAL, False),
    ("verify_central", D.CENTRAL_VERIFICATION, True),
    ("start_negotiation", None, False),
    ("request_central_approval", None, False),
]


def walk(coop: Cooperation, target: str, *, office: User, centre: User) -> Cooperation:
    """Move `coop` from its start along the main line until it reaches `target`."""
    for action, document, by_centre in STEPS:
        if coop.state == target:
            break
        if document is not None:
            make_document(coop, kind=document, title=str(document), date_signed=date(2025, 1, 6))
        apply_transition(coop, action, by=centre if by_centre else office)
    assert coop.state == target, f"{coop.state} is not {target}"
    return coop
