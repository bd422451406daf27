"""The guards explain themselves: each names what is missing, in the user's language."""

import pytest
from django.utils import translation

from mitra.cooperations import rules
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import apply_transition, next_steps, record_past_state
from mitra.lib.refusal import Refused
from mitra.partners.models import Country
from tests.factories import make_partner
from tests.procedure import add_document, cooperation_of_kind, partner_for

pytestmark = pytest.mark.django_db

FOREIGN = Cooperation.Kind.FOREIGN_REGION


def refusal(coop, action, user):
    with pytest.raises(Refused) as refused:
        apply_transition(coop, action, by=user)
    return refused.value.problems


def test_leaving_the_loi_step_needs_a_signed_loi(tenant, cooperation_officer, english):
    coop = cooperation_of_kind(tenant, FOREIGN)
    record_past_state(coop, "letter_of_intent", by=None, note="test setup")
    assert refusal(coop, "sign_loi", cooperation_officer) == [
        "Attach the signed letter of intent (LoI) with its date of signing."
    ]
    add_document(coop, Document.Kind.LETTER_OF_INTENT, signed=False)
    assert refusal(coop, "sign_loi", cooperation_officer) == [
        "Record the date of signing of the letter of intent (LoI)."
    ]
    add_document(coop, Document.Kind.LETTER_OF_INTENT)
    assert apply_transition(coop, "sign_loi", by=cooperation_officer).target == "cooperation_plan"


def test_the_refusal_is_in_indonesian_by_default(tenant, cooperation_officer):
    coop = cooperation_of_kind(tenant, FOREIGN)
    record_past_state(coop, "letter_of_intent", by=None, note="test setup")
    with translation.override("id"):
        problems = refusal(coop, "sign_loi", cooperation_officer)
    assert "Lampirkan" in problems[0] or "lampirkan" in problems[0]


def test_foreign_signing_needs_dprd_central_approval_and_full_power(
    tenant, cooperation_officer, english
):
    coop = cooperation_of_kind(tenant, FOREIGN)
    record_past_state(coop, "signing", by=None, note="test setup")
    problems = refusal(coop, "sign_mou", cooperation_officer)
    assert problems == [
        "Attach the DPRD approval.",
        "Attach the government approval.",
        "Attach the Full Power.",
        "Attach the signed memorandum of understanding (MoU) with its date of signing.",
    ]
    for kind in ("council_approval", "government_approval", "full_powers", "mou"):
        add_document(coop, kind)
    assert apply_transition(coop, "sign_mou", by=cooperation_officer).target == "implementation"


def test_pks_drafting_needs_a_kb_numbered_by_each_party(tenant, cooperation_officer, english):
    coop = cooperation_of_kind(tenant, Cooperation.Kind.DOMESTIC_REGION, budget="apbd")
    record_past_state(coop, "framework_signing", by=None, note="test setup")
    kb = add_document(coop, Document.Kind.FRAMEWORK_AGREEMENT)
    kb.parties.filter(role="second").update(number="")
    assert refusal(coop, "sign_framework_without_council", cooperation_officer) == [
        "The framework agreement (KB) needs a document number from each signing party (at least two)."
    ]
    kb.parties.filter(role="second").update(number="02/KS/2026")
    assert apply_transition(coop, "sign_framework_without_council", by=cooperation_officer)


@pytest.mark.parametrize(
    ("budget", "burdens", "required"),
    [("apbd", False, False), ("apbd", True, True), ("not_budgeted", False, True)],
)
def test_dprd_approval_of_a_ksdd_depends_on_burden_and_budget(budget, burdens, required, tenant):
    coop = cooperation_of_kind(
        tenant, Cooperation.Kind.DOMESTIC_REGION, budget=budget, burdens_public=burdens
    )
    assert rules.council_approval_required(coop) is required
    assert bool(rules.council_approval_not_required(coop)) is required


def test_a_foreign_cooperation_always_needs_dprd_approval(tenant):
    coop = cooperation_of_kind(tenant, FOREIGN, budget="apbd")
    assert rules.council_approval_required(coop)


@pytest.mark.parametrize(
    ("kind", "needed"),
    [(Cooperation.Kind.THIRD_PARTY, True), (Cooperation.Kind.DOMESTIC_REGION, False)],
)
def test_only_a_ksdpk_attaches_a_feasibility_study_before_the_offer(
    kind, needed, tenant, cooperation_officer, english
):
    coop = cooperation_of_kind(tenant, kind)
    add_document(coop, Document.Kind.STAFF_NOTE)
    study = "Attach the feasibility study."
    if needed:
        assert refusal(coop, "send_offer", cooperation_officer) == [study]
        add_document(coop, Document.Kind.FEASIBILITY_STUDY)
    assert apply_transition(coop, "send_offer", by=cooperation_officer).target == "offer"


def test_a_ksdll_records_its_route_before_exploration_ends(tenant, cooperation_officer, english):
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_INSTITUTION, route="")
    record_past_state(coop, "exploration", by=None, note="test setup")
    assert "KSDLL route" in refusal(coop, "prepare_loi", cooperation_officer)[0]
    coop.route = Cooperation.Route.CONTINUATION
    coop.save(update_fields=["route"])
    assert (
        apply_transition(coop, "prepare_loi", by=cooperation_officer).target == "letter_of_intent"
    )


def test_taiwan_needs_central_guidance_before_any_signing(tenant, cooperation_officer, english):
    kaohsiung = partner_for(tenant, FOREIGN, country="TW")
    coop = cooperation_of_kind(tenant, FOREIGN, partners=[kaohsiung])
    record_past_state(coop, "letter_of_intent", by=None, note="test setup")
    add_document(coop, Document.Kind.LETTER_OF_INTENT)
    assert refusal(coop, "sign_loi", cooperation_officer) == [
        "Indonesia has no diplomatic relations with Taiwan: attach the central government's "
        "guidance before anything is signed."
    ]
    add_document(coop, Document.Kind.CENTRAL_GUIDANCE)
    assert apply_transition(coop, "sign_loi", by=cooperation_officer)


def test_israel_is_refused_at_every_forward_transition(tenant, cooperation_officer, english):
    coop = cooperation_of_kind(tenant, FOREIGN)
    # A country's standing can change after a cooperation was recorded.
    Country.objects.filter(code="KR").update(cooperation_blocked=True)
    problems = refusal(coop, "start_exploration", cooperation_officer)
    assert "not permitted" in problems[0]
    withdrawn = apply_transition(
        coop, "withdraw", by=cooperation_officer, note="Korea's standing changed."
    )
    assert withdrawn.target == "withdrawn"


def test_a_foreign_company_cannot_skip_the_central_review(tenant, cooperation_officer, english):
    company = make_partner(
        tenant, kind="foreign_company", name="ENGIE", country=Country.objects.get(code="FR")
    )
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_INSTITUTION, partners=[company])
    actions = {
        t.action
        for state in ("cooperation_plan", "text_negotiation", "signing")
        for t in _transitions_at(coop, state)
    }
    assert "sign_mou" in actions
    assert not actions & {"skip_central_review", "sign_without_review"}
    record_past_state(coop, "signing", by=None, note="test setup")
    assert "Attach the government approval." in refusal(coop, "sign_mou", cooperation_officer)


def _transitions_at(coop, state):
    from mitra.cooperations.workflow import transitions_from

    coop.state = state
    return transitions_from(coop)


def test_next_steps_list_open_transitions_with_what_is_missing(
    tenant, cooperation_officer, english
):
    coop = cooperation_of_kind(tenant, FOREIGN)
    record_past_state(coop, "letter_of_intent", by=None, note="test setup")
    steps = {step.action: step for step in next_steps(coop, cooperation_officer)}
    assert {"sign_loi", "put_on_hold", "withdraw", "record_rejection"} <= set(steps)
    assert not steps["sign_loi"].ready
    assert steps["withdraw"].ready


def test_read_only_roles_have_no_next_steps(tenant, leadership, team_reviewer):
    coop = cooperation_of_kind(tenant, FOREIGN)
    assert next_steps(coop, leadership) == []
    assert next_steps(coop, team_reviewer) == []


def test_the_outsider_has_no_next_steps_here(tenant, outsider):
    coop = cooperation_of_kind(tenant, FOREIGN)
    assert next_steps(coop, outsider) == []


def test_put_on_hold_resumes_where_it_stopped(tenant, cooperation_officer, central_reviewer):
    coop = cooperation_of_kind(tenant, FOREIGN)
    record_past_state(coop, "cooperation_plan", by=None, note="test setup")
    hold = apply_transition(coop, "put_on_hold", by=cooperation_officer, note="Kemendagri review")
    assert (hold.source, hold.target) == ("cooperation_plan", "on_hold_central_review")
    resumed = apply_transition(coop, "resume", by=central_reviewer)
    assert resumed.target == "cooperation_plan"


def test_a_stale_screen_cannot_move_the_cooperation(tenant, cooperation_officer, english):
    coop = cooperation_of_kind(tenant, FOREIGN)
    stale = Cooperation.objects.get(pk=coop.pk)
    apply_transition(coop, "start_exploration", by=cooperation_officer)
    with pytest.raises(Refused) as refused:
        apply_transition(stale, "withdraw", by=cooperation_officer)
    assert "meanwhile moved" in refused.value.problems[0]
    coop.refresh_from_db()
    assert coop.state == "exploration"
