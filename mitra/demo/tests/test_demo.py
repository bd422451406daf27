"""`mitra demo`: two tenants with the seed cases, loaded through the services, exactly once."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory
from django.utils import timezone

from mitra.audit.models import AuditEntry
from mitra.cooperations import rules
from mitra.cooperations.access import cooperations_for_user
from mitra.cooperations.models import Cooperation, CooperationEvent, Document, DocumentParty
from mitra.cooperations.transitions import next_steps
from mitra.partners.models import Contact, Partner, PartnerAlias
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_cooperation, make_tenant
from tests.shared import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]

ACCOUNTS = {
    "makassar.admin": "tenant_admin",
    "makassar.officer": "cooperation_officer",
    "makassar.opd": "agency_officer",
    "makassar.tkksd": "team_reviewer",
    "makassar.leader": "leadership",
    "bandung.admin": "tenant_admin",
    "bandung.officer": "cooperation_officer",
    "bandung.opd": "agency_officer",
    "bandung.tkksd": "team_reviewer",
    "bandung.leader": "leadership",
    "kemendagri.reviewer": "central_reviewer",
}
MODELS = [
    Tenant,
    User,
    Membership,
    Partner,
    PartnerAlias,
    Contact,
    Cooperation,
    CooperationEvent,
    Document,
    DocumentParty,
    AuditEntry,
]


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", "--allow-without-debug", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def request_as(username):
    request = RequestFactory().get("/")
    request.user = User.objects.get(username=username)
    request.membership = Membership.objects.select_related("tenant").get(user=request.user)
    request.tenant = request.membership.tenant
    return request


@pytest.fixture
def demo():
    return run_demo()


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """One load shared by the module's read-only tests and rolled back after the last of them.

    Like Django's setUpTestData: each test still runs in its own savepoint inside this one. The
    load stays until the module ends, so the tests that use it come after all the others.
    """
    with built_once(django_db_blocker):
        yield run_demo()


def test_the_superuser_is_created_only_when_asked(demo):
    assert not User.objects.filter(username="admin").exists()
    run_demo("--with-superuser")
    assert User.objects.get(username="admin").is_superuser


def test_running_it_twice_changes_nothing(demo):
    before = counts()
    output = run_demo()
    assert "already present" in output
    assert counts() == before


def test_reset_reloads_the_demo_and_leaves_other_tenants_alone(demo):
    other = make_tenant("6471")
    make_cooperation(other)
    makassar = Tenant.objects.get(region__code="7371")
    before = counts()
    assert "Removed the previous demo data" in run_demo("--reset")
    assert counts() == before
    assert Tenant.objects.get(region__code="7371").pk != makassar.pk
    assert other.cooperations.count() == 1
    assert AuditEntry.objects.filter(tenant=other).exists()


def test_it_refuses_to_run_with_debug_off_unless_allowed(db):
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo", stdout=StringIO())
    assert not Tenant.objects.exists()


@pytest.mark.usefixtures("loaded")
class TestTheLoadedDemo:
    def test_it_creates_both_tenants_with_their_cooperation_units(self):
        units = dict(Tenant.objects.values_list("region__code", "cooperation_unit"))
        assert units == {
            "3273": "Bagian Kerja Sama Setda Kota Bandung",
            "7371": "Bagian Perekonomian dan Kerja Sama Setda Kota Makassar",
        }

    def test_it_creates_the_eleven_accounts_with_their_roles(self):
        roles = dict(Membership.objects.values_list("user__username", "role"))
        assert roles == ACCOUNTS
        central = Membership.objects.get(user__username="kemendagri.reviewer")
        assert central.tenant is None
        for user in User.objects.filter(username__in=ACCOUNTS):
            assert user.check_password("mitra-demo-2026")
            assert user.first_name and user.last_name
            assert user.is_staff == user.username.endswith(".admin")
            assert not user.is_superuser

    def test_makassar_has_engie_ineo_on_hold_for_central_review(self):
        coop = Cooperation.objects.get(tenant__region__code="7371", partners__name="ENGIE Ineo")
        assert coop.state == Cooperation.State.ON_HOLD_CENTRAL_REVIEW
        hold = coop.events.first()
        assert hold.action == "put_on_hold"
        assert hold.source == Cooperation.State.COOPERATION_PLAN
        assert "Kemendagri" in hold.note
        assert coop.partners.get().kind == Partner.Kind.FOREIGN_COMPANY

    def test_kaohsiungs_country_needs_central_guidance(self):
        kaohsiung = Partner.objects.get(name="Kota Kaohsiung")
        assert kaohsiung.country_id == "TW"
        assert kaohsiung.country.needs_central_guidance
        assert kaohsiung.place.name == "Kaohsiung"

    def test_the_makassar_officer_is_told_what_signing_the_kaohsiung_loi_needs(self, english):
        coop = Cooperation.objects.get(partners__name="Kota Kaohsiung")
        assert coop.state == Cooperation.State.LETTER_OF_INTENT
        assert "F8" in coop.events.first().note
        officer = User.objects.get(username="makassar.officer")
        (sign_loi,) = [s for s in next_steps(coop, officer) if s.action == "sign_loi"]
        assert any("signed letter of intent (LoI)" in p for p in sign_loi.problems)
        assert any("Taiwan" in p and "guidance" in p for p in sign_loi.problems)

    def test_icheon_is_a_note_on_incheon_never_an_alias(self):
        incheon = Partner.objects.get(name="Kota Metropolitan Incheon")
        assert "Icheon" not in incheon.aliases.values_list("alias", flat=True)
        assert "Icheon" in incheon.notes
        assert incheon.place.name == "Incheon"

    def test_domestic_partners_are_linked_to_their_regions(self):
        regions = dict(
            Partner.objects.filter(kind=Partner.Kind.INDONESIAN_REGION).values_list(
                "name", "region__code"
            )
        )
        assert regions == {
            "Pemerintah Kota Tual": "8172",
            "Pemerintah Kota Surakarta": "3372",
            "Pemerintah Kota Yogyakarta": "3471",
            "Pemerintah Kota Palembang": "1671",
        }

    @pytest.mark.parametrize(
        ("username", "own", "other"),
        [("makassar.officer", "7371", "3273"), ("bandung.officer", "3273", "7371")],
    )
    def test_an_officer_sees_no_cooperation_of_the_other_tenant(self, username, own, other):
        visible = cooperations_for_user(request_as(username))
        assert visible.exists()
        assert not visible.filter(tenant__region__code=other).exists()
        assert set(visible) == set(Cooperation.objects.filter(tenant__region__code=own))

    def test_every_state_is_the_target_of_the_last_event(self):
        now = timezone.now()
        for coop in Cooperation.objects.prefetch_related("events"):
            events = sorted(coop.events.all(), key=lambda e: e.pk)
            assert events[-1].target == coop.state, coop.title
            assert [e.at for e in events] == sorted(e.at for e in events), coop.title
            assert events[-1].at < now
            assert all(e.by is not None for e in events)

    def test_every_demo_cooperation_passes_the_rules(self):
        for coop in Cooperation.objects.prefetch_related("partners__country"):
            problems = rules.cooperation_problems(
                kind=coop.kind,
                sub_form=coop.sub_form,
                route=coop.route,
                partners=list(coop.partners.all()),
                start=coop.start_date,
                end=coop.end_date,
            )
            assert problems == [], coop.title

    def test_signed_agreements_carry_a_number_per_party_and_are_still_valid(self):
        agreements = Document.objects.filter(
            kind__in=[Document.Kind.MOU, Document.Kind.FRAMEWORK_AGREEMENT]
        )
        assert agreements.count() == 4
        for document in agreements:
            # Temasek's training is the dormant example of plans of action (implementation.demo).
            dormant = "Temasek" in document.cooperation.title
            expected = Cooperation.State.DORMANT if dormant else Cooperation.State.IMPLEMENTATION
            assert document.cooperation.state == expected, document.cooperation.title
            assert document.parties.count() == 2
            assert document.parties.get(role="first").number
            assert document.valid_until is not None
            assert document.valid_until > timezone.localdate()

    def test_its_files_are_written_outside_the_checkout_and_readable_in_each_test(self, settings):
        names = [document.file.name for document in Document.objects.exclude(file="")]
        assert names  # the demo stores at least one document's file
        checkout_media = settings.BASE_DIR / "media"
        assert not any((checkout_media / name).exists() for name in names)
        assert all(default_storage.exists(name) for name in names)


def test_it_reports_what_it_loaded(loaded):
    assert "Demo data loaded" in loaded
    assert "Pemerintah Kota Makassar: users 5, agencies 8, partners 14" in loaded


def test_engie_ineo_waits_in_the_central_review_queue(loaded):
    from mitra.reviews.models import ReviewRequest

    review = ReviewRequest.objects.get(cooperation__title__icontains="ENGIE", status="open")
    assert review.kind == "hold"
    assert review.tenant.region.code == "7371"


def test_the_central_reviewers_queue_holds_both_governments_at_every_state(loaded):
    """The reviewer's home is a real day's queue: requests of both demo governments waiting for
    verification, approval and a hold, one returned to the region with a note and one verified,
    each decision taken through the review service (a document and a move of the procedure)."""
    from mitra.cooperations.models import Cooperation
    from mitra.reviews.models import ReviewRequest

    reviews = ReviewRequest.objects.select_related("tenant__region", "cooperation")
    waiting = reviews.filter(status="open")
    assert {r.kind for r in waiting} == {"verification", "approval", "hold"}
    assert {r.tenant.region.code for r in waiting} == {"7371", "3273"}
    returned = reviews.get(status="returned")
    assert returned.decision_note and returned.decision_document is not None
    assert returned.cooperation.state == Cooperation.State.COOPERATION_PLAN
    verified = reviews.get(status="approved", kind="verification")
    assert verified.cooperation.state == Cooperation.State.MOU_DRAFTING
    assert {returned.tenant.region.code, verified.tenant.region.code} == {"7371", "3273"}
    assert all(r.opened_by is not None for r in reviews)  # the officer who put it forward
    # A request for verification comes with the region's file for the reviewer to read.
    verification = waiting.get(kind="verification").cooperation
    sent = set(verification.documents.values_list("kind", flat=True))
    assert {"letter_of_intent", "cooperation_plan", "council_approval"} <= sent


def test_engie_ineo_has_waited_since_it_was_put_on_hold(loaded):
    from mitra.cooperations.models import CooperationEvent
    from mitra.reviews.models import ReviewRequest

    review = ReviewRequest.objects.get(cooperation__title__icontains="ENGIE", status="open")
    hold = CooperationEvent.objects.get(cooperation=review.cooperation, action="put_on_hold")
    assert review.opened_at == hold.at


def test_the_bandung_officers_digest_names_the_mara_follow_up(
    loaded, mailoutbox, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):  # digests leave on commit
        call_command("remind", stdout=StringIO())
    to_officer = [m for m in mailoutbox if "bandung.officer@" in " ".join(m.to)]
    assert len(to_officer) == 1
    assert "MARA" in to_officer[0].body
    html = to_officer[0].alternatives[0][0]
    assert "MARA" in html
    assert not any("makassar" in " ".join(m.to) and "MARA" in m.body for m in mailoutbox)
