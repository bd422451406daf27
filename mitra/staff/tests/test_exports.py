import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mitra.staff.tests.helpers import profile, tasks
from tests.downloads import through_the_worker
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_data(tenant, cooperation_officer):
    make_cooperation(tenant, partners=[make_partner(tenant, name="Kota Metropolitan Incheon")])
    profile(tenant, cooperation_officer, ("id", "native"), max_load=1)
    tasks(tenant, cooperation_officer, 2, due=date(2020, 1, 1))


def test_the_xlsx_export_has_one_typed_sheet_per_table(client_as, leadership, report_data):
    response = through_the_worker(client_as(leadership), reverse("staff:capacity_xlsx"))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    unowned, overloaded, languages, overdue = book.worksheets
    assert overdue.freeze_panes == "A2"
    assert overdue["A1"].font.b
    assert overdue["D2"].is_date and overdue["D2"].value.date() == date(2020, 1, 1)
    assert isinstance(overdue["E2"].value, int) and overdue["E2"].value > 0
    assert [c.value for c in overloaded[2]][1:] == [2, 2, 0, 2, 1]
    assert languages["B2"].value == "ko"
    assert unowned.max_row == 2


def test_each_table_exports_as_csv(client_as, leadership, report_data):
    response = through_the_worker(
        client_as(leadership), reverse("staff:capacity_csv", args=["languages"])
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows[0]) == 6
    assert rows[1][1:4] == ["ko", "Kota Metropolitan Incheon ×1", "1"]


def test_an_unknown_table_is_not_found(client_as, leadership):
    assert (
        client_as(leadership).get(reverse("staff:capacity_csv", args=["salaries"])).status_code
        == 404
    )


def test_an_outsider_exports_only_their_own_tenants_figures(client_as, outsider, report_data):
    response = through_the_worker(
        client_as(outsider), reverse("staff:capacity_csv", args=["overdue"])
    )
    assert len(list(csv.reader(io.StringIO(response.content.decode())))) == 1
