"""The report as a PDF (parsed back with pypdf) and as an XLSX (read back with openpyxl), each
asked for, made by the worker, then downloaded."""

import io
from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.downloads.models import GeneratedFile
from mitra.lib.formatting import long_date
from mitra.reports.tests.conftest import many_cooperations
from tests.downloads import through_the_worker

pytestmark = pytest.mark.django_db

YEAR_2024 = {"period": "year", "year": "2024"}


def flat(text):
    """Without any whitespace, so a value wrapped over two lines of a cell still matches."""
    return "".join(text.split())


def day(value):
    """A date cell reads back as a datetime at midnight."""
    assert isinstance(value, datetime)
    assert (value.hour, value.minute) == (0, 0)
    return value.date()


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return flat("\n".join(page.extract_text() for page in reader.pages)), len(reader.pages)


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    return load_workbook(io.BytesIO(response.content))


def test_the_pdf_holds_the_register_rows_the_region_and_a_signature_block(
    client_as, leadership, incheon, tual, hamamatsu
):
    response = through_the_worker(client_as(leadership), reverse("reports:pdf"), YEAR_2024)
    text, pages = pdf_text(response)
    for expected in [
        "Pemerintah Kota Makassar",
        "Sister city Makassar Incheon",
        "Incheon Metropolitan City",
        "MoU Makassar Incheon",
        "070/123/KS/2024",
        "IC-2024-55",
        "Smart city Makassar Tual",
        "Pemerintah Kota Tual",
        f"Makassar, {long_date(timezone.localdate())}",
        "Bagian Kerja Sama Setda Kota Makassar,",
        "NIP.",
        f"1/{pages}",
    ]:
        assert flat(expected) in text, expected
    assert flat("Bandung Hamamatsu") not in text
    assert 'filename="' in response["Content-Disposition"]


def test_a_province_pdf_rolls_up_its_regencies_and_cities(client_as, province_officer, tenant):
    many_cooperations(tenant, 2)
    text, _pages = pdf_text(
        through_the_worker(client_as(province_officer), reverse("reports:pdf"), YEAR_2024)
    )
    assert flat("Pemerintah Provinsi Sulawesi Selatan") in text
    assert flat("Kota Makassar") in text


def test_the_xlsx_has_one_sheet_per_table_with_typed_cells(
    client_as, agency_officer, incheon, tual, hamamatsu
):
    book = workbook(
        through_the_worker(client_as(agency_officer), reverse("reports:xlsx"), YEAR_2024)
    )
    assert len(book.worksheets) == 9  # about, register, agreements, 4 summaries, steps, follow-up
    about, register, agreements = book.worksheets[:3]
    assert about["B2"].value == "Pemerintah Kota Makassar"
    assert day(about["B6"].value) == date(2024, 1, 1)
    assert about["B9"].value == 2
    rows = {row[1]: row for row in register.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"Sister city Makassar Incheon", "Smart city Makassar Tual"}
    incheon_row = rows["Sister city Makassar Incheon"]
    assert incheon_row[0] == 2 and isinstance(incheon_row[0], int)
    assert incheon_row[9] == 2 and isinstance(incheon_row[9], int)  # activities in 2024
    assert day(incheon_row[10]) == date(2024, 9, 3)  # last contact, a date cell
    (mou,) = agreements.iter_rows(min_row=2, values_only=True)
    assert mou[1:4] == ("Sister city Makassar Incheon", mou[2], "MoU Makassar Incheon")
    assert (mou[5], mou[7]) == ("070/123/KS/2024", "IC-2024-55")
    assert day(mou[10]) == date(2024, 1, 20)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.bold


def test_the_xlsx_of_a_province_adds_the_roll_up_sheet(client_as, province_officer, tenant):
    many_cooperations(tenant, 3)
    book = workbook(
        through_the_worker(client_as(province_officer), reverse("reports:xlsx"), YEAR_2024)
    )
    rollup = book.worksheets[-1]
    rows = list(rollup.iter_rows(min_row=2, values_only=True))
    assert rows[0][:2] == ("Kota Makassar", "Pemerintah Kota Makassar")
    assert rows[0][6] == 3  # total
    assert rows[-1][6] == 3


def test_counts_and_dates_in_the_summary_sheets_are_numbers(client_as, leadership, incheon):
    book = workbook(through_the_worker(client_as(leadership), reverse("reports:xlsx"), YEAR_2024))
    by_state = book.worksheets[3]
    assert [type(row[1]) for row in by_state.iter_rows(min_row=2, values_only=True)] == [int]
    by_kind = book.worksheets[4]  # the abbreviation, what it stands for, the count
    assert [type(row[2]) for row in by_kind.iter_rows(min_row=2, values_only=True)] == [int]
    (ksdpl,) = by_kind.iter_rows(min_row=2, values_only=True)
    assert ksdpl[:2] == ("KSDPL", workflow.kind_description(Cooperation.Kind.FOREIGN_REGION))
    steps = book.worksheets[7]
    first = next(steps.iter_rows(min_row=2, values_only=True))
    assert first[1:] == (1, 91, 91)  # initiative: 2 May to 1 August 2023
    assert all(isinstance(value, int | float) for value in first[1:])


@pytest.mark.parametrize("url", ["reports:pdf", "reports:xlsx"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_bad_period_on_a_download_is_a_form_error_and_asks_for_nothing(
    client_as, leadership, url, method
):
    address = f"{reverse(url)}?period=year&year=abc"
    response = getattr(client_as(leadership), method)(address)
    assert response.status_code == 200  # the reports page, its form showing the problem
    assert "year" in response.context["form"].errors
    assert not GeneratedFile.objects.exists()


def test_the_download_link_asks_before_the_worker_makes_the_file(client_as, leadership, incheon):
    response = client_as(leadership).get(reverse("reports:pdf"), YEAR_2024)
    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert (
        f'action="{reverse("reports:pdf")}?period=year&amp;year=2024"' in response.content.decode()
    )
    assert not GeneratedFile.objects.exists()


def test_the_file_is_made_for_the_period_and_tenant_asked(client_as, leadership, tenant, incheon):
    through_the_worker(client_as(leadership), reverse("reports:xlsx"), YEAR_2024)
    made = GeneratedFile.objects.get()
    assert (made.tenant, made.requester, made.kind) == (tenant, leadership, "reports.xlsx")
    assert made.params == {"period": ["year"], "year": ["2024"]}
    assert made.file_name.endswith("2024-01-01-2024-12-31.xlsx")


def test_the_downloads_follow_the_chosen_period(client_as, leadership, incheon):
    period = {"period": "custom", "start": "2023-01-01", "end": "2023-06-30"}
    book = workbook(through_the_worker(client_as(leadership), reverse("reports:xlsx"), period))
    about = book.worksheets[0]
    assert day(about["B6"].value) == date(2023, 1, 1)
    assert day(about["B7"].value) == date(2023, 6, 30)
    register = list(book.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in register] == ["Sister city Makassar Incheon"]
    assert register[0][9] == 0  # no activity in the first half of 2023
    assert register[0][10] is None
