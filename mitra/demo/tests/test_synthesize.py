"""`mitra synthesize` at a tiny size: the counts asked for, states the table allows, the same
data for the same seed, a refusal on a database with real tenants, and every page of the big
city rendering for its officer."""

from collections.abc import Iterator
from datetime import date
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db.models import F, Max
from django.test import Client
from django.utils import translation
from pytest_django import DjangoDbBlocker

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, CooperationEvent, Document
from mitra.demo.synthetic.people import BIG_CITY
from mitra.demo.tests.test_every_page_renders import broken, walk
from mitra.followups.models import Activity, Task
from mitra.portal.models import Publication
from mitra.reviews.models import ReviewRequest
from mitra.tenancy.models import Tenant
from mitra.tenancy.scope import TENANT_SOURCES
from tests.factories import make_cooperation
from tests.shared import built_once

pytestmark = pytest.mark.django_db
TODAY = "2026-11-20"


def synthesize(*args: str) -> str:
    out = StringIO()
    call_command(
        "synthesize", "--tenants", "3", "--cooperations", "60", "--today", TODAY, *args, stdout=out
    )
    return out.getvalue()


def fingerprint() -> list[tuple[str, str, str, str, int]]:
    """The data without its ids: per cooperation its region, title, kind, state and steps."""
    rows = Cooperation.objects.values_list("tenant__region_id", "title", "kind", "state", "pk")
    steps = {pk: CooperationEvent.objects.filter(cooperation_id=pk).count() for *_rest, pk in rows}
    return sorted(
        (region, title, kind, state, steps[pk]) for region, title, kind, state, pk in rows
    )


@pytest.fixture(scope="module")
def tiny(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    with built_once(django_db_blocker):
        synthesize("--seed", "7")
        yield


@pytest.mark.usefixtures("tiny")
class TestATinyCountry:
    def test_it_makes_the_tenants_and_cooperations_asked_for(self) -> None:
        assert Tenant.objects.count() == 3
        assert Cooperation.objects.count() == 60

    def test_the_big_city_is_makassar_with_the_largest_share(self) -> None:
        shares = {t.region_id: t.cooperations.count() for t in Tenant.objects.all()}
        assert max(shares, key=lambda code: shares[code]) == BIG_CITY

    def test_every_state_is_one_the_table_allows_for_its_kind_and_order(self) -> None:
        for coop in Cooperation.objects.all():
            assert coop.state in workflow.states_of(coop.kind, coop.procedure_order), coop.title

    def test_every_row_carries_the_tenant_of_the_record_it_hangs_from(self) -> None:
        disagreeing = [
            label
            for label, parent in TENANT_SOURCES.items()
            if apps.get_model(label)
            ._base_manager.exclude(tenant_id=F(f"{parent}__tenant_id"))
            .exists()
        ]
        assert disagreeing == []

    def test_the_link_tables_and_histories_of_every_region_are_filled(self) -> None:
        written = [
            "cooperations.CooperationPartner",
            "cooperations.CooperationSector",
            "cooperations.CooperationAffair",
            "cooperations.CooperationAgency",
            "cooperations.CooperationEvent",
            "cooperations.Document",
            "cooperations.DocumentParty",
            "events.EventCooperation",
        ]
        regions = set(Tenant.objects.values_list("pk", flat=True))
        unfilled = [
            label
            for label in written
            if set(apps.get_model(label).objects.values_list("tenant_id", flat=True)) != regions
        ]
        assert unfilled == []

    def test_records_made_afterwards_get_numbers_of_their_own(self) -> None:
        """The synthetic rows took their numbers from the tables' sequences."""
        tenant = Tenant.objects.get(region_id=BIG_CITY)
        highest = Cooperation.objects.aggregate(highest=Max("pk"))["highest"]
        assert make_cooperation(tenant).pk > highest

    def test_every_step_of_a_history_is_a_move_of_the_table(self) -> None:
        for event in CooperationEvent.objects.select_related("cooperation").exclude(
            action="create"
        ):
            coop = event.cooperation
            assert any(
                t.action == event.action and t.source == event.source and t.target == event.target
                for t in workflow.TRANSITIONS
                if coop.kind in t.kinds and coop.procedure_order in t.orders
            ), (event.action, event.source, event.target)

    def test_the_history_ends_in_the_current_state(self) -> None:
        for coop in Cooperation.objects.all():
            assert coop.events.order_by("at", "pk").last().target == coop.state

    def test_signed_cooperations_have_their_agreements_and_waiting_ones_a_review(self) -> None:
        signed = Cooperation.objects.filter(state__in=workflow.SIGNED)
        assert signed.exists()
        assert all(Document.objects.filter(cooperation=c).exists() for c in signed)
        waiting = Cooperation.objects.filter(state__in=workflow.CENTRAL_REVIEW_STATES)
        assert ReviewRequest.objects.filter(status="open").count() == waiting.count()

    def test_there_are_activities_and_some_tasks_are_overdue(self) -> None:
        assert Activity.objects.count() >= 3 * 60
        assert Task.objects.open().filter(due_date__lt=date.fromisoformat(TODAY)).exists()

    def test_every_page_of_the_big_city_renders_for_its_officer(self) -> None:
        officer = User.objects.get(username="syn-kota-makassar.officer")
        client = Client()
        client.force_login(officer)
        with translation.override("id"):
            statuses = walk(client).statuses
        assert broken(statuses) == {}
        assert len(statuses) >= 20, sorted(statuses)

    def test_the_big_citys_public_portal_shows_its_published_cooperations(self) -> None:
        response = Client().get("/public/syn-kota-makassar/")
        assert response.status_code == 200
        published = Publication.objects.filter(tenant__region_id=BIG_CITY).first()
        assert published is not None
        assert published.public_title in response.content.decode()

    def test_the_big_citys_officer_gets_404_on_another_regions_cooperation(self) -> None:
        client = Client()
        client.force_login(User.objects.get(username="syn-kota-makassar.officer"))
        elsewhere = Cooperation.objects.exclude(tenant__region_id=BIG_CITY).first()
        assert elsewhere is not None
        assert client.get(elsewhere.get_absolute_url()).status_code == 404
