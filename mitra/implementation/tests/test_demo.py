"""The demo: plans of action for Makassar's signed seed cases, one item behind schedule."""

from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from pytest_django import DjangoDbBlocker

from mitra.cooperations.models import Cooperation
from mitra.dashboard import queries as dashboard
from mitra.demo.load import load_demo
from mitra.implementation.demo import load_implementation_demo
from mitra.implementation.models import Evaluation, Obligation, PlanItem
from mitra.implementation.overview import overview
from mitra.implementation.queries import dormancy_facts
from mitra.tenancy.models import Membership, Tenant
from tests.shared import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture(scope="module")
def makassar(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Tenant]:
    """The demo, loaded once for the module's read-only tests."""
    with built_once(django_db_blocker), translation.override("en"):
        today = timezone.localdate()
        tenants = {t.region.code: t for t in load_demo(today=today)}
        if not PlanItem.objects.exists():  # until the demo loader calls it itself
            officers = {
                code: Membership.objects.get(tenant=t, role="cooperation_officer").user
                for code, t in tenants.items()
            }
            load_implementation_demo(tenants, officers, today)
        yield tenants["7371"]


def test_the_leadership_view_shows_promised_against_delivered_and_who_is_behind(makassar):
    report = overview(makassar, timezone.localdate())
    by_title = {row.cooperation.title: row for row in report.rows}
    ie = by_title["Smart city dan keamanan kota bersama IE Singapore"]
    cctv = next(line for line in ie.targets if line.unit == "kamera CCTV")
    assert (cctv.target, cctv.achieved) == (Decimal(500), Decimal(130))
    palembang = by_title["Smart security dan integrasi CCTV bersama Kota Palembang"]
    assert palembang.items == 3 and palembang.benefits["people_trained"] == 8
    flagged = {p.item.activity: p.reasons for row in report.rows for p in row.at_risk}
    training = flagged["Pelatihan operator pusat komando smart city"]
    assert training == ["20% done with 65% of the period elapsed."]


def test_obligations_evaluation_and_the_dormant_example(makassar):
    meeting = PlanItem.objects.get(activity__startswith="Rapat komite bersama")
    obligation = Obligation.objects.get(item=meeting)
    assert obligation.task is not None and obligation.event is not None
    evaluation = Evaluation.objects.get()
    assert "Incheon" in evaluation.cooperation.title
    assert evaluation.report.file.name.endswith(".pdf")
    temasek = makassar.cooperations.get(title__icontains="Temasek")
    assert temasek.state == Cooperation.State.DORMANT
    assert temasek.events.latest("at").action == "mark_dormant"
    board = dashboard.dashboard(makassar, timezone.localdate())
    assert [row.cooperation for row in board.dormant.rows] == [temasek]
    facts = dormancy_facts(temasek)
    assert facts.missing == [
        "Pelatihan kepemimpinan pejabat Pemkot Makassar di Singapura: "
        "30 of 30 pejabat not yet delivered"
    ]


def test_bandungs_mara_plan_intends_200_little_bandung_outlets_before_signing(makassar):
    from mitra.implementation.models import IntendedOutput

    (outlets,) = IntendedOutput.objects.filter(cooperation__title__contains="MARA")
    assert (outlets.target_quantity, outlets.unit) == (Decimal(200), "gerai")
    assert outlets.tenant.region.code == "3273" and outlets.plan_item is None
    assert not IntendedOutput.objects.filter(tenant=makassar).exists()
