"""A KSDPL from initiative to implementation through the web, in each configured order.

Every step asks for exactly the documents the domain guide names, and Kemendagri's decisions
come from the central reviewer's own pages.
"""

import pytest
from django.urls import reverse

from mitra.cooperations.models import Cooperation
from mitra.reviews.models import ReviewRequest
from tests.procedure import cooperation_of_kind

pytestmark = pytest.mark.django_db


def move(client, coop, action):
    coop.refresh_from_db()
    return client.post(
        reverse("cooperations:transition", args=[coop.pk]),
        {"action": action, "expected_state": coop.state, "note": ""},
    )


def attach(client, coop, kind, title):
    response = client.post(
        reverse("cooperations:add_document", args=[coop.pk]),
        {
            "kind": kind,
            "title": title,
            "date_signed": "2026-09-12",
            "place_signed": "Makassar",
            "parties-TOTAL_FORMS": "3",
            "parties-INITIAL_FORMS": "3",
            "parties-MIN_NUM_FORMS": "0",
            "parties-MAX_NUM_FORMS": "1000",
            "parties-0-role": "first",
            "parties-0-name": "Pemerintah Kota Makassar",
            "parties-0-number": "180/01/KS/2026",
            "parties-1-role": "second",
            "parties-1-name": "Göteborgs Stad",
            "parties-1-number": "GBG-2026-7",
            "parties-2-role": "third",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def decide(client, coop, decision="approve"):
    review = ReviewRequest.objects.get(cooperation=coop, status="open")
    response = client.post(
        reverse("reviews:decide", args=[review.pk]), {"decision": decision, "note": "Sesuai."}
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def state(coop):
    coop.refresh_from_db()
    return coop.state


def refused_until(client, coop, action, kind, title, missing):
    """The step is refused naming the missing document; once attached, the step is taken."""
    response = move(client, coop, action)
    assert response.status_code == 200
    assert missing in response.content.decode()
    before = state(coop)
    attach(client, coop, kind, title)
    assert move(client, coop, action).status_code == 302
    assert state(coop) != before


@pytest.mark.parametrize("order", ["council_first", "central_first"])
def test_a_ksdpl_needs_every_document_in_the_configured_order(
    order, tenant, cooperation_officer, central_reviewer, client_as
):
    tenant.procedure_order = order
    tenant.save(update_fields=["procedure_order"])
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION, sub_form="sister_city")
    office, centre = client_as(cooperation_officer), client_as(central_reviewer)
    office.cookies["django_language"] = "en"

    for action in ("start_exploration", "prepare_loi"):
        assert move(office, coop, action).status_code == 302
    refused_until(office, coop, "sign_loi", "letter_of_intent", "LoI", "signed letter of intent")
    assert state(coop) == "cooperation_plan"

    if order == "council_first":
        refused_until(
            office, coop, "request_council_approval", "cooperation_plan", "ToR", "cooperation plan"
        )
        refused_until(office, coop, "approve_council", "council_approval", "DPRD", "DPRD approval")
        assert state(coop) == "central_verification"
        decide(centre, coop)
    else:
        refused_until(
            office,
            coop,
            "request_central_verification",
            "cooperation_plan",
            "ToR",
            "cooperation plan",
        )
        assert state(coop) == "central_verification"
        decide(centre, coop)
        assert state(coop) == "council_approval"
        refused_until(office, coop, "approve_council", "council_approval", "DPRD", "DPRD approval")
    assert state(coop) == "mou_drafting"

    assert move(office, coop, "start_negotiation").status_code == 302
    assert move(office, coop, "request_central_approval").status_code == 302
    assert state(coop) == "central_approval"
    decide(centre, coop)
    assert state(coop) == "signing"

    response = move(office, coop, "sign_mou")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Attach the Full Power." in page
    assert "signed memorandum of understanding" in page
    attach(office, coop, "full_powers", "Full Power")
    attach(office, coop, "mou", "MoU")
    assert move(office, coop, "sign_mou").status_code == 302
    assert state(coop) == "implementation"
    kinds = set(coop.documents.values_list("kind", flat=True))
    assert {
        "central_verification",
        "government_approval",
        "council_approval",
        "full_powers",
    } <= kinds


def test_an_outsider_cannot_take_a_step(tenant, outsider, client_as):
    coop = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_REGION)
    assert move(client_as(outsider), coop, "start_exploration").status_code == 404
    assert state(coop) == "initiative"
