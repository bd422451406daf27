"""The report page counts in the database what the report counts over its whole register: on a
synthetic country of four regions, every figure of the page equals the report's, for each
region, period and language, and no region's rows reach another's page."""

from collections.abc import Iterator
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django import DjangoDbBlocker

from mitra.cooperations.models import Cooperation
from mitra.demo.synthetic.people import BIG_CITY
from mitra.reports.overview import report_overview
from mitra.reports.queries import Report, build_report
from mitra.reports.views import SHOWN
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_user
from tests.shared import built_once, synthesize

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 20)
PERIODS = {
    "this year": (date(2026, 1, 1), date(2026, 12, 31)),
    "last year": (date(2025, 1, 1), date(2025, 12, 31)),
    "a quarter": (date(2026, 7, 1), date(2026, 9, 30)),
    "a span of years": (date(2023, 6, 15), date(2026, 3, 31)),
    "before anything": (date(1990, 1, 1), date(1990, 12, 31)),
}


@pytest.fixture(scope="module")
def country(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    """Four regions, the big city with 100 of the 200 cooperations (four pages of the register)."""
    with built_once(django_db_blocker):
        synthesize(tenants=4, cooperations=200, seed=3, today=TODAY)
        yield


def regions() -> list[Tenant]:
    return list(Tenant.objects.order_by("pk"))


def figures(report: Report) -> dict[str, object]:
    return {
        "total": report.total,
        "by_state": report.by_state,
        "by_kind": report.by_kind,
        "by_sector": report.by_sector,
        "by_country": report.by_country,
        "steps": report.steps,
        "live": report.follow_up.live,
        "on_track": report.follow_up.on_track,
        "needing": len(report.follow_up.needing),
        "first needing": report.follow_up.needing[:SHOWN],
        "rollup": report.rollup,
        "register order": [row.id for row in report.register],
    }


@pytest.mark.usefixtures("country")
class TestThePageCountsWhatTheReportCounts:
    def test_the_big_city_fills_pages_of_the_register_and_of_follow_up(self) -> None:
        big = Tenant.objects.get(region__code=BIG_CITY)
        report = build_report(big, today=TODAY, start=PERIODS["this year"][0], end=TODAY)
        assert report.total > 2 * 25  # several pages of the register
        assert len(report.follow_up.needing) > SHOWN
        assert len(report.by_country) > 3
        assert len(report.by_sector) > 3

    @pytest.mark.parametrize("language", ["id", "en"])
    @pytest.mark.parametrize("period", PERIODS, ids=list(PERIODS))
    def test_every_figure_equals_the_reports_for_every_region(
        self, period: str, language: str
    ) -> None:
        start, end = PERIODS[period]
        with translation.override(language):
            for region in regions():
                report = build_report(region, start=start, end=end, today=TODAY)
                page = report_overview(region, start=start, end=end, shown=SHOWN, today=TODAY)
                assert {
                    "total": page.total,
                    "by_state": page.by_state,
                    "by_kind": page.by_kind,
                    "by_sector": page.by_sector,
                    "by_country": page.by_country,
                    "steps": page.steps,
                    "live": page.follow_up.live,
                    "on_track": page.follow_up.on_track,
                    "needing": page.follow_up.needing.total,
                    "first needing": page.follow_up.needing.rows,
                    "rollup": page.rollup,
                    "register order": page.order,
                } == figures(report), region.name

    def test_a_region_counts_only_its_own_cooperations(self) -> None:
        start, end = PERIODS["a span of years"]
        for region in regions():
            page = report_overview(region, start=start, end=end, shown=SHOWN, today=TODAY)
            own = set(Cooperation.objects.filter(tenant=region).values_list("pk", flat=True))
            assert page.order and set(page.order) <= own
            assert page.total == len(page.order)
            assert sum(t.count for t in page.by_kind) == page.total

    def test_the_pages_of_the_register_put_together_are_the_whole_register(self, client_as) -> None:
        start, end = PERIODS["this year"]
        period = {"period": "year", "year": "2026"}
        big, small, *_others = sorted(regions(), key=lambda r: r.region_id != BIG_CITY)
        for region in (big, small):
            client = client_as(make_user(region, Membership.Role.LEADERSHIP))
            whole = build_report(region, start=start, end=end).register
            shown, number = [], 1
            while True:
                response = client.get(reverse("reports:index"), {**period, "page": number})
                page = response.context["register"]
                shown += page.object_list
                if not page.has_next():
                    break
                number += 1
            assert shown == whole, region.name
            assert len(response.content) <= 200 * 1024
