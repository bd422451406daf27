"""The region page filters, counts and pages its published cooperations in the database, with
the figures the page had when it built every record: on a synthetic country of four regions,
the counts per stage, the filters' choices and the records each filter leaves are the same as
those worked out from every record, for each region, and no region's records reach another's
page."""

from collections.abc import Iterator
from datetime import date
from itertools import islice

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django import DjangoDbBlocker

from mitra.cooperations.models import Cooperation
from mitra.demo.synthetic.people import BIG_CITY
from mitra.portal import access
from mitra.portal.public import (
    PublicCooperation,
    PublicFilters,
    country_choices,
    country_choices_of,
    filtered,
    public_record,
    sector_choices,
    sector_choices_of,
    stage_counts,
    stage_counts_of,
)
from mitra.portal.services import publish_cooperation
from mitra.portal.stages import Stage, stage_of, states_at
from mitra.tenancy.models import Tenant
from tests.factories import make_document
from tests.shared import built_once, synthesize

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def country(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    """Four regions, the big city with 200 of the 400 cooperations (about a third published: two pages)."""
    with built_once(django_db_blocker):
        synthesize(tenants=4, cooperations=400, seed=5, today=TODAY)
        # Published explorations of each region, some with their LoI recorded as signed while
        # the step waits: the public reads those as "LoI signed" (stages.public_stage), which
        # the database's counts and filters must say too.
        exploring = Cooperation.objects.filter(state__in=states_at(Stage.EXPLORATION))
        for tenant in Tenant.objects.all():
            for n, coop in enumerate(exploring.filter(tenant=tenant).order_by("pk")[:4]):
                publish_cooperation(coop, by=None, public_title=coop.title)
                if n % 2:
                    make_document(coop, date_signed=TODAY)
        yield


def publishing() -> list[Tenant]:
    return [t for t in Tenant.objects.order_by("pk") if access.publishes(t)]


def every_record(tenant: Tenant) -> list[PublicCooperation]:
    """What the page used to build: every published record of the region."""
    return [public_record(p, tenant) for p in access.published_for(tenant)]


def filters_of(records: list[PublicCooperation]) -> list[PublicFilters]:
    """No filter, each kind, stage, country and sector met, and a few of them together."""
    countries = [code for code, _name in country_choices(records)]
    sectors = [slug for slug, _label in sector_choices(records)]
    return [
        PublicFilters(),
        *(PublicFilters(kind=kind) for kind in Cooperation.Kind.values),
        *(PublicFilters(stage=stage) for stage in Stage.values),
        *(PublicFilters(country=code) for code in countries),
        *(PublicFilters(sector=slug) for slug in sectors),
        *(
            PublicFilters(kind=r.kind, stage=r.stage, country=code, sector=slug)
            for r in islice(records, 0, None, 7)
            for code in r.countries[:1]
            for slug, _label in r.sectors[:1]
        ),
        PublicFilters(country="XX"),  # a country no partner is in
    ]


@pytest.mark.usefixtures("country")
class TestTheRegionPageFromTheDatabase:
    def test_the_big_city_publishes_enough_to_fill_pages_and_filters(self) -> None:
        records = every_record(Tenant.objects.get(region__code=BIG_CITY))
        assert len(records) > 50  # more than one page
        assert len(country_choices(records)) > 5
        assert len(stage_counts(records)) > 3
        state_of = dict(
            access.published(Tenant.objects.get(region__code=BIG_CITY)).values_list(
                "pk", "cooperation__state"
            )
        )
        signed_while_exploring = [
            r
            for r in records
            if r.stage == Stage.INTENT and stage_of(state_of[r.pk]) == Stage.EXPLORATION
        ]
        assert signed_while_exploring
        assert len(publishing()) > 1

    @pytest.mark.parametrize("language", ["id", "en"])
    def test_the_counts_and_choices_are_those_of_every_record(self, language: str) -> None:
        with translation.override(language):
            for tenant in publishing():
                records = every_record(tenant)
                assert stage_counts_of(access.published_states(tenant)) == stage_counts(records)
                countries = access.published_countries(tenant)
                assert country_choices_of(countries) == country_choices(records)
                sectors = access.published_sectors(tenant)
                assert sector_choices_of(sectors) == sector_choices(records)

    def test_each_filter_leaves_the_records_it_left_among_every_record(self) -> None:
        for tenant in publishing():
            records = every_record(tenant)
            for filters in filters_of(records):
                narrowed = access.published_for(tenant, filters.narrowing())
                shown = [public_record(p, tenant) for p in narrowed]
                assert shown == filtered(records, filters), (tenant.name, filters)

    def test_a_region_page_shows_only_its_own_records(self) -> None:
        for tenant in publishing():
            own = {p.pk for p in access.published(tenant)}
            assert {p.pk for p in access.published_for(tenant)} == own
            for other in publishing():
                if other != tenant:
                    theirs = {p.pk for p in access.published_for(other)}
                    assert not own & theirs

    def test_the_pages_put_together_are_every_record_the_filter_leaves(self, client) -> None:
        tenant = Tenant.objects.get(region__code=BIG_CITY)
        records = every_record(tenant)
        stage = max(stage_counts(records), key=lambda label_count: label_count[1])[0]
        stage_value = next(s.value for s in Stage if str(s.label) == stage)
        for query in ({}, {"stage": stage_value}):
            expected = filtered(records, PublicFilters(**query))
            shown, number = [], 1
            while True:
                url = reverse("portal:tenant", args=[tenant.slug])
                response = client.get(url, {**query, "page": number})
                shown += response.context["records"]
                if not response.context["page"].has_next():
                    break
                number += 1
            assert shown == expected
            assert response.context["matching"] == len(expected)
            assert response.context["total"] == len(records)
            assert response.context["stage_counts"] == stage_counts(records)
