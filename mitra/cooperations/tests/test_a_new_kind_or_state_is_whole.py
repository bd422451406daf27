"""A kind or a state added to the workflow tables is added whole (CONTRIBUTING.md, "Adding a kind
or a state"): each test names what a half-done addition still lacks and where it goes.

`workflow._check_tables` already refuses, at import, a member of `Kind` or `State` without its
row; these are the facts that live beside the rows and that no page fails without: the words a
register uses for it, its Indonesian step name in the generated doc, its place on a main line, a
partner kind that implies it, and at most one state per central review.
"""

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.utils import translation

from mitra.api.schemas import kinds_description
from mitra.cooperations import rules, workflow
from mitra.cooperations.choices import Kind, State, SubForm
from mitra.cooperations.forms import CooperationForm
from mitra.cooperations.models import Cooperation, Document, route_refusal
from mitra.imports import vocabulary
from mitra.imports.services import check_upload
from mitra.imports.template import HELP
from mitra.partners.models import Partner
from mitra.pipeline.board import tabs
from mitra.reviews.services import OUTCOMES
from mitra.tenancy.forms import TenantSettingsForm
from mitra.tenancy.models import Tenant
from tests.procedure import add_document, cooperation_of_kind

ROOT = Path(__file__).resolve().parents[3]
ORDERS = list(workflow.Order)


def _workflow_doc():
    spec = importlib.util.spec_from_file_location("workflow_doc", ROOT / "scripts/workflow_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def without_words(values, words) -> list[str]:
    return [value for value in values if not words.get(value)]


@pytest.mark.parametrize(
    ("values", "words", "table"),
    [
        (Kind.values, vocabulary.KIND_WORDS, "KIND_WORDS"),
        (State.values, vocabulary.STATE_WORDS, "STATE_WORDS"),
        (SubForm.values, vocabulary.SUB_FORM_WORDS, "SUB_FORM_WORDS"),
        (Partner.Kind.values, vocabulary.PARTNER_KIND_WORDS, "PARTNER_KIND_WORDS"),
    ],
    ids=["kinds", "states", "sub-forms", "partner kinds"],
)
def test_the_import_knows_the_registers_words_for_every_choice(values, words, table):
    missing = without_words(values, words)
    assert missing == [], (
        f"no register words for {missing}: add them to {table} in mitra/imports/vocabulary.py"
    )


def test_a_choice_without_register_words_is_found():
    assert without_words(["trial"], vocabulary.STATE_WORDS) == ["trial"]


def test_the_generated_doc_names_every_state_in_indonesian():
    missing = [state for state in State.values if state not in _workflow_doc().INDONESIAN]
    assert missing == [], (
        f"no Indonesian step name for {missing}: add it to INDONESIAN in scripts/workflow_doc.py"
    )


@pytest.mark.parametrize("kind", Kind.values)
def test_every_kind_label_says_its_abbreviation_first(kind):
    """`kind_description` and the import read what the abbreviation stands for from the label."""
    abbreviation = workflow.KINDS[kind].abbreviation
    with translation.override("en"):
        label = str(Kind(kind).label)
    assert label.startswith(f"{abbreviation}: "), (
        f"the label of {kind} is {label!r}: write it as '{abbreviation}: with ...' in "
        "mitra/cooperations/choices.py"
    )


def test_every_partner_kind_implies_exactly_one_cooperation_kind():
    """`workflow.kind_of_partner` picks the kind a partner implies (the new-cooperation form,
    the import, the news intake)."""
    kinds_of = {
        partner_kind: [
            str(k) for k, facts in workflow.KINDS.items() if partner_kind in facts.partner_kinds
        ]
        for partner_kind in Partner.Kind.values
    }
    wrong = {partner_kind: kinds for partner_kind, kinds in kinds_of.items() if len(kinds) != 1}
    assert wrong == {}, (
        f"partner kinds in none or several rows of KINDS: {wrong}; give each partner kind "
        "(Partner.Kind, mitra/partners/models.py) to one row of KINDS in workflow.py"
    )


# A flag of KINDS and the guard that acts on it, in a move of the procedure's template.
FLAG_GUARDS = {
    "has_route": "route_recorded_if_needed",
    "needs_feasibility_study": "has_feasibility_study_if_needed",
}


def flags_no_move_checks(kind: str) -> list[str]:
    facts = workflow.KINDS[kind]
    guarded = {g for t in workflow.TRANSITIONS if kind in t.kinds for g in t.guards}
    return [
        flag for flag, guard in FLAG_GUARDS.items() if getattr(facts, flag) and guard not in guarded
    ]


@pytest.mark.parametrize("kind", Kind.values)
def test_every_flag_of_a_kind_is_checked_by_a_move_of_its_procedure(kind):
    """The route is asked before exploration ends (a foreign step), the feasibility study
    before the offer (a domestic step): a flag on a kind whose procedure lacks the step would
    say something no move enforces."""
    unchecked = flags_no_move_checks(kind)
    assert unchecked == [], (
        f"{kind} has {unchecked} in KINDS, but no move of its procedure names "
        f"{[FLAG_GUARDS[f] for f in unchecked]}: name the guard in a transition of its template "
        "(mitra/cooperations/workflow.py) or clear the flag"
    )


def test_a_flag_no_move_checks_is_found(monkeypatch):
    facts = workflow.KINDS[Kind.DOMESTIC_REGION]
    flagged = workflow.KindFacts(**{**vars(facts), "has_route": True})
    monkeypatch.setitem(workflow.KINDS, Kind.DOMESTIC_REGION, flagged)
    assert flags_no_move_checks(Kind.DOMESTIC_REGION) == ["has_route"]


@dataclass
class Procedure:
    """What `workflow.steps_for` reads of a cooperation."""

    kind: str
    state: str
    procedure_order: str


@pytest.mark.parametrize("kind", Kind.values)
def test_a_kinds_partners_are_abroad_exactly_when_the_kind_is_foreign(kind):
    """A partner abroad needs a country (`partner_field_problems`); one in Indonesia has none."""
    facts = workflow.KINDS[kind]
    wrong = sorted(
        str(p) for p in facts.partner_kinds if (p not in Partner.DOMESTIC_KINDS) != facts.foreign
    )
    assert wrong == [], (
        f"{kind} is {'foreign' if facts.foreign else 'domestic'} but its partner kinds {wrong} "
        "are not: list a partner kind in Indonesia in Partner.DOMESTIC_KINDS "
        "(mitra/partners/models.py)"
    )


@pytest.mark.parametrize("kind", Kind.values)
def test_every_kind_offers_first_a_partner_kind_it_takes(kind):
    facts = workflow.KINDS[kind]
    assert facts.default_partner_kind in facts.partner_kinds, (
        f"the default partner kind of {kind} is not among its partner_kinds in KINDS (workflow.py)"
    )


def off_the_main_line(kind: str, order: str) -> list[str]:
    """Live, unsigned, moving states a procedure reaches that are not among its steps."""
    line = workflow.steps_for(Procedure(kind, workflow.KINDS[kind].initial_state, order))
    return sorted(
        str(state)
        for state in workflow.states_of(kind, order)
        if state not in line
        and workflow.STATES[state].live
        and not workflow.STATES[state].signed
        and not workflow.STATES[state].paused
        and not workflow.STATES[state].past_signing
    )


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("kind", Kind.values)
def test_every_step_before_signing_is_on_the_kinds_main_line(kind, order):
    """The steps bar, the pipeline's columns and the moves to put on hold, withdraw or record a
    refusal are read from the main line (`DOMESTIC_STEPS`, `FOREIGN_STEPS`)."""
    missing = off_the_main_line(kind, order)
    assert missing == [], (
        f"{kind} ({order}) reaches {missing}, on no main line: add them to DOMESTIC_STEPS or "
        "FOREIGN_STEPS in mitra/cooperations/workflow.py (steps_for)"
    )


def test_a_step_left_off_the_main_line_is_found(monkeypatch):
    line = tuple(s for s in workflow.DOMESTIC_STEPS if s != State.OFFER)
    monkeypatch.setattr(workflow, "DOMESTIC_STEPS", line)
    assert State.OFFER in off_the_main_line(Kind.DOMESTIC_REGION, workflow.Order.COUNCIL_FIRST)


def test_each_central_review_is_opened_by_one_state():
    """`STATE_OF_REVIEW` maps a review kind to its one state; a second state with the same review
    would silently replace the first for the review queue and its decisions."""
    by_review: dict[str, list[str]] = {}
    for state, facts in workflow.STATES.items():
        if facts.review:
            by_review.setdefault(str(facts.review), []).append(str(state))
    shared = {review: states for review, states in by_review.items() if len(states) > 1}
    assert shared == {}, (
        f"central reviews opened by several states: {shared}; a new review needs its own "
        "ReviewKind in workflow.py and its outcomes in OUTCOMES (mitra/reviews/services.py)"
    )


def test_every_decision_on_a_central_review_has_its_outcome():
    """What a decision leaves (the request's status, the document) is `OUTCOMES` in
    mitra/reviews/services.py, beside the move the table records it with."""
    missing = [
        (review, decision)
        for review in workflow.STATE_OF_REVIEW
        for decision in workflow.decisions_of(review)
        if (review, decision) not in OUTCOMES
    ]
    assert missing == [], f"add the outcomes of {missing} to OUTCOMES in mitra/reviews/services.py"


@pytest.fixture
def a_kind_more(monkeypatch):
    """A fifth, foreign kind in the table: "KSDX", with foreign governments as partners, a route
    and a feasibility study. Its label ("KSDX: with a foreign government") would be a member of
    `Kind`, which cannot grow while the tests run: what the texts read of it is given here."""
    facts = workflow.KindFacts(
        abbreviation="KSDX",
        foreign=True,
        partner_kinds=frozenset({Partner.Kind.FOREIGN_GOVERNMENT}),
        default_partner_kind=Partner.Kind.FOREIGN_GOVERNMENT,
        sub_forms=frozenset(),
        initial_state=State.INITIATIVE,
        has_route=True,
        needs_feasibility_study=True,
    )
    monkeypatch.setattr(workflow, "KINDS", {**workflow.KINDS, "trial": facts})
    monkeypatch.setattr(workflow, "FOREIGN", workflow.FOREIGN | {"trial"})
    described = workflow.kind_description
    monkeypatch.setattr(
        workflow,
        "kind_description",
        lambda kind: "with a foreign government" if kind == "trial" else described(kind),
    )


def test_the_texts_naming_the_kinds_name_a_new_kind(a_kind_more, english):
    """The import's help, the API's description, the form's labels and the pipeline's tabs are
    read from KINDS (CONTRIBUTING.md lists no text to edit by hand for a new kind)."""
    labels = {name: str(field.label) for name, field in CooperationForm.base_fields.items()}
    assert str(HELP["kind"]).startswith("KSDD, KSDPK, KSDPL, KSDLL or KSDX, or their full names.")
    assert str(HELP["partner_kind"]).endswith(
        "a foreign institution for a KSDLL, a foreign government for a KSDX."
    )
    assert "for a KSDPL, KSDLL or KSDX an MoU once signed" in str(HELP["document_kind"])
    assert kinds_description() == "KSDD, KSDPK, KSDPL, KSDLL or KSDX"
    assert labels["objects_of_cooperation"] == "Objects (KSDPL, KSDLL, KSDX)"
    assert labels["affairs"] == "Government affairs (KSDD, KSDPK)"
    assert tabs() == [("foreign", "KSDPL, KSDLL and KSDX"), ("domestic", "KSDD and KSDPK")]


@pytest.mark.django_db
def test_the_import_asks_for_a_new_kind_among_the_others(
    a_kind_more, english, tenant, cooperation_officer
):
    content = b"Judul,Jenis,Mitra,Negara\nA,,,Indonesia\n"
    run = check_upload(tenant, by=cooperation_officer, file_name="r.csv", content=content)
    messages = [p["message"] for p in run.report["problems"] if p["column"] == "B"]
    assert messages == ["Give the kind of cooperation: KSDD, KSDPK, KSDPL, KSDLL or KSDX."]


def test_the_texts_of_a_kinds_facts_name_a_new_kind_with_them(a_kind_more, english):
    """The route's texts name the kinds with a route, the settings' label the kinds the
    procedure order shapes, the objects' label the foreign kinds: read from KINDS."""
    form = CooperationForm.base_fields
    field = Cooperation._meta.get_field
    settings_label = TenantSettingsForm.base_fields["procedure_order"].label
    assert str(workflow.ROUTE_LABEL) == "KSDLL/KSDX route"
    assert str(field("route").verbose_name) == "KSDLL/KSDX route"
    assert str(form["route"].help_text) == (
        "Only for a cooperation with a foreign institution (KSDLL) or with a foreign government "
        "(KSDX)."
    )
    assert route_refusal() == (
        "Only a cooperation with a foreign institution (KSDLL) or with a foreign government "
        "(KSDX) has a route."
    )
    assert str(HELP["route"]).startswith("KSDLL or KSDX only: continuation")
    assert str(field("objects_of_cooperation").verbose_name) == "objects (KSDPL/KSDLL/KSDX)"
    assert str(field("burdens_public").help_text).endswith("a KSDD/KSDPK needs DPRD approval.")
    assert str(Tenant._meta.get_field("procedure_order").verbose_name) == (
        "order of DPRD approval and central verification (KSDPL/KSDLL/KSDX)"
    )
    assert str(settings_label).endswith("(KSDPL/KSDLL/KSDX)")


def test_a_new_kind_with_a_route_is_asked_for_it_by_the_rules(a_kind_more, english):
    """`route_fits_kind` and `route_recorded_if_needed` read `has_route`, the refusal names
    the kind by its abbreviation."""
    assert rules.route_fits_kind("trial", Cooperation.Route.CONTINUATION) == []
    assert rules.route_fits_kind(Kind.FOREIGN_REGION, Cooperation.Route.CONTINUATION) == [
        "Only a cooperation with a foreign institution (KSDLL) or with a foreign government "
        "(KSDX) has a route."
    ]
    without_route = Cooperation(kind="trial", route="")
    assert rules.route_recorded_if_needed(without_route) == [
        "Record the KSDX route (continuation of a central-government cooperation, or other "
        "with central approval) before exploration ends."
    ]
    with_route = Cooperation(kind="trial", route=Cooperation.Route.APPROVED_OTHER)
    assert rules.route_recorded_if_needed(with_route) == []


@pytest.mark.django_db
def test_a_new_kind_needing_a_feasibility_study_is_asked_for_it(a_kind_more, english, tenant):
    """`has_feasibility_study_if_needed` reads `needs_feasibility_study`."""
    coop = cooperation_of_kind(tenant, Kind.DOMESTIC_REGION)
    assert rules.has_feasibility_study_if_needed(coop) == []
    coop.kind = "trial"  # read by the rule only, never saved
    assert rules.has_feasibility_study_if_needed(coop) == ["Attach the feasibility study."]
    add_document(coop, Document.Kind.FEASIBILITY_STUDY)
    assert rules.has_feasibility_study_if_needed(coop) == []


def test_the_route_constraint_allows_a_route_to_the_kinds_with_one():
    """The database's twin of `route_fits_kind`: a kind given a route in KINDS needs a migration
    (`makemigrations cooperations`), which this constraint then carries."""
    [constraint] = [c for c in Cooperation._meta.constraints if "route" in c.name]
    _route_empty, (lookup, kinds) = constraint.condition.children
    assert (lookup, list(kinds)) == ("kind__in", workflow.kinds_with_a_route())
