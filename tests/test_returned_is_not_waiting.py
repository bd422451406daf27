"""A request Kemendagri returned (or refused) waits on the region, not on the centre (issue 14).

A hold review returned with a note still showed "Kementerian sedang mengkaji…" and "Menunggu
Pemerintah Pusat" at the top of the cooperation, the note and "Ajukan kembali" at the bottom,
and the officer heard nothing. Now one predicate says what waits at the centre
(`ReviewRequest.objects.waiting()`, read by `reviews.status.central_status` for the pages):
every place that says something waits for the central government is walked here with a request
waiting (it says so) and with the same request returned (it does not); the top of the page
carries the answer, its note and the way to put it forward again; and every decision the centre
can make is told at once to the officers responsible.
"""

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import apply_transition, record_past_state
from mitra.reminders.due import review_reminders
from mitra.reminders.models import Reminder
from mitra.reminders.services import send_digests
from mitra.reminders.tests.helpers import with_email
from mitra.reviews.models import ReviewRequest
from mitra.reviews.services import OUTCOMES, decide
from mitra.reviews.tests.walking import walk
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_cooperation, make_document, make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
S = Cooperation.State
Kind = ReviewRequest.Kind
Status = ReviewRequest.Status
NOTE = "Lengkapi kajian manfaat dan rencana aksi."
# What the pages say of a request waiting at Kemendagri, in Indonesian.
WAITING_WORDS = (
    "Kementerian sedang mengkaji",
    "Menunggu Pemerintah Pusat",
    "Menunggu di Kemendagri:",
)
# The state a request of each kind is opened in, and how a cooperation is brought there.
STATE_OF: dict[str, str] = {
    Kind.VERIFICATION: S.CENTRAL_VERIFICATION,
    Kind.APPROVAL: S.CENTRAL_APPROVAL,
    Kind.HOLD: S.ON_HOLD_CENTRAL_REVIEW,
}


@pytest.fixture
def owner(cooperation_officer):
    return with_email(cooperation_officer)


# A central-first KSDPL's way to central verification: (action, the document it needs).
CENTRAL_FIRST_STEPS = [
    ("start_exploration", None),
    ("prepare_loi", None),
    ("sign_loi", Document.Kind.LETTER_OF_INTENT),
    ("request_central_verification", Document.Kind.COOPERATION_PLAN),
]


def walk_central_first(coop: Cooperation, by) -> None:
    for action, document in CENTRAL_FIRST_STEPS:
        if document is not None:
            make_document(coop, kind=document, title=str(document), date_signed=date(2025, 1, 6))
        apply_transition(coop, action, by=by)


@pytest.fixture
def put_forward(tenant, owner, central_reviewer) -> Callable[..., Cooperation]:
    """A KSDPL owned by `owner`, with a request of `kind` open at Kemendagri; verification
    comes after the DPRD's approval unless the tenant asks the centre first."""

    def to(kind: str, order: str = Tenant.ProcedureOrder.COUNCIL_FIRST) -> Cooperation:
        tenant.procedure_order = order
        tenant.save(update_fields=["procedure_order"])
        coop = make_cooperation(tenant, title="Kota Kembar Makassar–Incheon", owner=owner)
        if kind == Kind.HOLD:
            apply_transition(coop, "put_on_hold", by=owner)
        elif order == Tenant.ProcedureOrder.CENTRAL_FIRST:
            walk_central_first(coop, owner)
        else:
            walk(coop, STATE_OF[kind], office=owner, centre=central_reviewer)
        assert coop.state == STATE_OF[kind]
        return coop

    return to


def request_of(coop: Cooperation) -> ReviewRequest:
    return ReviewRequest.objects.get(cooperation=coop, status=Status.OPEN)


def decided(coop: Cooperation, decision: str, reviewer) -> Cooperation:
    decide(request_of(coop), by=reviewer, decision=decision, note=NOTE)
    coop.refresh_from_db()
    return coop


def page(client: Client, url: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def top_of(html: str) -> str:
    """The procedure panel down to its progress bar: what a person sees first."""
    start = html.index('id="procedure-panel"')
    return html[start : html.index('class="progress', start)]


# --- Every place that says something waits at the centre ---------------------------------------


def on_the_cooperation_page(client_as, coop, people) -> bool:
    html = page(client_as(people["owner"]), coop.get_absolute_url())
    return any(words in html for words in WAITING_WORDS)


def on_the_cooperation_page_for_a_reader(client_as, coop, people) -> bool:
    html = page(client_as(people["leadership"]), coop.get_absolute_url())
    return any(words in html for words in WAITING_WORDS)


def on_the_leaders_dashboard(client_as, coop, people) -> bool:
    html = page(client_as(people["leadership"]), reverse("dashboard:index"))
    start = html.index('id="dashboard-waiting"')
    return coop.title in html[start : html.index("</section>", start)]


def in_the_reviewers_queue(client_as, coop, people) -> bool:
    html = page(client_as(people["reviewer"]), reverse("reviews:queue"))
    return coop.title in html


def in_the_reviewers_weekly_reminder(client_as, coop, people) -> bool:
    later = timezone.localdate() + timedelta(days=30)
    return any(due.params["cooperation"] == coop.title for due in review_reminders(later))


PLACES = [
    on_the_cooperation_page,
    on_the_cooperation_page_for_a_reader,
    on_the_leaders_dashboard,
    in_the_reviewers_queue,
    in_the_reviewers_weekly_reminder,
]
RETURNS = [kind for kind, decision in OUTCOMES if decision == "return"]


@pytest.fixture
def people(owner, leadership, central_reviewer):
    return {"owner": owner, "leadership": leadership, "reviewer": central_reviewer}


@pytest.mark.parametrize("kind", RETURNS)
@pytest.mark.parametrize("place", PLACES, ids=lambda place: place.__name__)
def test_a_request_waiting_at_kemendagri_is_said_to_wait_and_once_returned_it_is_not(
    place, kind, client_as, put_forward, people
):
    coop = put_forward(kind)
    assert place(client_as, coop, people), "waiting: the place must say so"

    decided(coop, "return", people["reviewer"])

    assert not place(client_as, coop, people), "returned: the place must not say it waits"


def test_the_pipeline_never_says_a_returned_hold_waits(client_as, put_forward, people):
    coop = decided(put_forward(Kind.HOLD), "return", people["reviewer"])
    html = page(client_as(people["owner"]), reverse("pipeline:board") + "?board=foreign")
    assert coop.title in html
    assert not any(words in html for words in WAITING_WORDS)


def test_a_hold_never_put_forward_says_nothing_waits_and_offers_to_put_it_forward(
    client_as, tenant, owner
):
    coop = make_cooperation(tenant, title="Kota Kembar Makassar–Incheon", owner=owner)
    record_past_state(coop, S.ON_HOLD_CENTRAL_REVIEW, by=None, action="put_on_hold", note="x")
    top = top_of(page(client_as(owner), coop.get_absolute_url()))
    assert "belum diajukan ke Kemendagri" in top
    assert not any(words in top for words in WAITING_WORDS)
    assert reverse("reviews:resubmit", args=[coop.pk]) in top


# --- The top of the page carries the answer ----------------------------------------------------


@pytest.mark.parametrize("kind", RETURNS)
def test_a_returned_request_is_at_the_top_with_its_note_and_the_way_to_put_it_forward_again(
    kind, client_as, put_forward, people
):
    coop = decided(put_forward(kind), "return", people["reviewer"])

    top = top_of(page(client_as(people["owner"]), coop.get_absolute_url()))

    assert "Kemendagri mengembalikan permohonan" in top
    assert NOTE in top
    assert "ajukan kembali" in top.lower()
    assert "<button" in top
    assert not any(words in top for words in WAITING_WORDS)


def the_button_at_the_top(client: Client, coop: Cooperation) -> tuple[str, dict[str, str], str]:
    html = top_of(page(client, coop.get_absolute_url()))
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    assert form is not None, html
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group(2)))
    label = re.search(r"<button[^>]*>([^<]+)</button>", form.group(2))
    assert label is not None
    return form.group(1), fields, label.group(1)


@pytest.mark.parametrize(
    ("kind", "order"),
    [
        (Kind.HOLD, Tenant.ProcedureOrder.COUNCIL_FIRST),
        (Kind.APPROVAL, Tenant.ProcedureOrder.COUNCIL_FIRST),
        (Kind.VERIFICATION, Tenant.ProcedureOrder.CENTRAL_FIRST),
    ],
)
def test_resubmitting_from_the_top_puts_a_new_request_before_kemendagri(
    kind, order, client_as, put_forward, people
):
    coop = decided(put_forward(kind, order), "return", people["reviewer"])
    client = client_as(people["owner"])
    url, fields, label = the_button_at_the_top(client, coop)
    assert label == "Ajukan kembali untuk dikaji"

    response = client.post(url, fields)

    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.state == STATE_OF[kind]
    assert request_of(coop).kind == kind
    assert any(words in page(client, coop.get_absolute_url()) for words in WAITING_WORDS)


def test_a_verification_returned_after_the_dprd_leads_back_through_the_dprd(
    client_as, put_forward, people
):
    coop = decided(put_forward(Kind.VERIFICATION), "return", people["reviewer"])
    client = client_as(people["owner"])
    url, fields, _label = the_button_at_the_top(client, coop)
    assert fields["action"] == "request_council_approval"
    assert "jalan kembali ke Kemendagri dimulai" in top_of(page(client, coop.get_absolute_url()))

    assert client.post(url, fields).status_code == 302
    coop.refresh_from_db()
    assert coop.state == S.COUNCIL_APPROVAL


def test_a_reader_sees_the_returned_note_but_no_button(client_as, put_forward, people):
    coop = decided(put_forward(Kind.HOLD), "return", people["reviewer"])
    top = top_of(page(client_as(people["leadership"]), coop.get_absolute_url()))
    assert NOTE in top
    assert reverse("reviews:resubmit", args=[coop.pk]) not in top


def test_a_refused_approval_is_at_the_top_with_its_note(client_as, put_forward, people):
    coop = decided(put_forward(Kind.APPROVAL), "refuse", people["reviewer"])
    top = top_of(page(client_as(people["owner"]), coop.get_absolute_url()))
    assert "Kemendagri menolak permohonan" in top and NOTE in top
    assert "alert--error" in top


def test_an_approval_leaves_no_answer_at_the_top(client_as, put_forward, people):
    coop = decided(put_forward(Kind.VERIFICATION), "approve", people["reviewer"])
    top = top_of(page(client_as(people["owner"]), coop.get_absolute_url()))
    assert 'id="central-notice"' not in top


def test_once_the_cooperation_moves_on_the_old_answer_leaves_the_top(
    client_as, put_forward, people
):
    coop = decided(put_forward(Kind.HOLD), "return", people["reviewer"])
    apply_transition(coop, "withdraw", by=people["owner"], note="Mitra mundur.")
    top = top_of(page(client_as(people["owner"]), coop.get_absolute_url()))
    assert NOTE not in top


# --- Every decision is told at once ------------------------------------------------------------


@pytest.mark.parametrize(("kind", "decision"), list(OUTCOMES), ids=lambda v: str(v))
def test_every_decision_is_told_at_once_to_the_officer_responsible(
    kind, decision, put_forward, people, outsider, tenant
):
    other_officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER, "rina")
    coop = decided(put_forward(kind), decision, people["reviewer"])

    [notice] = Reminder.objects.filter(kind=Reminder.Kind.REVIEW_DECIDED)

    assert notice.recipient == people["owner"]  # the owner, not every officer
    assert (notice.tenant, notice.read_at, notice.sent_at) == (tenant, None, None)
    assert notice.cooperation == coop.title
    assert notice.url == coop.get_absolute_url()
    assert ("Kemendagri menyetujui" if decision == "approve" else NOTE) in notice.title
    assert not Reminder.objects.filter(recipient__in=[outsider, other_officer]).exists()


def test_a_cooperation_nobody_owns_tells_every_cooperation_officer(put_forward, people, tenant):
    coop = put_forward(Kind.HOLD)
    Cooperation.objects.filter(pk=coop.pk).update(owner=None)
    other_officer = make_user(tenant, Membership.Role.COOPERATION_OFFICER, "rina")
    decided(coop, "return", people["reviewer"])
    told = Reminder.objects.filter(kind=Reminder.Kind.REVIEW_DECIDED)
    assert {r.recipient for r in told} == {people["owner"], other_officer}


def test_the_decision_reaches_the_officer_by_e_mail_with_the_next_digest(
    put_forward, people, django_capture_on_commit_callbacks
):
    decided(put_forward(Kind.HOLD), "return", people["reviewer"])
    with django_capture_on_commit_callbacks(execute=True):
        send_digests(timezone.now())
    [message] = [m for m in mail.outbox if people["owner"].email in m.to]
    assert NOTE in message.body


def test_the_notification_page_shows_the_decision_to_the_officer_only(
    client_as, put_forward, people, outsider
):
    decided(put_forward(Kind.HOLD), "return", people["reviewer"])
    assert NOTE in page(client_as(people["owner"]), reverse("reminders:list"))
    assert NOTE not in page(client_as(outsider), reverse("reminders:list"))


def test_the_outsider_gets_404_on_the_returned_cooperation(
    client_as, put_forward, people, outsider
):
    coop = decided(put_forward(Kind.HOLD), "return", people["reviewer"])
    assert client_as(outsider).get(coop.get_absolute_url()).status_code == 404


# --- One predicate ------------------------------------------------------------------------------

# Filtering review requests by the open status by hand, instead of `.waiting()`.
OPEN_BY_HAND = re.compile(
    r"status(__\w+)?\s*=\s*(ReviewRequest\.)?Status\.OPEN\b|review_requests__status"
    r"|status\s*=\s*[\"']open[\"']"
)
PREDICATE = "mitra/reviews/models.py"


def test_no_module_decides_by_itself_what_waits_at_the_centre():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(ROOT.glob("mitra/**/*.py"))
        if "tests" not in path.parts and "migrations" not in path.parts
        if str(path.relative_to(ROOT)) != PREDICATE
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if OPEN_BY_HAND.search(line)
    ]
    assert found == [], "read ReviewRequest.objects.waiting() (or reviews.status.central_status)"


@pytest.mark.parametrize(
    "line",
    [
        "ReviewRequest.objects.filter(status=ReviewRequest.Status.OPEN)",
        ".exclude(review_requests__status=Status.OPEN)",
        "reviews.filter(status='open')",
    ],
)
def test_the_scan_finds_the_open_status_read_by_hand(line):
    assert OPEN_BY_HAND.search(line)
