"""Exporting the filtered register to XLSX and CSV: same filters as the list, only the tenant's rows;
the worker makes the file the person asked for."""

import csv
import io
from datetime import date, datetime

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from mitra.cooperations.models import Cooperation
from tests.downloads import ask, run_the_worker, through_the_worker
from tests.factories import make_cooperation

pytestmark = pytest.mark.django_db

XLSX = reverse("cooperations:export_xlsx")
CSV = reverse("cooperations:export_csv")
# The worker's own queries around a file: find the task, claim, read, progress, store, mark done.
WORKER_QUERIES = 8


@pytest.fixture
def register(tenant, other_tenant):
    make_cooperation(
        tenant,
        title="Sister city Makassar–Incheon",
        sectors=["smart_city"],
        start_date=date(2024, 1, 2),
        end_date=date(2029, 1, 1),
    )
    make_cooperation(tenant, title="Tourism with Busan", sectors=["tourism"])
    make_cooperation(other_tenant, title="Bandung–Hamamatsu", sectors=["tourism"])


def read_xlsx(response):
    return load_workbook(io.BytesIO(response.content)).active


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_the_xlsx_has_a_bold_frozen_header_and_typed_dates(
    client_as, cooperation_officer, register
):
    client = client_as(cooperation_officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = through_the_worker(client, XLSX, {"sort": "title"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = read_xlsx(response)
    header = [cell.value for cell in sheet[1]]
    assert header == [
        "Title",
        "Kind",
        "Sub-form",
        "State",
        "Partners",
        "Countries",
        "Sectors",
        "Owner",
        "Start",
        "End",
        "Last updated",
    ]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= 30
    row = [cell.value for cell in sheet[2]]
    assert row[0] == "Sister city Makassar–Incheon"
    assert row[1] == "KSDPL"
    assert row[8].date() == date(2024, 1, 2)
    assert sheet.cell(2, 9).number_format == "yyyy-mm-dd"
    assert isinstance(row[10], datetime)


def test_the_xlsx_applies_the_list_filters(client_as, cooperation_officer, register):
    sheet = read_xlsx(
        through_the_worker(client_as(cooperation_officer), XLSX, {"sector": "tourism"})
    )
    titles = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["Tourism with Busan"]


def test_the_csv_is_utf8_with_a_bom_and_applies_the_filters(
    client_as, cooperation_officer, register
):
    rows = read_csv(through_the_worker(client_as(cooperation_officer), CSV, {"q": "Incheon"}))
    assert len(rows[0]) == 11
    assert [row[0] for row in rows[1:]] == ["Sister city Makassar–Incheon"]
    assert rows[1][8:10] == ["2024-01-02", "2029-01-01"]


@pytest.mark.parametrize("url", [XLSX, CSV])
def test_another_tenants_rows_never_appear(client_as, cooperation_officer, outsider, register, url):
    for user, absent in ((cooperation_officer, "Bandung–Hamamatsu"), (outsider, "Busan")):
        response = through_the_worker(client_as(user), url)
        if url == XLSX:
            titles = [row[0] for row in read_xlsx(response).iter_rows(values_only=True)]
        else:
            titles = [row[0] for row in read_csv(response)]
        assert absent not in titles


@pytest.mark.parametrize("rows", [3, 20])
def test_the_export_costs_a_fixed_number_of_queries(
    client_as, cooperation_officer, tenant, rows, django_assert_max_num_queries
):
    for _ in range(rows):
        make_cooperation(tenant, kind=Cooperation.Kind.FOREIGN_REGION)
    client = client_as(cooperation_officer)
    with django_assert_max_num_queries(10):
        ask(client, XLSX)
    with django_assert_max_num_queries(10 + WORKER_QUERIES):
        assert run_the_worker()[0].endswith(" bytes")


def test_the_list_links_to_the_exports_with_its_filters(client_as, cooperation_officer, register):
    html = (
        client_as(cooperation_officer)
        .get(reverse("cooperations:list"), {"sector": "tourism"})
        .content.decode()
    )
    assert f'href="{XLSX}?sector=tourism"' in html
    assert f'href="{CSV}?sector=tourism"' in html


def test_the_export_links_follow_filters_applied_in_place(client_as, cooperation_officer, tenant):
    response = client_as(cooperation_officer).get(
        "/cooperations/?kind=foreign_region", headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert 'href="/cooperations/export.xlsx?kind=foreign_region"' in html
    assert 'href="/cooperations/export.csv?kind=foreign_region"' in html


def test_unknown_filter_values_are_left_out_of_the_file_as_from_the_list(
    client_as, cooperation_officer, register
):
    response = through_the_worker(
        client_as(cooperation_officer), CSV, {"sector": "tourism", "country": "ZZ"}
    )
    assert [row[0] for row in read_csv(response)[1:]] == ["Tourism with Busan"]
