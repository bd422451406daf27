"""Each document rule is written once (`rules.DOCUMENT_RULES`, checked by the service): a POST of
the form and a direct service call are refused with the same message, at the same field."""

import ast
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from mitra.cooperations import rules, services
from mitra.cooperations.models import Document
from mitra.cooperations.services import PartyInput
from mitra.cooperations.tests.test_web_documents import add_url, document_data
from mitra.lib.refusal import Refused
from tests.factories import make_cooperation, make_document

pytestmark = pytest.mark.django_db

APP = Path(rules.__file__).parent

# rule: (what the form posts, what the service is given, where the form shows the refusal)
CASES = {
    "title_is_meaningful": ("meaningless_title", "title"),
    "signed_by_today": ("future_signing", "date_signed"),
    "parent_in_same_cooperation": ("parent", "parent"),
    "no_end_date_when_until_terminated": ("until_terminated", "valid_until"),
    "document_ends_after_it_starts": ("reversed_dates", "valid_until"),
    "one_number_per_party": ("same_role", "parties"),
}


def _inputs(case, elsewhere):
    """The same bad input, as the form's POST data and as the service's keyword arguments."""
    fields = {"kind": "mou", "title": "MoU Makassar–Incheon"}
    if case == "parent":
        return {"parent": elsewhere.pk}, {**fields, "parent": elsewhere}
    if case == "until_terminated":
        post = {"until_terminated": "on", "valid_until": "2029-09-12"}
        return post, {**fields, "until_terminated": True, "valid_until": date(2029, 9, 12)}
    if case == "meaningless_title":
        return {"title": "x"}, {**fields, "title": "x"}
    if case == "future_signing":
        tomorrow = timezone.localdate() + timedelta(days=1)
        return {"date_signed": tomorrow.isoformat()}, {**fields, "date_signed": tomorrow}
    if case == "reversed_dates":
        post = {"until_terminated": "", "valid_from": "2025-01-01", "valid_until": "2024-01-01"}
        given = {"valid_from": date(2025, 1, 1), "valid_until": date(2024, 1, 1)}
        return post, {**fields, **given}
    twice = [PartyInput("first", "Kota Makassar"), PartyInput("first", "Incheon")]
    return {"parties-1-role": "first"}, {**fields, "parties": twice}


def _shown(response, field):
    if field == "parties":
        return list(response.context["parties"].non_form_errors())
    return list(response.context["form"].errors[field])


def test_every_document_rule_is_tried_here():
    assert {rule.__name__ for rule in rules.DOCUMENT_RULES} == set(CASES)


@pytest.mark.parametrize("rule", sorted(CASES))
def test_a_post_and_a_service_call_are_refused_with_the_same_message(
    client_as, cooperation_officer, tenant, rule
):
    coop = make_cooperation(tenant, title="Makassar–Incheon")
    case, field = CASES[rule]
    post, given = _inputs(case, make_document(make_cooperation(tenant)))
    with pytest.raises(Refused) as refused:
        services.attach_document(coop, by=cooperation_officer, **given)
    response = client_as(cooperation_officer).post(add_url(coop), document_data(**post))
    assert response.status_code == 200
    assert refused.value.fields == {field: _shown(response, field)}
    assert not Document.objects.filter(cooperation=coop).exists()


def test_the_form_offers_only_this_cooperations_documents_as_parents(
    client_as, cooperation_officer, tenant
):
    coop = make_cooperation(tenant)
    own = make_document(coop, title="LoI Makassar–Incheon")
    make_document(make_cooperation(tenant), title="LoI Makassar–Busan")
    choices = client_as(cooperation_officer).get(add_url(coop)).context["form"]["parent"]
    assert [str(c.choice_label) for c in choices] == ["—", str(own)]


def test_an_outsider_cannot_post_a_document_to_the_tenants_cooperation(client_as, outsider, tenant):
    coop = make_cooperation(tenant)
    response = client_as(outsider).post(add_url(coop), document_data())
    assert response.status_code == 404
    assert not Document.objects.filter(cooperation=coop).exists()


def _messages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"_", "gettext", "gettext_lazy"}
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


def test_the_cooperation_forms_restate_no_rule_of_the_rules_or_the_services():
    ruled = _messages(APP / "rules.py") | _messages(APP / "services.py")
    assert _messages(APP / "forms.py") & ruled == set()


def test_a_cooperation_ending_before_it_starts_is_refused_at_the_end_date(
    client_as, cooperation_officer, tenant
):
    coop = make_cooperation(tenant)
    with pytest.raises(Refused) as refused:
        services.update_cooperation(
            coop, by=cooperation_officer, start_date=date(2025, 1, 1), end_date=date(2024, 1, 1)
        )
    assert refused.value.fields == {"end_date": [rules.dates_in_order(2, 1)[0]]}
