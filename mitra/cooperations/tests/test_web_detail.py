"""A cooperation's page: its record, warnings, documents, history and audit trail."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mitra.cooperations import services
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import PartyInput
from mitra.followups import services as followup_services
from mitra.lib import tenant_changes as changes
from mitra.partners.models import Country
from mitra.tenancy.models import Membership
from tests.factories import make_cooperation, make_document, make_partner, make_user

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


def test_the_page_loads_the_audit_trail_with_old_and_new_values(
    client_as, team_reviewer, coop, cooperation_officer
):
    services.update_cooperation(coop, by=cooperation_officer, title="Makassar–Incheon smart city")
    client = client_as(team_reviewer)
    trail = reverse("cooperations:audit", args=[coop.pk])
    assert f'hx-get="{trail}"' in client.get(coop.get_absolute_url()).content.decode()
    panel = client.get(trail, headers={"HX-Request": "true"})
    html = panel.content.decode()
    assert "<html" not in html  # the panel alone, swapped into the page
    assert "Sister city Makassar–Incheon" in html  # the old title, in the trail
    assert "Makassar–Incheon smart city" in html
    assert cooperation_officer.username in html
    page = client.get(trail)  # without JavaScript, a page of its own
    assert (
        "<html" in page.content.decode() and "Makassar–Incheon smart city" in page.content.decode()
    )


def test_a_long_audit_trail_comes_a_page_at_a_time(
    client_as, team_reviewer, coop, cooperation_officer
):
    for n in range(30):
        services.update_cooperation(coop, by=cooperation_officer, summary=f"Ringkasan {n}")
    trail = reverse("cooperations:audit", args=[coop.pk])
    first = client_as(team_reviewer).get(trail, headers={"HX-Request": "true"})
    assert len(first.context["trail"]) == 25
    assert first.context["page"].paginator.count == 31  # the creation and thirty changes
    assert "Ringkasan 29" in first.content.decode() and "Ringkasan 0<" not in first.content.decode()


def test_an_outsider_gets_404_on_the_audit_trail(client_as, outsider, coop):
    assert client_as(outsider).get(reverse("cooperations:audit", args=[coop.pk])).status_code == 404


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


def with_everything(coop, officer, team_reviewer, n):
    """What a cooperation gathers over its life, `n` times: a numbered document, a meeting with
    a task, an event with its signing planned, a plan item with progress on a signed MoU, the
    team's consideration."""
    from decimal import Decimal

    from django.utils import timezone

    from mitra.events import services as events
    from mitra.followups import services as followups
    from mitra.followups.services import Commitment
    from mitra.implementation import services as implementation

    today = timezone.localdate()
    parties = [
        PartyInput("first", "Pemerintah Kota Makassar", f"415/{n}/KS"),
        PartyInput("second", "Incheon", f"IC-{n}"),
    ]
    mou = make_document(
        coop, kind=Document.Kind.MOU, title=f"MoU {n}", date_signed=today, parties=parties
    )
    followups.log_activity(
        coop.tenant,
        by=officer,
        kind="meeting",
        date=today,
        title=f"Rapat {n}",
        cooperation=coop,
        commitments=[Commitment(f"Tindak lanjut {n}", officer, today)],
    )
    event = events.create_event(coop.tenant, by=officer, name=f"Forum {n}", starts_on=today)
    events.plan_signing(event, coop, Document.Kind.LETTER_OF_INTENT, by=officer)
    item = implementation.create_plan_item(
        mou,
        by=officer,
        activity=f"Gerai {n}",
        target_quantity=Decimal(10),
        unit="gerai",
        start_date=today,
    )
    implementation.record_progress(item, by=officer, date=today, value=Decimal(n))
    services.record_consideration(coop, by=team_reviewer, recommendation="agree", note=f"{n}")


@pytest.mark.parametrize("persona", ["cooperation_officer", "team_reviewer"])
def test_the_page_of_a_full_cooperation_costs_at_most_20_queries_whatever_it_holds(
    request,
    client_as,
    persona,
    coop,
    loi,
    cooperation_officer,
    team_reviewer,
    django_assert_max_num_queries,
):
    """Documents, activities, tasks, events, a plan of action, considerations and a request at
    Kemendagri: the page asks the same few queries for one of each as for six."""
    from mitra.cooperations.services import apply_transition

    client = client_as(request.getfixturevalue(persona))
    with_everything(coop, cooperation_officer, team_reviewer, 0)
    apply_transition(coop, "put_on_hold", by=cooperation_officer)  # a request at Kemendagri
    with django_assert_max_num_queries(20) as few:
        assert client.get(coop.get_absolute_url()).status_code == 200
    for n in range(1, 6):
        with_everything(coop, cooperation_officer, team_reviewer, n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(coop.get_absolute_url()).content.decode()
    assert "MoU 5" in html and "Rapat 5" in html and "Forum 5" in html


def test_outsider_gets_404_on_the_page(client_as, outsider, coop):
    assert client_as(outsider).get(coop.get_absolute_url()).status_code == 404


def test_a_missing_cooperation_is_404_too(client_as, cooperation_officer, coop):
    assert client_as(cooperation_officer).get("/cooperations/999999/").status_code == 404


@pytest.fixture
def kept(settings):
    """The cooperation's page keeps its parts in the process (`lib.tenant_changes`)."""
    settings.MITRA_REMEMBER_FIGURES = True
    changes.forget()
    yield
    changes.forget()


def test_a_kept_page_shows_a_write_through_a_service_at_once(
    kept, client_as, cooperation_officer, coop, django_capture_on_commit_callbacks
):
    client = client_as(cooperation_officer)
    task = followup_services.create_task(
        coop.tenant,
        by=None,
        title="Telepon mitra",
        assignee=cooperation_officer,
        due_date=timezone.localdate(),
        cooperation=coop,
    )
    assert "Telepon mitra" in client.get(coop.get_absolute_url()).content.decode()
    # Written past the services, nothing shows: the kept parts are what the page shows.
    Cooperation.objects.filter(pk=coop.pk).update(title="Judul di luar layanan")
    assert "Judul di luar layanan" not in client.get(coop.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.update_cooperation(coop, by=cooperation_officer, title="Judul lewat layanan")
        followup_services.complete_task(task, by=cooperation_officer)
    page = client.get(coop.get_absolute_url()).content.decode()
    assert "Judul lewat layanan" in page
    assert "Telepon mitra" not in page  # the open tasks of the follow-up panel


def test_a_kept_page_is_still_404_for_an_outsider(
    kept, client_as, cooperation_officer, outsider, coop
):
    assert client_as(cooperation_officer).get(coop.get_absolute_url()).status_code == 200
    assert client_as(outsider).get(coop.get_absolute_url()).status_code == 404


def test_a_kept_page_shows_each_role_its_own_steps_and_forms(
    kept, client_as, cooperation_officer, leadership, coop
):
    """The content kept after an officer's visit is not what leadership (who reads only) is
    shown: no form to take a step, no button to add a document; and the other way round."""
    officer_page = client_as(cooperation_officer).get(coop.get_absolute_url()).content.decode()
    leader_page = client_as(leadership).get(coop.get_absolute_url()).content.decode()
    add_document = reverse("cooperations:add_document", args=[coop.pk])
    assert 'name="action"' in officer_page and add_document in officer_page
    assert 'name="action"' not in leader_page and add_document not in leader_page


def _token(page: str) -> str:
    """The page's CSRF token, the same in every form and in htmx's headers."""
    tokens: set[str] = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
    tokens |= set(re.findall(r'"X-CSRFToken": "([^"]+)"', page))
    assert len(tokens) == 1, tokens  # one token for every form of the page
    return tokens.pop()


def test_every_form_of_a_kept_page_carries_the_readers_own_token(
    kept, tenant, cooperation_officer, coop
):
    """The content is kept from the first officer's visit; a second officer's page carries the
    second officer's token in each form, and a step posted with it passes the CSRF check."""
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(cooperation_officer)
    second.force_login(make_user(tenant, Membership.Role.COOPERATION_OFFICER))
    first_page = first.get(coop.get_absolute_url()).content.decode()
    second_page = second.get(coop.get_absolute_url()).content.decode()
    assert _token(first_page) != _token(second_page)
    shown = [page.split('<main id="main"')[1] for page in (first_page, second_page)]
    tokens = [_token(first_page), _token(second_page)]
    assert shown[0].replace(tokens[0], "") == shown[1].replace(tokens[1], "")  # the same content
    action = re.search(r'name="action" value="([^"]+)"', second_page)
    assert action
    posted = {
        "csrfmiddlewaretoken": _token(second_page),
        "action": action[1],
        "expected_state": coop.state,
        "note": "",
    }
    response = second.post(reverse("cooperations:transition", args=[coop.pk]), posted)
    assert response.status_code in (200, 302)  # taken or refused by a guard, never forbidden
    posted["csrfmiddlewaretoken"] = _token(first_page)
    assert (
        second.post(reverse("cooperations:transition", args=[coop.pk]), posted).status_code == 403
    )
