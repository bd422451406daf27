"""Moving a cooperation along its procedure: the next-step query and `apply_transition`.

UI, API and commands all ask `next_steps` what is open to a user and why the rest is blocked,
and all move cooperations with `apply_transition`, which re-checks everything under a row lock.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.cooperations import remedies, rules, workflow
from mitra.cooperations.models import Cooperation, CooperationEvent
from mitra.cooperations.workflow import PRIOR_STATE, SYSTEM, Transition
from mitra.lib.refusal import Refused
from mitra.lib.tenant_changes import changed
from mitra.partners.models import Partner
from mitra.tenancy.models import Membership


@dataclass(frozen=True)
class Missing:
    """One thing a step still lacks, and the page where it is done."""

    text: str
    url: str


@dataclass(frozen=True)
class NextStep:
    """A transition open from the current state and, if it cannot be taken yet, why not (with
    `missing`, each reason linked to where it is put right)."""

    transition: Transition
    problems: list[str] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.problems

    @property
    def action(self) -> str:
        return self.transition.action


def roles_of(
    user: User | None, coop: Cooperation, memberships: Iterable[Membership] | None = None
) -> frozenset[str]:
    """The roles `user` holds for this cooperation: its tenant's, or Kemendagri's; None is the
    system. A request passes the user's `memberships` its middleware read, saving the query."""
    if user is None:
        return frozenset({SYSTEM})
    if memberships is None:
        memberships = Membership.objects.filter(user=user)
    return roles_in(memberships, coop.tenant_id)


def roles_in(memberships: Iterable[Membership], tenant_id: int) -> frozenset[str]:
    """The roles these memberships give for a tenant's cooperations (Kemendagri's included)."""
    return frozenset(
        m.role
        for m in memberships
        if m.tenant_id == tenant_id or m.role == Membership.Role.CENTRAL_REVIEWER
    )


def problems_for(
    coop: Cooperation, transition: Transition, today: date | None = None, *, skip: str = ""
) -> list[str]:
    """What the transition's guards find against it on `today` (default: the local today),
    leaving out the guard named `skip` (a signing being planned produces its own document)."""
    day = today or timezone.localdate()
    return [
        problem
        for name in transition.guards
        if name != skip
        for problem in rules.GUARDS[name](coop, day)
    ]


def step_for(coop: Cooperation, transition: Transition, today: date | None = None) -> NextStep:
    """The transition with what its guards find against it, each problem linked to its remedy."""
    day = today or timezone.localdate()
    missing = [
        Missing(problem, remedies.remedy_url(coop, name))
        for name in transition.guards
        for problem in rules.GUARDS[name](coop, day)
    ]
    return NextStep(transition, [m.text for m in missing], missing)


def guard_facts(path: str = "") -> tuple[str | Prefetch[Any], ...]:
    """What the guards read, as prefetches from `path` (`"cooperation__"` from a planned
    signing): loaded once, so checking every open transition costs three queries however many
    documents the cooperation has."""
    partners = Partner.objects.select_related("country")
    return (f"{path}documents__parties", Prefetch(f"{path}partners", queryset=partners))


def next_steps(
    coop: Cooperation, user: User | None, roles: frozenset[str] | None = None
) -> list[NextStep]:
    """The transitions `user` (holding `roles`, read when not given) may perform now, each with
    the requirements still unmet, from the cooperation as it is stored now."""
    if roles is None:
        roles = roles_of(user, coop)
    return steps_open(Cooperation.objects.prefetch_related(*guard_facts()).get(pk=coop.pk), roles)


def steps_open(coop: Cooperation, roles: frozenset[str]) -> list[NextStep]:
    """`next_steps` from the cooperation as the caller loaded it for this request (a
    cooperation's page loads its documents and partners anyway): the guards read the facts
    prefetched with `guard_facts`, and what is not loaded is loaded here."""
    prefetch_related_objects([coop], *guard_facts())
    return [step_for(coop, t) for t in workflow.transitions_from(coop) if t.roles & roles]


@dataclass(frozen=True)
class OthersStep:
    """A main step open from here that another role of the office takes, and who takes it."""

    transition: Transition
    taken_by: str


def steps_of_others(
    coop: Cooperation, user: User | None, roles: frozenset[str] | None = None
) -> list[OthersStep]:
    """The main steps from the cooperation's state that `user`'s roles (`roles`, read when not
    given) may not take but the region's other roles may (an OPD officer at a step of the
    cooperation unit): the page says who takes them rather than that there is nothing to do.
    Kemendagri's are told apart."""
    if roles is None:
        roles = roles_of(user, coop)
    office = frozenset(Membership.Role.values) - workflow.CENTRE
    return [
        OthersStep(t, taken_by(t, coop.tenant.cooperation_unit))
        for t in workflow.transitions_from(coop)
        if not t.side and t.roles & office and not t.roles & roles
    ]


def taken_by(transition: Transition, cooperation_unit: str) -> str:
    """Who takes a move: the region's cooperation unit by name when it is recorded, else the
    roles that may."""
    if Membership.Role.COOPERATION_OFFICER in transition.roles and cooperation_unit:
        return cooperation_unit
    return ", ".join(
        str(Membership.Role(role).label)
        for role in Membership.Role.values
        if role in transition.roles and role != Membership.Role.TENANT_ADMIN
    )


def prior_state(coop: Cooperation) -> str:
    """The state a cooperation on hold came from: the source of its latest move onto hold."""
    event = (
        CooperationEvent.objects.filter(
            cooperation=coop, target=Cooperation.State.ON_HOLD_CENTRAL_REVIEW
        )
        .order_by("-at", "-pk")
        .first()
    )
    if event is None or not event.source:
        raise Refused([_("The state before the hold is not recorded; it cannot be resumed.")])
    return event.source


@transaction.atomic
def apply_transition(
    coop: Cooperation,
    action: str,
    *,
    by: User | None,
    note: str = "",
    expected_state: str | None = None,
    today: date | None = None,
) -> CooperationEvent:
    """Move a cooperation one step, or raise Refused listing every unmet requirement.

    The row is locked, so of two conflicting moves exactly one wins; the other is refused because
    the state it started from (`expected_state`, by default the caller's copy) is gone. `today`
    lets a catch-up run judge dates as of the day it stands for.
    """
    expected = expected_state or coop.state
    locked = Cooperation.objects.select_for_update().select_related("tenant").get(pk=coop.pk)
    if locked.state != expected:
        raise Refused(
            [
                _("The cooperation has meanwhile moved to “%(state)s”; reload and try again.")
                % {"state": locked.get_state_display()}
            ]
        )
    transition = workflow.find(locked, action)
    if transition is None:
        raise Refused(
            [
                _("“%(action)s” is not possible from “%(state)s”.")
                % {
                    "action": workflow.ACTION_LABELS.get(action, action),
                    "state": locked.get_state_display(),
                }
            ]
        )
    if not transition.roles & roles_of(by, locked):
        raise Refused([_("Your role may not perform “%(action)s”.") % {"action": transition.label}])
    prefetch_related_objects([locked], *guard_facts())  # only for a move the role may make
    problems = reason_missing(transition, note) + problems_for(locked, transition, today)
    if problems:
        raise Refused(problems)
    target = prior_state(locked) if transition.target == PRIOR_STATE else transition.target
    source = locked.state
    locked.state = target
    locked.save(update_fields=["state", "updated_at"])
    coop.state = target
    event = log_event(locked, action=action, source=source, target=target, by=by, note=note)
    _after_transition(locked, event)
    return event


def reason_missing(transition: Transition, note: str) -> list[str]:
    """A move that asks first (it cannot be undone, or it stops the work) needs a reason, kept as
    the event's note: whoever reads the history later learns why."""
    if not transition.asks_first or note.strip():
        return []
    if transition.irreversible:
        message = _("“%(action)s” cannot be undone: give the reason, it is kept in the history.")
    else:
        message = _("“%(action)s” stops the cooperation's work: give the reason for the history.")
    return [message % {"action": transition.label}]


def log_event(
    coop: Cooperation, *, action: str, source: str, target: str, by: User | None, note: str
) -> CooperationEvent:
    """Write one row of a cooperation's history: the only place that creates `CooperationEvent`
    (moves, creation, imported history and events that leave the state as it is)."""
    changed([coop.tenant_id])  # the tenant's kept figures are computed again
    return CooperationEvent.objects.create(
        tenant_id=coop.tenant_id,
        cooperation=coop,
        action=action,
        source=source,
        target=target,
        by=by,
        note=note,
        at=timezone.now(),
    )


def revive_if_dormant(
    coop: Cooperation, *, by: User | None, because: str
) -> CooperationEvent | None:
    """A dormant cooperation that shows life again (an activity, a progress report) goes back to
    implementation through the workflow, recorded with the reason. Nothing happens when it is not
    dormant or the person may not revive it (the activity is kept either way)."""
    if coop.state != Cooperation.State.DORMANT:
        return None
    try:
        with transaction.atomic():
            return apply_transition(coop, "revive", by=by, note=because)
    except Refused:
        return None


TransitionHook = Callable[[Cooperation, CooperationEvent], None]

# What apps above this one do after every move, under the row lock, in the same transaction.
# Each registers in its AppConfig.ready() (reviews: open or close the central review request);
# the engine imports none of them.
AFTER_TRANSITION: list[TransitionHook] = []


def after_transition(hook: TransitionHook) -> None:
    """Run `hook(cooperation, event)` after every transition (once, however often registered)."""
    if hook not in AFTER_TRANSITION:
        AFTER_TRANSITION.append(hook)


def _after_transition(coop: Cooperation, event: CooperationEvent) -> None:
    for hook in AFTER_TRANSITION:
        hook(coop, event)
