"""The centre's queue and review page, its downloads, and the tenant's view of its requests."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mitra.cooperations.models import Consideration, Cooperation, Document
from mitra.cooperations.services import apply_transition, record_consideration, record_past_state
from mitra.dashboard.attention import with_days_waited
from mitra.partners.models import Country
from mitra.reviews.models import ReviewRequest
from mitra.reviews.services import decide, open_missing_reviews
from mitra.reviews.templatetags.reviews import days_waited, waiting_days
from mitra.reviews.tests.walking import walk
from tests.factories import make_cooperation, make_document

pytestmark = pytest.mark.django_db

S = Cooperation.State
Status = ReviewRequest.Status
QUEUE = reverse("reviews:queue")


@pytest.fixture
def ours(tenant, cooperation_officer, central_reviewer):
    """A KSDPL of the tenant waiting for central verification."""
    coop = make_cooperation(tenant, title="Sister city Makassar–Incheon")
    walk(coop, S.CENTRAL_VERIFICATION, office=cooperation_officer, centre=central_reviewer)
    return coop


@pytest.fixture
def theirs(other_tenant, outsider):
    """A KSDPL of the other tenant on hold for central review."""
    coop = make_cooperation(other_tenant, title="Bandung–Hamamatsu")
    apply_transition(coop, "put_on_hold", by=outsider)
    return coop


@pytest.fixture
def in_english(client_as):
    def login(user):
        client = client_as(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return login


def review_of(coop):
    return ReviewRequest.objects.get(cooperation=coop, status=Status.OPEN)


def texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_reviewer_sees_the_requests_of_both_tenants(client_as, central_reviewer, ours, theirs):
    html = client_as(central_reviewer).get(QUEUE).content.decode()
    assert "Sister city Makassar–Incheon" in html
    assert "Bandung–Hamamatsu" in html
    assert ours.tenant.name in html and theirs.tenant.name in html


def test_on_a_phone_each_request_is_a_card_with_every_value_named(
    client_as, central_reviewer, ours, theirs
):
    """The queue is the reviewer's home: on a phone each request stacks into a card (the
    stylesheet's .table--stack), so the request and the days it has waited are on the screen,
    not past the table's right edge; each value but the title says which column it is."""
    html = client_as(central_reviewer).get(QUEUE).content.decode()
    table = html.partition('<table class="table table--stack">')[2].partition("</table>")[0]
    headings = re.findall(r'<th scope="col">([^<]+)</th>', table)
    rows = table.partition("<tbody>")[2].split("<tr>")[1:]
    assert len(rows) == 2
    for row in rows:
        labels = re.findall(r'<td[^>]* data-label="([^"]+)"', row)
        assert labels == [h for h in headings if h != _("Cooperation")]


def test_the_queue_filters_by_region_and_kind(client_as, central_reviewer, ours, theirs):
    client = client_as(central_reviewer)
    html = client.get(QUEUE, {"tenant": theirs.tenant_id}).content.decode()
    assert "Bandung–Hamamatsu" in html and "Makassar–Incheon" not in html
    html = client.get(QUEUE, {"kind": "verification"}).content.decode()
    assert "Makassar–Incheon" in html and "Bandung–Hamamatsu" not in html


def test_the_queue_shows_open_requests_unless_asked_otherwise(
    client_as, central_reviewer, ours, theirs
):
    decide(review_of(theirs), by=central_reviewer, decision="approve", note="")
    client = client_as(central_reviewer)
    assert "Bandung–Hamamatsu" not in client.get(QUEUE).content.decode()
    assert "Bandung–Hamamatsu" in client.get(QUEUE, {"status": "all"}).content.decode()


def test_an_empty_queue_says_nothing_awaits_a_decision_unless_filters_narrow_it(
    client_as, central_reviewer, ours
):
    client = client_as(central_reviewer)
    nothing_waits = str(_("Nothing awaits the centre's decision: every request has been decided."))
    no_match = str(_("No review request matches these filters."))
    html = client.get(QUEUE, {"kind": "hold"}).content.decode()
    assert no_match in html and nothing_waits not in html
    decide(review_of(ours), by=central_reviewer, decision="approve", note="")
    html = client.get(QUEUE).content.decode()
    assert nothing_waits in html and no_match not in html
    assert f"{QUEUE}?status=all" in html
    assert no_match in client.get(QUEUE, {"status": "returned"}).content.decode()


def test_a_decided_request_says_how_long_it_waited_not_that_it_still_waits(
    client_as, central_reviewer, ours
):
    review = review_of(ours)
    ReviewRequest.objects.filter(pk=review.pk).update(opened_at=timezone.now() - timedelta(days=10))
    page = reverse("reviews:detail", args=[review.pk])
    client = client_as(central_reviewer)
    waiting = ngettext("%(days)s day waiting", "%(days)s days waiting", 10) % {"days": 10}
    assert waiting in client.get(page).content.decode()
    decide(review, by=central_reviewer, decision="return", note="Lengkapi kajian.")
    html = client.get(page).content.decode()
    assert waiting not in html
    assert ngettext("after %(days)s day", "after %(days)s days", 10) % {"days": 10} in html
    queue = client.get(QUEUE, {"status": "all"})
    assert queue.context["page"].object_list[0].decided_at is not None
    row = queue.content.decode().split(review.cooperation.title)[1]
    assert re.search(r'<td class="nowrap"[^>]*>10 <span', row)


def test_a_request_put_forward_late_yesterday_has_waited_one_day_wherever_it_is_counted(
    client_as, central_reviewer, cooperation_officer, ours
):
    """Days are calendar days of local time everywhere: counted in 24-hour periods, a request
    put forward at 09.00 on 16 November read "waiting 21 days" on the cooperation's page under
    "22 days at this step" at 01.20 on 8 December. Put forward yesterday at 23.59, it has
    waited one day on the reviewer's page and queue, on the officer's notice and on the
    dashboard, whatever the hour now."""
    review = review_of(ours)
    yesterday = timezone.localdate() - timedelta(days=1)
    late = timezone.make_aware(datetime.combine(yesterday, time(23, 59)))
    ReviewRequest.objects.filter(pk=review.pk).update(opened_at=late)
    review.refresh_from_db()
    assert waiting_days(review.opened_at) == days_waited(review) == 1
    assert with_days_waited([review], timezone.localdate())[0].days == 1
    reviewer = client_as(central_reviewer)
    one = ngettext("%(days)s day waiting", "%(days)s days waiting", 1) % {"days": 1}
    assert one in reviewer.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    row = reviewer.get(QUEUE).content.decode().split(ours.title)[1]
    assert re.search(r'<td class="nowrap"[^>]*>1 <span', row)


@pytest.mark.parametrize("role", ["cooperation_officer", "tenant_admin", "leadership"])
def test_tenant_users_get_403_on_the_queue_and_the_review_page(request, client_as, role, ours):
    client = client_as(request.getfixturevalue(role))
    assert client.get(QUEUE).status_code == 403
    review = review_of(ours)
    assert client.get(reverse("reviews:detail", args=[review.pk])).status_code == 403
    decision = {"decision": "approve", "note": ""}
    assert client.post(reverse("reviews:decide", args=[review.pk]), decision).status_code == 403
    assert review_of(ours).status == Status.OPEN


def test_the_review_page_shows_the_cooperation_partners_and_documents(
    client_as, central_reviewer, ours
):
    html = client_as(central_reviewer).get(reverse("reviews:detail", args=[review_of(ours).pk]))
    html = html.content.decode()
    partner = ours.partners.get()
    assert partner.name in html and partner.country.name in html
    for document in ours.documents.all():
        assert document.title in html
    assert 'name="decision" value="approve"' in html
    assert 'value="refuse"' not in html  # only a central approval can be refused


def test_approving_through_the_page_moves_on_and_returns_to_the_queue(
    client_as, central_reviewer, ours
):
    url = reverse("reviews:decide", args=[review_of(ours).pk])
    response = client_as(central_reviewer).post(url, {"decision": "approve", "note": "Sesuai."})
    assert response.status_code == 302 and response.url == QUEUE
    ours.refresh_from_db()
    assert ours.state == S.MOU_DRAFTING
    assert len(texts(response)) == 1


def test_a_return_without_a_note_is_shown_beside_the_note_and_changes_nothing(
    in_english, central_reviewer, ours
):
    """Issue 14: the refusal was a message at the top of a long page, the note field unmarked;
    it is shown beside the note, and the page comes back at the decision: the note is focused.
    The form's address has no fragment, which the redirect after a decision would keep."""
    url = reverse("reviews:decide", args=[review_of(ours).pk])
    response = in_english(central_reviewer).post(url, {"decision": "return", "note": "  "})
    assert response.status_code == 200
    assert "Explain in a note" in " ".join(response.context["form"].errors["note"])
    assert texts(response) == []
    html = response.content.decode()
    assert f'action="{url}"' in html
    note = html[html.index('name="note"') - 200 : html.index('name="note"') + 200]
    assert "autofocus" in note
    assert review_of(ours).status == Status.OPEN


def test_the_review_page_shows_the_teams_consideration_or_that_there_is_none(
    client_as, central_reviewer, team_reviewer, ours
):
    page = reverse("reviews:detail", args=[review_of(ours).pk])
    client = client_as(central_reviewer)
    html = client.get(page).content.decode()
    section = html[html.index('id="considerations"') :]
    assert str(_("The team has not recorded a consideration yet.")) in section
    record_consideration(
        ours, by=team_reviewer, recommendation="agree_with_notes", note="Kaji manfaat ekonomi."
    )
    html = client.get(page).content.decode()
    section = html[html.index('id="considerations"') :]
    section = section[: section.index("</section>")]
    assert "Kaji manfaat ekonomi." in section
    assert str(Consideration.Recommendation.AGREE_WITH_NOTES.label) in section
    assert reverse("cooperations:consider", args=[ours.pk]) not in html


def test_a_refused_move_reaches_the_reviewer_as_a_message(in_english, central_reviewer, ours):
    Country.objects.filter(code="KR").update(cooperation_blocked=True)
    url = reverse("reviews:decide", args=[review_of(ours).pk])
    documents = ours.documents.count()
    response = in_english(central_reviewer).post(url, {"decision": "approve", "note": ""})
    assert response.status_code == 200
    assert "not permitted" in response.content.decode()
    assert ours.documents.count() == documents


def test_the_reviewer_downloads_a_document_of_a_reviewed_cooperation_only(
    client_as, central_reviewer, ours, tenant
):
    upload = SimpleUploadedFile("poa.pdf", b"%PDF-1.4 plan")
    reviewed = make_document(ours, kind=Document.Kind.EXPERT_STUDY, title="Kajian", file=upload)
    never = make_document(make_cooperation(tenant), title="Private", file=upload)
    client = client_as(central_reviewer)
    response = client.get(reverse("reviews:document", args=[reviewed.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 plan"
    assert client.get(reverse("reviews:document", args=[never.pk])).status_code == 404


def test_a_tenant_cannot_use_the_reviewers_download(client_as, outsider, cooperation_officer, ours):
    document = ours.documents.first()
    for user in (outsider, cooperation_officer):
        assert (
            client_as(user).get(reverse("reviews:document", args=[document.pk])).status_code == 403
        )


def test_the_cooperation_page_shows_the_status_of_its_own_requests(
    in_english, cooperation_officer, central_reviewer, ours, theirs
):
    decide(review_of(theirs), by=central_reviewer, decision="return", note="Bandung note")
    html = in_english(cooperation_officer).get(ours.get_absolute_url()).content.decode()
    assert "Central review (Kemendagri)" in html
    assert "central verification" in html
    assert "Bandung note" not in html


def test_an_outsider_gets_404_on_the_other_tenants_cooperation_and_document(
    client_as, outsider, ours
):
    client = client_as(outsider)
    document = ours.documents.first()
    assert client.get(ours.get_absolute_url()).status_code == 404
    url = reverse("cooperations:download_document", args=[document.pk])
    assert client.get(url).status_code == 404
    assert client.post(reverse("reviews:resubmit", args=[ours.pk])).status_code == 404


def test_after_a_returned_hold_the_office_can_resubmit(
    in_english, cooperation_officer, central_reviewer, tenant
):
    coop = make_cooperation(tenant)
    apply_transition(coop, "put_on_hold", by=cooperation_officer)
    decide(review_of(coop), by=central_reviewer, decision="return", note="Belum.")
    client = in_english(cooperation_officer)
    html = client.get(coop.get_absolute_url()).content.decode()
    assert "Resubmit for review" in html and "Belum." in html

    response = client.post(reverse("reviews:resubmit", args=[coop.pk]))

    assert response.status_code == 302
    assert review_of(coop).opened_by == cooperation_officer
    assert "Resubmit for review" not in client.get(coop.get_absolute_url()).content.decode()


def test_read_only_roles_see_the_status_but_cannot_resubmit(
    in_english, cooperation_officer, leadership, central_reviewer, tenant
):
    coop = make_cooperation(tenant)
    apply_transition(coop, "put_on_hold", by=cooperation_officer)
    decide(review_of(coop), by=central_reviewer, decision="return", note="Belum.")
    client = in_english(leadership)
    html = client.get(coop.get_absolute_url()).content.decode()
    assert "Belum." in html and "Resubmit for review" not in html
    assert client.post(reverse("reviews:resubmit", args=[coop.pk])).status_code == 403


def test_the_queue_link_is_shown_to_central_reviewers_only(
    in_english, central_reviewer, cooperation_officer, ours
):
    assert "Review queue" in in_english(central_reviewer).get(QUEUE).content.decode()
    html = in_english(cooperation_officer).get(ours.get_absolute_url()).content.decode()
    assert f'href="{QUEUE}"' not in html


def _requests(tenant, other_tenant, n):
    for i in range(n):
        coop = make_cooperation(tenant if i % 2 else other_tenant)
        record_past_state(coop, S.CENTRAL_APPROVAL, by=None, note="test setup")
    open_missing_reviews()


@pytest.mark.parametrize("n", [3, 20])
def test_the_queue_runs_a_bounded_number_of_queries(
    client_as, central_reviewer, tenant, other_tenant, n, django_assert_max_num_queries
):
    _requests(tenant, other_tenant, n)
    client = client_as(central_reviewer)
    with django_assert_max_num_queries(12):
        response = client.get(QUEUE)
    assert response.content.decode().count('href="/reviews/') >= n


def test_the_queue_costs_the_same_for_3_and_20_requests(
    client_as, central_reviewer, tenant, other_tenant
):
    client = client_as(central_reviewer)
    counts = []
    for n in (3, 17):
        _requests(tenant, other_tenant, n)
        with CaptureQueriesContext(connection) as queries:
            client.get(QUEUE)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_reviewer_sees_no_links_to_regional_pages(client_as, central_reviewer):
    html = client_as(central_reviewer).get("/reviews/").content.decode()
    assert 'href="/cooperations/"' not in html
    assert 'href="/reviews/"' in html
