"""The report through the API: the same data as the report page, for the caller's tenant."""

from datetime import date

from mitra.api.tests.conftest import API
from mitra.cooperations.services import record_past_state
from tests.factories import make_cooperation


def test_the_report_lists_the_tenants_register_of_the_period(
    api_as, cooperation_officer, tenant, other_tenant
):
    ours = make_cooperation(tenant, title="Makassar–Incheon", start_date=date(2025, 2, 1))
    record_past_state(ours, "exploration", by=None, note="test setup")
    make_cooperation(other_tenant, title="Bandung–Hamamatsu", start_date=date(2025, 2, 1))
    response = api_as(cooperation_officer).get(f"{API}/reports?period=year&year=2025")
    assert response.status_code == 200, response.content
    report = response.json()
    assert (report["start"], report["end"]) == ("2025-01-01", "2025-12-31")
    assert [row["title"] for row in report["register"]] == ["Makassar–Incheon"]
    assert report["total"] == 1
    assert {tally["value"]: tally["count"] for tally in report["by_kind"]}["foreign_region"] == 1


def test_a_custom_period_that_ends_before_it_starts_is_422(api_as, cooperation_officer):
    response = api_as(cooperation_officer).get(
        f"{API}/reports?period=custom&start=2025-06-01&end=2025-01-01"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "end"]


def test_a_quarter_needs_its_number(api_as, cooperation_officer):
    response = api_as(cooperation_officer).get(f"{API}/reports?period=quarter&year=2025")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "quarter"]
