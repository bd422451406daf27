"""The leadership view: promised against delivered per cooperation, sector and country; XLSX."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mitra.cooperations.models import Cooperation, Sector
from mitra.cooperations.services import record_past_state
from mitra.implementation import services
from mitra.implementation.overview import overview
from mitra.implementation.tests.conftest import english_client, plan_item, signed_cooperation
from tests.downloads import through_the_worker
from tests.factories import make_cooperation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

TODAY = date(2025, 10, 1)
D = Decimal


@pytest.fixture
def two_cooperations(tenant):
    """A Malaysian MSME cooperation with outlets and a dormant Korean one with training."""
    mara, mara_mou = signed_cooperation(
        tenant, title="Little Bandung", country="MY", sectors=(Sector.Slug.MSME_TRADE,)
    )
    outlets = plan_item(mara_mou, start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    services.record_progress(outlets, by=None, date=date(2025, 9, 1), value=D(80), smes_reached=40)
    trainees = plan_item(
        mara_mou, activity="Pelatihan", target_quantity=D(30), unit="peserta", end_date=None
    )
    services.record_progress(trainees, by=None, date=date(2025, 9, 1), value=D(30))
    services.update_plan_item(trainees, by=None, status="done")
    incheon, incheon_mou = signed_cooperation(
        tenant,
        title="E-government Incheon",
        country="KR",
        sectors=(Sector.Slug.MSME_TRADE, Sector.Slug.E_GOVERNMENT),
    )
    training = plan_item(
        incheon_mou, activity="Pelatihan ASN", target_quantity=D(20), unit="Peserta "
    )
    services.record_progress(
        training, by=None, date=date(2025, 5, 1), value=D(5), investment_value=D("1500000")
    )
    record_past_state(incheon, Cooperation.State.DORMANT, by=None, note="test setup")
    return mara, incheon


def test_each_signed_cooperation_shows_promised_delivered_and_benefits(tenant, two_cooperations):
    mara, incheon = two_cooperations
    make_cooperation(tenant, title="Still exploring")  # not signed: not shown
    report = overview(tenant, TODAY)
    assert [row.cooperation for row in report.rows] == [incheon, mara]
    incheon_row, mara_row = report.rows
    assert [(line.unit, line.target, line.achieved) for line in mara_row.targets] == [
        ("gerai", D(200), D(80)),
        ("peserta", D(30), D(30)),
    ]
    assert (mara_row.items, mara_row.done, mara_row.countries) == (2, 1, ["Malaysia"])
    assert [p.item.activity for p in mara_row.at_risk] == ["Gerai Little Bandung"]  # 40% at 75%
    assert mara_row.benefits == {"smes_reached": D(40)}
    assert incheon_row.dormant and not mara_row.dormant
    assert [row.cooperation for row in report.dormant] == [incheon]


def test_figures_are_aggregated_by_sector_and_by_partner_country(tenant, two_cooperations):
    report = overview(tenant, TODAY)
    sectors = {g.label: g for g in report.by_sector}
    msme = sectors["MSMEs and trade"]
    assert (msme.cooperations, msme.dormant, msme.items, msme.done) == (2, 1, 3, 1)
    # "peserta" and "Peserta " are one unit.
    assert [(t.unit.casefold(), t.target, t.achieved) for t in msme.targets] == [
        ("gerai", D(200), D(80)),
        ("peserta", D(50), D(35)),
    ]
    assert msme.benefits == {"smes_reached": D(40), "investment_value": D("1500000")}
    assert sectors["e-government"].cooperations == 1
    countries = {g.label: g.cooperations for g in report.by_country}
    assert countries == {"Malaysia": 1, "South Korea": 1}
    assert (report.totals.cooperations, report.totals.items, report.totals.dormant) == (2, 3, 1)


def test_the_overview_costs_the_same_few_queries_for_5_or_50_cooperations(
    tenant, django_assert_max_num_queries
):
    def fill(count):
        for _n in range(count):
            _coop, mou = signed_cooperation(tenant)
            item = plan_item(mou)
            services.record_progress(item, by=None, date=date(2025, 3, 1), value=D(5))

    fill(5)
    with django_assert_max_num_queries(8):
        assert len(overview(tenant, TODAY).rows) == 5
    fill(45)
    with django_assert_max_num_queries(8):
        assert len(overview(tenant, TODAY).rows) == 50


def test_the_page_shows_the_figures_and_each_tenant_sees_only_its_own(
    client_as, leadership, outsider, two_cooperations
):
    page = english_client(client_as(leadership)).get(reverse("implementation:overview"))
    content = page.content.decode()
    assert page.status_code == 200
    assert "Little Bandung" in content and "80 / 200 gerai (40%)" in content
    totals = content[content.index('id="totals"') : content.index('id="cooperations"')]
    # The totals' figures under their headings, not bare lines after the table.
    assert totals.index("<h3>Promised and delivered</h3>") < totals.index("gerai")
    assert totals.index("<h3>Benefits reported</h3>") < totals.index("small businesses reached")
    other = client_as(outsider).get(reverse("implementation:overview")).content.decode()
    assert "Little Bandung" not in other
    xlsx = through_the_worker(english_client(client_as(outsider)), reverse("implementation:export"))
    assert load_workbook(io.BytesIO(xlsx.content))["Cooperations"].max_row == 1


def test_with_nothing_signed_the_sector_and_country_sections_say_so_instead_of_an_empty_table(
    client_as, leadership
):
    make_cooperation(leadership.memberships.get().tenant, title="Still exploring")
    page = english_client(client_as(leadership)).get(reverse("implementation:overview"))
    content = page.content.decode()
    assert content.count("No signed cooperation to count here yet.") == 2
    assert "<table" not in content
    assert "counts in each of them" not in content


def test_a_central_reviewer_without_tenant_is_refused(client_as, central_reviewer):
    assert client_as(central_reviewer).get(reverse("implementation:overview")).status_code == 403


def test_the_xlsx_export_has_typed_cells(client_as, leadership, two_cooperations):
    response = through_the_worker(
        english_client(client_as(leadership)), reverse("implementation:export")
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Cooperations", "Plan items", "By sector", "By partner country"]
    items = workbook["Plan items"]
    headers = [cell.value for cell in items[1]]
    outlets = next(
        row for row in items.iter_rows(min_row=2) if row[3].value == "Gerai Little Bandung"
    )
    cell = dict(zip(headers, outlets, strict=True))
    assert cell["Target"].value == 200 and cell["Achieved"].value == 80
    assert cell["Share of target"].value == pytest.approx(0.4)
    assert cell["Share of target"].number_format == "0%"
    assert cell["Period start"].is_date
    assert "40% done" in cell["At risk because"].value
    cooperations = workbook["Cooperations"]
    first = [c.value for c in cooperations[2]]
    assert first[0] == "E-government Incheon" and isinstance(first[5], int)
