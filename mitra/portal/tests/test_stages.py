"""The public stage: every state of the procedure is told to the public as exactly one stage."""

import pytest

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.portal.stages import STAGE_TONES, Stage, public_stage, stage_of


@pytest.mark.parametrize("state", Cooperation.State.values)
def test_every_state_has_a_public_stage_with_a_badge(state):
    assert state in workflow.STATES
    assert stage_of(state) in STAGE_TONES


def test_every_stage_is_reached_by_some_state():
    assert {facts.public_stage for facts in workflow.STATES.values()} == set(Stage)


@pytest.mark.parametrize(
    ("state", "stage"),
    [
        ("exploration", Stage.EXPLORATION),
        ("preparation", Stage.EXPLORATION),
        # The LoI is signed on leaving its step: while preparing it the public sees exploring.
        ("letter_of_intent", Stage.EXPLORATION),
        ("cooperation_plan", Stage.INTENT),
        ("text_negotiation", Stage.PREPARATION),
        ("on_hold_central_review", Stage.PREPARATION),
        ("implementation", Stage.IN_FORCE),
        ("renewal_in_progress", Stage.RENEWAL),
        ("dormant", Stage.INACTIVE),
        ("expired", Stage.ENDED),
        ("withdrawn", Stage.NOT_CONTINUED),
    ],
)
def test_states_read_as_plain_stages(state, stage):
    assert stage_of(state) == stage


def test_a_signed_loi_raises_only_an_explored_cooperation_to_loi_signed():
    assert public_stage("letter_of_intent", ["letter_of_intent"]) == Stage.INTENT
    assert public_stage("letter_of_intent", ["mou"]) == Stage.EXPLORATION
    assert public_stage("letter_of_intent") == Stage.EXPLORATION
    # Later stages stay theirs: an old LoI does not pull a cooperation in force back.
    assert public_stage("implementation", ["letter_of_intent"]) == Stage.IN_FORCE
