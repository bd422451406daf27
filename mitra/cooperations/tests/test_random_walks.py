"""Random walks through the procedure by random roles never sign without the documents the law
requires, and never leave the table."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mitra.cooperations import rules
from mitra.cooperations.models import Cooperation, CooperationEvent, Document
from mitra.cooperations.services import apply_transition
from mitra.cooperations.workflow import PRIOR_STATE, TRANSITIONS, steps_for, transitions_from
from mitra.lib.refusal import Refused
from tests.procedure import ALL_ROLES, add_document, cooperation_of_kind, partner_for, user_with

pytestmark = [pytest.mark.django_db, pytest.mark.long]

TABLE = {(t.source, t.action) for t in TRANSITIONS}
# What must be on file when each signing is recorded (Permendagri 22/2020 and 25/2020).
SIGNING_NEEDS = {
    "sign_mou": [
        rules.has_council_approval,
        rules.has_government_approval,
        rules.has_full_powers,
        rules.has_signed_mou,
        rules.central_guidance_without_relations,
    ],
    "sign_pks": [rules.has_signed_implementing_agreement, rules.has_signed_framework_agreement],
    "sign_framework": [rules.has_signed_framework_agreement],
    "sign_loi": [rules.has_signed_letter_of_intent, rules.central_guidance_without_relations],
}

# Documents the procedure asks for come up more often than the rest, and are mostly signed.
PROCEDURE_KINDS = [
    "staff_note", "feasibility_study", "offer_letter", "framework_agreement", "council_approval",
    "implementing_agreement", "letter_of_intent", "cooperation_plan", "central_verification",
    "government_approval", "full_powers", "mou", "central_guidance",
]  # fmt: skip
ROLES = [*ALL_ROLES, "cooperation_officer", "cooperation_officer", "central_reviewer"]
# "supply" attaches the documents a forward transition's guards name, signed or not, so that
# walks get as far as the signings; the guards still decide.
GUARD_DOCUMENTS = {
    "has_staff_note": "staff_note",
    "has_feasibility_study_if_needed": "feasibility_study",
    "has_offer_letter": "offer_letter",
    "has_signed_framework_agreement": "framework_agreement",
    "has_council_approval": "council_approval",
    "has_signed_implementing_agreement": "implementing_agreement",
    "has_signed_letter_of_intent": "letter_of_intent",
    "has_cooperation_plan": "cooperation_plan",
    "has_central_verification": "central_verification",
    "has_government_approval": "government_approval",
    "has_full_powers": "full_powers",
    "has_signed_mou": "mou",
    "central_guidance_without_relations": "central_guidance",
}
step = st.one_of(
    st.tuples(st.just("supply"), st.integers(min_value=0, max_value=10), st.booleans()),
    st.tuples(
        st.just("document"),
        st.sampled_from([*PROCEDURE_KINDS, *PROCEDURE_KINDS, *Document.Kind.values]),
        st.sampled_from([True, True, True, False]),
    ),
    # A move picks one of the transitions the table offers from wherever the walk stands.
    st.tuples(st.just("move"), st.integers(min_value=0, max_value=50), st.sampled_from(ROLES)),
)


class Rollback(Exception):
    pass


@settings(
    max_examples=60,
    derandomize=True,  # the same walks on every run: CI never flakes on a lucky draw
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    kind=st.sampled_from(Cooperation.Kind.values),
    country=st.sampled_from(["KR", "TW", "SG"]),
    steps=st.lists(step, min_size=80, max_size=160),
)
def random_walks(tenant, kind, country, steps):
    try:
        with transaction.atomic():
            walk(tenant, kind, country, steps)
            raise Rollback
    except Rollback:
        pass


def walk(tenant, kind, country, steps):
    foreign = kind in ("foreign_region", "foreign_institution")
    partners = [partner_for(tenant, kind, country)] if foreign else [partner_for(tenant, kind)]
    coop = cooperation_of_kind(tenant, kind, partners=partners)
    users = {role: user_with(role, tenant) for role in ALL_ROLES}
    for what, choice, detail in steps:
        if what == "document":
            add_document(coop, choice, signed=detail)
            continue
        if what == "supply":
            for t in transitions_from(coop):
                for guard in t.guards:
                    if guard in GUARD_DOCUMENTS and choice < 8:
                        add_document(coop, GUARD_DOCUMENTS[guard], signed=detail or choice < 6)
            continue
        offered = transitions_from(coop)
        if not offered:  # withdrawn, rejected, terminated: the walk is over
            break
        # Mostly forward, sometimes anything (holds, refusals, withdrawals, loops).
        line = steps_for(coop)
        forward = [
            t
            for t in offered
            if t.source in line and t.target in line and line.index(t.target) > line.index(t.source)
        ] or offered
        pool = forward if choice < 40 else offered
        action = sorted(t.action for t in pool)[choice % len(pool)]
        try:
            event = apply_transition(coop, action, by=users[detail])
        except Refused:
            coop.refresh_from_db()
            continue
        assert (event.source, action) in TABLE
        assert coop.state in Cooperation.State.values
        for need in SIGNING_NEEDS.get(action, []):
            assert need(coop) == [], (action, need.__name__)
        REACHED.add(coop.state)
    states = set(CooperationEvent.objects.filter(cooperation=coop).values_list("target", flat=True))
    assert states <= set(Cooperation.State.values)
    assert PRIOR_STATE not in states


REACHED: set[str] = set()


def test_random_walks_respect_the_procedure_and_reach_the_signings(tenant):
    random_walks(tenant)
    # The walks are worth something only if some of them get as far as a signing.
    assert "implementation" in REACHED
