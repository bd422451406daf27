"""Two officers move the same cooperation at the same moment: exactly one wins."""

import threading

import pytest
from django.db import connection, connections
from django.utils import translation

from mitra.cooperations.models import Cooperation, CooperationEvent
from mitra.cooperations.services import apply_transition
from mitra.lib.refusal import Refused
from mitra.tenancy.models import Membership
from tests.factories import make_tenant, make_user
from tests.procedure import cooperation_of_kind

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are PostgreSQL's; the test command runs this on PostgreSQL",
    ),
]


def race(coop, moves):
    """Run each (action, user) in its own thread and connection, all starting together."""
    barrier = threading.Barrier(len(moves))
    outcomes = {}

    def run(action, user):
        stale = Cooperation.objects.get(pk=coop.pk)
        barrier.wait()
        translation.activate("en")
        try:
            apply_transition(stale, action, by=user, note="Uji balapan")
            outcomes[action] = "won"
        except Refused as refused:
            outcomes[action] = refused.problems[0]
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=move) for move in moves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.parametrize("attempt", range(3))
def test_two_conflicting_transitions_exactly_one_wins(reference_data, attempt):
    tenant = make_tenant("7371")
    first = make_user(tenant, Membership.Role.COOPERATION_OFFICER)
    second = make_user(tenant, Membership.Role.TENANT_ADMIN)
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)

    outcomes = race(coop, [("start_exploration", first), ("withdraw", second)])

    assert sorted(outcomes.values()).count("won") == 1
    loser = next(message for message in outcomes.values() if message != "won")
    assert "meanwhile moved" in loser
    coop.refresh_from_db()
    winner = next(action for action, message in outcomes.items() if message == "won")
    assert coop.state == {"start_exploration": "exploration", "withdraw": "withdrawn"}[winner]
    assert CooperationEvent.objects.filter(cooperation=coop).exclude(action="create").count() == 1
