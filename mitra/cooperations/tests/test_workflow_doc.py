"""docs/workflow.md is generated from the workflow table and can never drift from it."""

import importlib.util
import re
from pathlib import Path

import pytest

from mitra.cooperations.workflow import PRIOR_STATE, TRANSITIONS

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("workflow_doc", ROOT / "scripts/workflow_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def doc(generator):
    return generator.render()


def test_the_committed_doc_is_the_generators_output(doc):
    committed = (ROOT / "docs/workflow.md").read_text(encoding="utf-8")
    assert committed == doc, "run: .venv/bin/python scripts/workflow_doc.py --write"


def test_the_output_is_deterministic_and_english_whatever_the_language(generator, doc):
    from django.utils import translation

    with translation.override("id"):
        assert generator.render() == doc


def test_every_state_of_the_table_appears_in_the_doc(doc):
    states = {s for t in TRANSITIONS for s in (t.source, t.target)} - {PRIOR_STATE}
    assert {s for s in states if f"`{s}`" not in doc} == set()


@pytest.mark.parametrize("t", TRANSITIONS, ids=lambda t: f"{t.source}:{t.action}")
def test_every_transition_appears_in_a_table_row(t, doc):
    rows = [line for line in doc.splitlines() if line.startswith(f"| `{t.action}`")]
    assert any(f"`{t.source}`" in row for row in rows)


def test_every_guard_is_explained(doc):
    for guard in {g for t in TRANSITIONS for g in t.guards}:
        assert re.search(rf"^\| `{guard}` \| \S", doc, re.MULTILINE), guard
