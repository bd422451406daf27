"""A cooperation's page: its record, warnings, documents, history and audit trail."""

from datetime import date

import pytest

from mitra.cooperations import services
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import PartyInput
from mitra.partners.models import Country
from tests.factories import make_cooperation, make_document, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def coop(tenant, cooperation_officer):
    incheon = make_partner(tenant, name="Incheon Metropolitan City")
    return services.create_cooperation(
        tenant,
        by=cooperation_officer,
        kind=Cooperation.Kind.FOREIGN_REGION,
        sub_form=Cooperation.SubForm.SISTER_CITY,
        title="Sister city Makassar–Incheon",
        summary="Smart city and e-government training",
        partners=[incheon],
        sectors=["smart_city", "e_government"],
        objects_of_cooperation=["government_capacity"],
        budget=Cooperation.Budget.APBD,
        budget_line="5.2.2.01",
        budget_amount=1500000,
        owner=cooperation_officer,
        start_date=date(2024, 1, 15),
        note="Delegation visit at F8",
    )


@pytest.fixture
def loi(coop, cooperation_officer):
    return services.attach_document(
        coop,
        by=cooperation_officer,
        kind=Document.Kind.LETTER_OF_INTENT,
        title="LoI Makassar–Incheon",
        place_signed="Pantai Losari",
        date_signed=date(2024, 9, 12),
        valid_from=date(2024, 9, 12),
        until_terminated=True,
        parties=[
            PartyInput(
                "first",
                "Pemerintah Kota Makassar",
                "415/01/KS/IX/2024",
                "Mohammad Ramdhan Pomanto",
                "Wali Kota",
            ),
            PartyInput("second", "Incheon Metropolitan City", "IC-2024-118"),
        ],
    )


def test_the_page_shows_the_record(client_as, team_reviewer, coop):
    response = client_as(team_reviewer).get(coop.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sister city Makassar–Incheon" in html
    assert "KSDPL" in html
    assert "Incheon Metropolitan City" in html
    assert "Smart city and e-government training" in html
    assert "15 Januari 2024" in html  # the start date, in Indonesian
    assert "1.500.000" in html


def test_the_page_lists_documents_with_one_number_per_party(client_as, team_reviewer, coop, loi):
    html = client_as(team_reviewer).get(coop.get_absolute_url()).content.decode()
    assert "LoI Makassar–Incheon" in html
    assert "415/01/KS/IX/2024" in html
    assert "IC-2024-118" in html
    assert "Pantai Losari" in html
    assert "12 Sep 2024" in html  # a table of documents: the compact date
    assert "sampai diakhiri" in html  # valid until terminated


def test_a_document_shows_its_parent(client_as, team_reviewer, coop, loi):
    make_document(coop, kind=Document.Kind.MOU, title="MoU Makassar–Incheon", parent=loi)
    html = client_as(team_reviewer).get(coop.get_absolute_url()).content.decode()
    assert "MoU Makassar–Incheon" in html
    assert "LoI Makassar–Incheon" in html


def test_the_page_shows_the_event_log(client_as, team_reviewer, coop, cooperation_officer):
    services.record_past_state(
        coop, Cooperation.State.EXPLORATION, by=cooperation_officer, note="Profiles exchanged"
    )
    html = client_as(team_reviewer).get(coop.get_absolute_url()).content.decode()
    assert "Delegation visit at F8" in html
    assert "Profiles exchanged" in html
    assert "penjajakan" in html.lower()  # the target state, in Indonesian


def test_the_page_shows_the_audit_trail_with_old_and_new_values(
    client_as, team_reviewer, coop, cooperation_officer
):
    services.update_cooperation(coop, by=cooperation_officer, title="Makassar–Incheon smart city")
    html = client_as(team_reviewer).get(coop.get_absolute_url()).content.decode()
    assert "Sister city Makassar–Incheon" in html  # the old title, in the trail
    assert "Makassar–Incheon smart city" in html
    assert cooperation_officer.username in html


def test_a_taiwanese_partner_raises_the_central_guidance_warning(client_as, team_reviewer, tenant):
    kaohsiung = make_partner(tenant, name="Kaohsiung City", country=Country.objects.get(code="TW"))
    coop = make_cooperation(tenant, partners=[kaohsiung])
    html = client_as(team_reviewer).get(coop.get_absolute_url()).content.decode()
    assert "alert--warning" in html
    assert "pedoman" in html  # "signing needs central guidance", in Indonesian


def test_an_on_hold_cooperation_says_so(client_as, team_reviewer, coop):
    services.record_past_state(
        coop, Cooperation.State.ON_HOLD_CENTRAL_REVIEW, by=None, note="test setup"
    )
    html = client_as(team_reviewer).get(coop.get_absolute_url()).content.decode()
    assert "alert--hold" in html
    assert "badge--hold" in html


def test_a_read_only_role_sees_no_edit_buttons(client_as, team_reviewer, coop):
    html = client_as(team_reviewer).get(coop.get_absolute_url()).content.decode()
    assert f"/cooperations/{coop.pk}/edit/" not in html


def test_a_writing_role_sees_the_edit_buttons(client_as, cooperation_officer, coop):
    html = client_as(cooperation_officer).get(coop.get_absolute_url()).content.decode()
    assert f"/cooperations/{coop.pk}/edit/" in html
    assert f"/cooperations/{coop.pk}/documents/new/" in html


def test_the_number_of_queries_does_not_grow_with_documents(
    client_as, team_reviewer, coop, django_assert_max_num_queries
):
    client = client_as(team_reviewer)
    make_document(coop)
    with django_assert_max_num_queries(30) as few:
        client.get(coop.get_absolute_url())
    for _ in range(5):
        make_document(coop)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(coop.get_absolute_url())


def test_outsider_gets_404_on_the_page(client_as, outsider, coop):
    assert client_as(outsider).get(coop.get_absolute_url()).status_code == 404


def test_a_missing_cooperation_is_404_too(client_as, cooperation_officer, coop):
    assert client_as(cooperation_officer).get("/cooperations/999999/").status_code == 404
