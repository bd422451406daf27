"""Where each missing thing is done: the links behind "what is missing" and the document form's
starting values, read from `rules.REMEDIES` and the workflow table.

A form starts from what Mitra knows: at the LoI step the document form offers an LoI, signed by
the region and the cooperation's partners, and every problem a guard finds links to the page
where it is put right.
"""

from datetime import date
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from mitra.cooperations import rules, workflow
from mitra.cooperations.models import AGREEMENT_KINDS, Cooperation, DocumentParty

# The documents that carry signing parties (each numbers it): what the form prefills them for.
SIGNED_DOCUMENTS = frozenset(workflow.SIGNABLE_DOCUMENTS) | AGREEMENT_KINDS

# How many moves ahead the document form looks for the document the procedure asks next.
LOOKAHEAD = 2


def remedy_url(coop: Cooperation, guard: str) -> str:
    """The page where what `guard` finds missing is put right."""
    remedy = rules.REMEDIES[guard]
    if remedy.document:
        return document_url(coop, remedy.document)
    if remedy.field:
        return f"{reverse('cooperations:edit', args=[coop.pk])}#id_{remedy.field}"
    return f"{coop.get_absolute_url()}#documents"


def document_url(coop: Cooperation, kind: str) -> str:
    """Completing the latest document of `kind` (its date, numbers or file) when one is recorded,
    else the document form with `kind` chosen. Reads the prefetched documents when loaded."""
    recorded = [d for d in coop.documents.all() if d.kind == kind]
    if recorded:
        latest = max(recorded, key=lambda d: d.pk)
        return reverse("cooperations:edit_document", args=[latest.pk])
    query = urlencode({"kind": kind})
    return f"{reverse('cooperations:add_document', args=[coop.pk])}?{query}"


def _main_moves(states: set[str], coop: Cooperation) -> list[workflow.Transition]:
    return [
        t
        for t in workflow.TRANSITIONS
        if t.source in states
        and not t.side
        and coop.kind in t.kinds
        and coop.procedure_order in t.orders
    ]


def document_kind_for_step(coop: Cooperation, today: date | None = None) -> str:
    """The document the procedure asks for next: the first one a main move from the current step
    (or, failing that, the move after it) still lacks, or the document that step's signing
    produces; "" when the procedure asks for none."""
    day = today or timezone.localdate()
    recorded = {d.kind for d in coop.documents.all()}
    states = {coop.state}
    for _depth in range(LOOKAHEAD):
        moves = _main_moves(states, coop)
        for move in moves:
            for guard in move.guards:
                kind = rules.REMEDIES[guard].document
                if kind and kind not in recorded and rules.GUARDS[guard](coop, day):
                    return kind
        signed = [m.signs.document for m in moves if m.signs and m.signs.document not in recorded]
        if signed:
            return signed[0]
        states = {m.target for m in moves}
    return ""


def signing_parties(coop: Cooperation) -> list[dict[str, str]]:
    """The parties' rows of a new signed document: the region first, then the partners."""
    names = [coop.tenant.name, *(p.name for p in coop.partners.all())]
    roles = DocumentParty.Role.values
    return [
        {"role": role, "name": names[i] if i < len(names) else ""} for i, role in enumerate(roles)
    ]
