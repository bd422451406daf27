"""workflow.py is the one catalogue of procedure facts: no other module keeps a table of kinds or
states, and every page, export and document reads the tables, so adding a kind or a state there
is enough for all of them to know it."""

import ast
from pathlib import Path

import pytest

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.cooperations.templatetags.mitra_format import kind_abbreviation, state_tone
from mitra.imports import vocabulary
from mitra.portal.stages import stage_of
from tests.catalogue_names import enum_aliases, names_a_member

ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = {
    "mitra/cooperations/workflow.py",
    "mitra/cooperations/models.py",
    "mitra/cooperations/choices.py",
}
# Words registers use for each kind and state: vocabulary, not procedure facts.
WORDS = {"mitra/imports/vocabulary.py"}
MEMBERS = {*Cooperation.State.names, *Cooperation.Kind.names}
ENUMS = {"State", "Kind"}


def tables_of_kinds_or_states(path: Path) -> list[int]:
    """Lines where a literal collection lists two or more cooperation kinds or states."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases = enum_aliases(tree, ENUMS, {"mitra.cooperations.choices"})
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            elements = list(node.keys) + list(node.values)
        elif isinstance(node, ast.Set | ast.List | ast.Tuple):
            elements = list(node.elts)
        else:
            continue
        if sum(names_a_member(e, aliases, MEMBERS, ENUMS) for e in elements) >= 2:
            lines.append(node.lineno)
    return lines


def application_modules() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "mitra").rglob("*.py")
        if "tests" not in p.parts and "migrations" not in p.parts and "demo" not in p.parts
    )


def test_the_scan_finds_a_table_of_states():
    sample = ROOT / "mitra/cooperations/workflow.py"
    assert tables_of_kinds_or_states(sample)


@pytest.mark.parametrize("module", application_modules())
def test_no_module_keeps_its_own_table_of_kinds_or_states(module):
    if module in CATALOGUE | WORDS:
        return
    found = tables_of_kinds_or_states(ROOT / module)
    assert found == [], f"{module}:{found}: read the tables of workflow.py instead"


@pytest.fixture
def changed_tables(monkeypatch):
    """The tables with one kind's abbreviation and one state's facts changed, as an edit would."""
    kind = Cooperation.Kind.FOREIGN_REGION
    state = Cooperation.State.EXPLORATION
    new_kind = workflow.KindFacts(**{**vars(workflow.KINDS[kind]), "abbreviation": "KSXX"})
    new_state = workflow.StateFacts(
        tone=workflow.Tone.STOPPED,
        public_stage=workflow.PublicStage.RENEWAL,
        live=False,
        signed=True,
        expected_days=7,
    )
    monkeypatch.setitem(workflow.KINDS, kind, new_kind)
    monkeypatch.setitem(workflow.STATES, state, new_state)
    vocabulary.kinds.cache_clear()
    yield kind, state
    vocabulary.kinds.cache_clear()


def test_pages_portal_and_import_read_the_tables(changed_tables):
    kind, state = changed_tables
    assert kind_abbreviation(kind) == "KSXX"
    assert state_tone(state) == "badge--stopped"
    assert stage_of(state) == workflow.PublicStage.RENEWAL
    assert vocabulary.kinds().candidates("KSXX") == {kind}


@pytest.mark.django_db
def test_queries_read_the_tables(changed_tables, tenant):
    from tests.procedure import cooperation_of_kind

    kind, state = changed_tables
    coop = cooperation_of_kind(tenant, kind)
    Cooperation.objects.filter(pk=coop.pk).update(state=state)
    assert not Cooperation.objects.filter(pk=coop.pk).live().exists()
    assert Cooperation.objects.filter(pk=coop.pk).signed().exists()


def test_the_generated_doc_reads_the_tables(changed_tables):
    import importlib.util

    spec = importlib.util.spec_from_file_location("workflow_doc", ROOT / "scripts/workflow_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    doc = module.render()
    assert "| KSXX |" in doc
    assert "| `exploration` (Penjajakan) | stopped | renewal | no | yes | 7 |" in doc


def test_a_state_told_as_intent_comes_after_the_loi_is_signed():
    """The public "letter of intent signed" only once the LoI signing has happened (Kaohsiung)."""
    sign_loi = next(t for t in workflow.TRANSITIONS if t.signs == workflow.LOI)
    for steps in workflow.FOREIGN_STEPS.values():
        signed_from = steps.index(sign_loi.target)
        for state in steps[:signed_from]:
            assert workflow.STATES[state].public_stage != workflow.PublicStage.INTENT, state


def test_every_signed_state_is_told_as_signed_to_the_public():
    told_unsigned = {workflow.PublicStage.EXPLORATION, workflow.PublicStage.INTENT}
    for state in workflow.SIGNED:
        assert workflow.STATES[state].public_stage not in told_unsigned, state
