"""The pipeline board: a tenant's live cooperations in columns, one column per procedure state.

Read-only; moves go through `apply_transition` like everywhere else. `move_for_drop` turns
"dropped in column X" into the one transition from the card's state whose target is X.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Final
from urllib.parse import urlencode

from django.contrib.auth.models import User
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, CooperationEvent
from mitra.cooperations.templatetags.mitra_format import state_label
from mitra.cooperations.transitions import roles_of
from mitra.cooperations.workflow import Transition
from mitra.lib.refusal import Refused
from mitra.lib.shortlist import Shortlist, first_rows_by
from mitra.lib.text import both
from mitra.tenancy.models import Tenant

DOMESTIC: Final = "domestic"
FOREIGN: Final = "foreign"
BOARDS: Final = (DOMESTIC, FOREIGN)
# Cards a column shows, in the list's order; the others are counted and linked to the register.
CARDS: Final = 6


@dataclass
class Card:
    coop: Cooperation
    days: int | None
    moves: list[Transition] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    grave: list[Transition] = field(default_factory=list)  # each through its confirmation page


@dataclass
class Column:
    """A step of the procedure with its first cards (`CARDS`), how many cooperations are at it,
    and the register filtered to them."""

    state: str
    cards: list[Card] = field(default_factory=list)
    total: int = 0
    more_url: str = ""

    @property
    def label(self) -> str:
        return state_label(self.state)

    @property
    def more(self) -> int:
        """How many cooperations at this step have no card on the board."""
        return self.total - len(self.cards)


def kinds_of(board: str) -> frozenset[str]:
    return workflow.DOMESTIC if board == DOMESTIC else workflow.FOREIGN


def tabs() -> list[tuple[str, str]]:
    """(board, label) for the switch between boards, foreign first, each named by its kinds in
    the table's order: "KSDPL and KSDLL", "KSDD and KSDPK"."""
    return [
        (board, both([workflow.abbreviation(k) for k in workflow.KINDS if k in kinds_of(board)]))
        for board in (FOREIGN, DOMESTIC)
    ]


def main_line(board: str, tenant: Tenant) -> tuple[str, ...]:
    """The board's columns before any cross-cutting state: the tenant's procedure order."""
    if board == DOMESTIC:
        return workflow.DOMESTIC_STEPS
    return workflow.FOREIGN_STEPS[Tenant.ProcedureOrder(tenant.procedure_order)]


def live_cooperations(queryset: QuerySet[Cooperation], board: str) -> QuerySet[Cooperation]:
    """Live (`CooperationQuerySet.live`), of the board's kinds, with when they entered their
    current state."""
    entered = (
        CooperationEvent.objects.filter(cooperation=OuterRef("pk"), target=OuterRef("state"))
        .moves()
        .order_by("-at", "-pk")
    )
    return (
        queryset.filter(pk__in=Cooperation.objects.live(), kind__in=kinds_of(board))
        .annotate(entered_at=Subquery(entered.values("at")[:1]))
        .prefetch_related("partners__country")
    )


def _days(coop: Cooperation, today: date) -> int | None:
    entered = getattr(coop, "entered_at", None)
    return None if entered is None else (today - timezone.localdate(entered)).days


def _open_to(coop: Cooperation, roles: frozenset[str]) -> list[Transition]:
    return [t for t in workflow.transitions_from(coop) if t.roles & roles]


def moves_for(coop: Cooperation, roles: frozenset[str]) -> list[Transition]:
    """The one-click moves ("Move to", drag and drop) from the card's state open to the role:
    never one that asks first, which only its confirmation page performs."""
    return [t for t in _open_to(coop, roles) if not t.asks_first]


def grave_moves_for(coop: Cooperation, roles: frozenset[str]) -> list[Transition]:
    """The moves that ask first, offered apart as links to their confirmation pages."""
    return [t for t in _open_to(coop, roles) if t.asks_first]


def _card(coop: Cooperation, today: date, roles: frozenset[str], problems: list[str]) -> Card:
    return Card(
        coop, _days(coop, today), moves_for(coop, roles), problems, grave_moves_for(coop, roles)
    )


def card_for(coop: Cooperation, roles: frozenset[str], problems: list[str]) -> Card:
    """One card outside a board, as sent back in place after a refused move."""
    return _card(coop, timezone.localdate(), roles, problems)


def first_cards(cooperations: QuerySet[Cooperation]) -> dict[str, Shortlist[Cooperation]]:
    """The first `CARDS` of `cooperations` at each state, in their order, and how many are at
    each; one query (and the partners' prefetch) however many there are."""
    return first_rows_by(cooperations, CARDS, F("state"))


def build_columns(
    shown: dict[str, Shortlist[Cooperation]],
    board: str,
    tenant: Tenant,
    roles: frozenset[str],
    filters: dict[str, str],
) -> list[Column]:
    """Main-line columns always; a cross-cutting column only when a card sits in it. Each links
    to the register at its state under the board's `filters` for the cards it does not show."""
    today = timezone.localdate()
    columns = {state: Column(state) for state in main_line(board, tenant)}
    for state in shown:
        columns.setdefault(state, Column(state))
    for state, column in columns.items():
        first = shown.get(state, Shortlist([], 0))
        column.cards = [_card(coop, today, roles, []) for coop in first.rows]
        column.total = first.total
        column.more_url = f"{reverse('cooperations:list')}?{urlencode({**filters, 'state': state})}"
    return list(columns.values())


def move_for_drop(coop: Cooperation, target: str, user: User) -> str:
    """The action of the one transition from the card's state to `target`, or Refused."""
    if target == coop.state:
        raise Refused([_("The cooperation is already at this step.")])
    matching = {t.action for t in moves_for(coop, roles_of(user, coop)) if t.target == target}
    names = {"source": state_label(coop.state), "target": state_label(target)}
    if not matching:
        raise Refused([_("No step you may take leads from “%(source)s” to “%(target)s”.") % names])
    if len(matching) > 1:
        raise Refused(
            [
                _(
                    "Several steps lead from “%(source)s” to “%(target)s”; choose one with “Move to”."
                )
                % names
            ]
        )
    return matching.pop()
