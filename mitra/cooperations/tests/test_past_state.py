"""`record_past_state`: history that happened before Mitra (demo data, imported registers) is
recorded with a note, only along the procedure's transitions, and by nothing else."""

import ast
from pathlib import Path

import pytest

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, CooperationEvent
from mitra.cooperations.services import record_past_state
from mitra.lib.refusal import Refused
from mitra.tenancy.models import ProcedureOrder
from tests.factories import make_cooperation
from tests.procedure import cooperation_of_kind

pytestmark = pytest.mark.usefixtures("english")

ROOT = Path(__file__).resolve().parents[3]
# History from outside Mitra comes only from these.
ALLOWED_CALLERS = ("mitra/imports/", "mitra/demo/")
S = Cooperation.State


def test_recording_a_past_state_logs_source_target_and_note(tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    event = record_past_state(coop, S.EXPLORATION, by=cooperation_officer, note="Profiles sent")
    assert (event.source, event.target, event.note) == (
        "initiative",
        "exploration",
        "Profiles sent",
    )
    assert Cooperation.objects.get(pk=coop.pk).state == S.EXPLORATION


def test_a_past_state_may_skip_steps_the_procedure_leads_through(tenant):
    coop = make_cooperation(tenant)
    record_past_state(coop, S.IMPLEMENTATION, by=None, note="Signed in 2019, before Mitra")
    assert Cooperation.objects.get(pk=coop.pk).state == S.IMPLEMENTATION


@pytest.mark.parametrize("note", ["", "   "])
def test_a_past_state_without_a_note_is_refused(tenant, note):
    coop = make_cooperation(tenant)
    with pytest.raises(Refused) as refused:
        record_past_state(coop, S.EXPLORATION, by=None, note=note)
    assert "note" in " ".join(refused.value.problems)
    assert Cooperation.objects.get(pk=coop.pk).state == S.INITIATIVE
    assert not CooperationEvent.objects.filter(target=S.EXPLORATION).exists()


@pytest.mark.parametrize(
    ("kind", "first", "target"),
    [
        # A KSDD has no letter of intent: that is a step of foreign cooperation.
        (Cooperation.Kind.DOMESTIC_REGION, S.PREPARATION, S.LETTER_OF_INTENT),
        # A terminated cooperation has ended for good.
        (Cooperation.Kind.FOREIGN_REGION, S.TERMINATED, S.IMPLEMENTATION),
        # Nothing leads back from implementation to the letter of intent.
        (Cooperation.Kind.FOREIGN_REGION, S.IMPLEMENTATION, S.LETTER_OF_INTENT),
    ],
)
def test_a_past_state_the_procedure_cannot_reach_is_refused(tenant, kind, first, target):
    coop = cooperation_of_kind(tenant, kind)
    if coop.state != first:
        record_past_state(coop, first, by=None, note="Signed before Mitra")
    with pytest.raises(Refused) as refused:
        record_past_state(coop, target, by=None, note="From the register")
    assert "cannot lead" in " ".join(refused.value.problems)
    assert Cooperation.objects.get(pk=coop.pk).state == first
    assert not CooperationEvent.objects.filter(cooperation=coop, target=target).exists()


def test_an_unknown_state_is_refused(tenant):
    coop = make_cooperation(tenant)
    with pytest.raises(Refused):
        record_past_state(coop, "signed", by=None, note="From the register")
    assert Cooperation.objects.get(pk=coop.pk).state == S.INITIATIVE


def test_a_cooperation_on_hold_may_have_resumed_to_where_it_was_put_on_hold():
    kind, order = Cooperation.Kind.FOREIGN_REGION, ProcedureOrder.COUNCIL_FIRST
    reached = workflow.reachable_from(S.ON_HOLD_CENTRAL_REVIEW, kind, order)
    assert {S.EXPLORATION, S.SIGNING, S.WITHDRAWN} <= reached


@pytest.mark.parametrize("kind", Cooperation.Kind.values)
@pytest.mark.parametrize("order", ProcedureOrder.values)
def test_from_its_first_state_a_kind_reaches_what_its_procedure_reaches(kind, order):
    first = workflow.KINDS[kind].initial_state
    assert workflow.reachable_from(first, kind, order) == workflow.states_of(kind, order)


def _callers(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id == "record_past_state")
            or (isinstance(node.func, ast.Attribute) and node.func.attr == "record_past_state")
        )
    ]


def application_modules() -> list[Path]:
    """Every module that runs in production: the apps, the configuration, the scripts."""
    found = [
        *(ROOT / "mitra").rglob("*.py"),
        *(ROOT / "config").rglob("*.py"),
        *(ROOT / "scripts").rglob("*.py"),
    ]
    return sorted(p for p in found if "tests" not in p.parts and "migrations" not in p.parts)


def test_the_scan_finds_the_callers():
    assert _callers(ROOT / "mitra/imports/services.py")
    assert _callers(ROOT / "mitra/demo/load.py")


def test_only_the_import_and_the_demo_record_past_states():
    outside = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in application_modules()
        if not str(path.relative_to(ROOT)).startswith(ALLOWED_CALLERS)
        for line in _callers(path)
    ]
    assert outside == [], "moves made in Mitra go through apply_transition"
