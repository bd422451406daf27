"""The reviewer's request page holds what a decision needs: what the cooperation is about
(sectors, affairs, objects), the steps it went through, its files and whom to ask in the region.
The reviewer's home lists what they must decide, the longest waiting first."""

import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mitra.cooperations.models import Affair, Cooperation, Document, Sector
from mitra.cooperations.services import (
    PartyInput,
    apply_transition,
    record_consideration,
    update_cooperation,
)
from mitra.reviews.models import ReviewRequest
from mitra.reviews.tests.walking import walk
from tests.factories import make_cooperation, make_document, make_user

pytestmark = pytest.mark.django_db

S = Cooperation.State
OBJECT_IN_INDONESIAN = "peningkatan kemampuan teknis dan manajemen pemerintahan"


def open_review(coop):
    return ReviewRequest.objects.get(cooperation=coop, status=ReviewRequest.Status.OPEN)


@pytest.fixture
def incheon(tenant, cooperation_officer, central_reviewer):
    cooperation_officer.email = "kerjasama@makassarkota.go.id"
    cooperation_officer.first_name, cooperation_officer.last_name = "Andi", "Rahman"
    cooperation_officer.save()
    coop = make_cooperation(
        tenant,
        title="Sister city Makassar–Incheon",
        owner=cooperation_officer,
        objects_of_cooperation=["government_capacity"],
    )
    update_cooperation(
        coop,
        by=None,
        sectors=list(Sector.objects.filter(slug__in=["smart_city", "e_government"])),
        affairs=list(Affair.objects.filter(slug__contains="komunikasi")[:1]),
    )
    walk(coop, S.CENTRAL_VERIFICATION, office=cooperation_officer, centre=central_reviewer)
    return coop


def page(client, coop):
    return client.get(reverse("reviews:detail", args=[open_review(coop).pk])).content.decode()


def test_the_request_page_shows_sectors_affairs_objects_history_and_the_contact(
    client_as, central_reviewer, incheon
):
    html = page(client_as(central_reviewer), incheon)
    for sector in incheon.sectors.all():
        assert str(sector) in html
    for affair in incheon.affairs.all():
        assert affair.name in html
    assert OBJECT_IN_INDONESIAN in html
    assert 'id="history"' in html
    history = html[html.index('id="history"') :]
    history = history[: history.index("</section>")]
    assert history.count("<tr>") - 1 == incheon.events.count()
    assert "Andi Rahman" in html
    assert 'href="mailto:kerjasama@makassarkota.go.id"' in html


def test_every_file_on_the_request_page_downloads_through_the_reviewers_check(
    client_as, central_reviewer, incheon
):
    upload = SimpleUploadedFile("kajian.pdf", b"%PDF-1.4 kajian")
    make_document(incheon, kind=Document.Kind.EXPERT_STUDY, title="Kajian pakar", file=upload)
    client = client_as(central_reviewer)
    html = page(client, incheon)
    with_files = incheon.documents.exclude(file="")
    assert with_files.exists()
    for document in with_files:
        url = reverse("reviews:document", args=[document.pk])
        assert url in html
        assert client.get(url).status_code == 200


def test_every_party_of_a_document_names_its_number_or_says_it_has_none(
    client_as, central_reviewer, incheon
):
    """A party without a number read as a bare name under the other's "Name: number", as if
    its number had been lost; it says "—" as the register does."""
    make_document(
        incheon,
        title="LoI Makassar–Incheon",
        date_signed=date(2026, 6, 22),
        parties=[
            PartyInput(role="first", name="Pemerintah Kota Makassar", number="119/LOI/2026"),
            PartyInput(role="second", name="Incheon Metropolitan City", number=""),
        ],
    )
    html = page(client_as(central_reviewer), incheon)
    assert 'Pemerintah Kota Makassar: <span class="docnumber">119/LOI/2026</span>' in html
    assert "Incheon Metropolitan City: —" in html


def test_the_request_page_costs_the_same_for_a_short_and_a_long_history(
    client_as, central_reviewer, cooperation_officer, incheon
):
    client = client_as(central_reviewer)
    with CaptureQueriesContext(connection) as few:
        page(client, incheon)
    for _ in range(5):  # each a line in the history, by someone else each time
        record_consideration(
            incheon, by=make_user(incheon.tenant, "team_reviewer"), recommendation="agree"
        )
    make_document(incheon, kind=Document.Kind.EXPERT_STUDY, title="Kajian")
    with CaptureQueriesContext(connection) as many:
        page(client, incheon)
    assert len(many) == len(few)


def test_the_reviewers_home_is_the_queue_of_what_to_decide_the_longest_waiting_first(
    client_as, central_reviewer, tenant, other_tenant, cooperation_officer, outsider
):
    newer = make_cooperation(tenant, title="Kaohsiung")
    apply_transition(newer, "put_on_hold", by=cooperation_officer)
    older = make_cooperation(other_tenant, title="Hamamatsu")
    apply_transition(older, "put_on_hold", by=outsider)
    ReviewRequest.objects.filter(cooperation=older).update(
        opened_at=timezone.now() - timedelta(days=12)
    )
    client = client_as(central_reviewer)
    response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("reviews:queue")
    rows = list(response.context["page"].object_list)
    assert [r.cooperation for r in rows] == [older, newer]
    html = response.content.decode()
    assert html.index("Hamamatsu") < html.index("Kaohsiung")
    assert re.search(
        r'<td class="nowrap"[^>]*>12 ', html[html.index("Hamamatsu") : html.index("Kaohsiung")]
    )


def test_a_tenant_user_cannot_read_the_request_page(client_as, outsider, team_reviewer, incheon):
    url = reverse("reviews:detail", args=[open_review(incheon).pk])
    for user in (outsider, team_reviewer):
        assert client_as(user).get(url).status_code == 403
