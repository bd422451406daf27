"""The report page: every member of the tenant reads it, no one else; a bad period is a field error."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.reports.forms import PeriodForm
from mitra.reports.periods import period_label, quarter_dates
from mitra.reports.tests.conftest import many_cooperations
from mitra.tenancy.models import Membership
from tests.downloads import ask, download, run_the_worker
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PAGE = reverse("reports:index")
YEAR_2024 = {"period": "year", "year": "2024"}
# The worker's own queries around a file: find the task, claim, read, progress, store, mark done.
WORKER_QUERIES = 8


@pytest.mark.parametrize("role", [r for r in Membership.Role if r != "central_reviewer"])
def test_every_member_of_the_tenant_may_read_the_report(client_as, tenant, incheon, role):
    response = client_as(make_user(tenant, role)).get(PAGE, YEAR_2024)
    assert response.status_code == 200
    assert "Sister city Makassar Incheon" in response.content.decode()


def test_the_page_shows_the_current_year_on_a_first_visit(client_as, leadership, tenant):
    many_cooperations(tenant, 1)  # recorded today
    response = client_as(leadership).get(PAGE)
    report = response.context["report"]
    year = timezone.localdate().year
    assert (report.start, report.end) == (date(year, 1, 1), date(year, 12, 31))
    assert [row.title for row in response.context["register"].object_list] == ["Kerja sama 0"]


def test_the_download_links_keep_the_period(client_as, leadership, incheon):
    period = {"period": "quarter", "year": "2024", "quarter": "3"}
    html = client_as(leadership).get(PAGE, period).content.decode()
    assert f"{reverse('reports:pdf')}?period=quarter&amp;year=2024&amp;quarter=3" in html
    assert f"{reverse('reports:xlsx')}?period=quarter&amp;year=2024&amp;quarter=3" in html


def test_the_kind_summary_says_what_each_abbreviation_stands_for(client_as, leadership, incheon):
    html = client_as(leadership).get(PAGE, YEAR_2024).content.decode()
    kinds = html[html.index('id="summary-kind"') :]
    kinds = kinds[: kinds.index("</table>")]
    assert "KSDPL" in kinds
    assert workflow.kind_description(Cooperation.Kind.FOREIGN_REGION) in kinds


def test_an_outsider_sees_only_their_own_tenants_report(client_as, outsider, incheon, hamamatsu):
    response = client_as(outsider).get(PAGE, {"period": "year", "year": "2023"})
    html = response.content.decode()
    assert "Bandung Hamamatsu" in html
    assert "Sister city Makassar Incheon" not in html
    assert "070/123/KS/2024" not in html


@pytest.mark.parametrize("url", ["reports:index", "reports:pdf", "reports:xlsx"])
def test_someone_without_a_regional_government_is_refused(client_as, central_reviewer, url):
    assert client_as(central_reviewer).get(reverse(url)).status_code == 403


@pytest.mark.parametrize("url", ["reports:index", "reports:pdf", "reports:xlsx"])
def test_a_visitor_must_log_in(client, url):
    response = client.get(reverse(url))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"period": "year", "year": "abc"}, "year"),
        ({"period": "year"}, "year"),
        ({"period": "year", "year": "1800"}, "year"),
        ({"period": "quarter", "year": "2024"}, "quarter"),
        ({"period": "quarter", "year": "2024", "quarter": "5"}, "quarter"),
        ({"period": "custom", "start": "2024-05-01"}, "end"),
        ({"period": "custom", "start": "2024-05-01", "end": "2024-01-01"}, "end"),
        ({"period": "custom", "start": "2024-02-30", "end": "2024-03-01"}, "start"),
        ({"period": "custom", "start": "0001-01-01", "end": "9999-12-31"}, "end"),
        ({"period": "decade"}, "period"),
    ],
)
def test_a_bad_period_is_a_field_error_and_keeps_the_input(client_as, leadership, data, field):
    response = client_as(leadership).get(PAGE, data)
    assert response.status_code == 200
    assert response.context["report"] is None
    assert field in response.context["form"].errors
    assert 'class="errorlist' in response.content.decode()


def test_the_page_has_no_inline_style_or_script(client_as, leadership, incheon, tual):
    html = client_as(leadership).get(PAGE, YEAR_2024).content.decode()
    assert "style=" not in html
    assert "<script>" not in html
    assert "<svg" in html


@pytest.mark.parametrize("count", [5, 50])
def test_the_page_costs_the_same_queries_whatever_the_size(
    client_as, leadership, tenant, count, django_assert_max_num_queries
):
    many_cooperations(tenant, count)
    client = client_as(leadership)
    with django_assert_max_num_queries(15):
        response = client.get(PAGE, YEAR_2024)
    assert response.context["report"].total == count
    register = response.context["register"]
    assert register.paginator.count == count
    assert [row.number for row in register.object_list] == list(range(1, min(count, 25) + 1))


@pytest.mark.parametrize("count", [5, 50])
def test_a_provinces_downloads_cost_the_same_queries_whatever_the_size(
    client_as, province_officer, tenant, count, django_assert_max_num_queries
):
    many_cooperations(tenant, count)
    client = client_as(province_officer)
    with django_assert_max_num_queries(15):
        pk = ask(client, reverse("reports:xlsx"), YEAR_2024)
    with django_assert_max_num_queries(15 + WORKER_QUERIES):
        run_the_worker()
    assert download(client, pk).status_code == 200


def test_a_period_is_named_by_year_quarter_or_dates(english):
    assert period_label(date(2024, 1, 1), date(2024, 12, 31)) == "Year 2024"
    assert period_label(*quarter_dates(2024, 2)) == "Quarter II of 2024"
    assert period_label(date(2024, 1, 1), date(2024, 2, 15)) == (
        "January 1, 2024 to February 15, 2024"
    )


def test_the_form_turns_a_quarter_into_its_first_and_last_day():
    form = PeriodForm({"period": "quarter", "year": "2024", "quarter": "1"})
    assert form.is_valid()
    assert form.dates() == (date(2024, 1, 1), date(2024, 3, 31))
    form = PeriodForm({"period": "quarter", "year": "2023", "quarter": "4"})
    assert form.is_valid()
    assert form.dates() == (date(2023, 10, 1), date(2023, 12, 31))
