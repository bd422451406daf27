"""Reading registers: XLSX and CSV in Excel's many guises, headers written by hand, bad files."""

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from mitra.imports.columns import find_column, read_layout
from mitra.imports.parsing import UnreadableFile, read_sheet
from mitra.imports.values import BadValue, last_day_of_term, parse_date, parse_term

from .conftest import FILES


def test_a_semicolon_csv_with_a_byte_order_mark_is_read_with_its_headers():
    sheet = read_sheet("register.csv", (FILES / "register_semicolon_bom.csv").read_bytes())
    assert sheet.headers[:3] == ["No", "Judul Kerja Sama", "Jenis Kerja Sama"]
    assert [number for number, _cells in sheet.rows] == [2, 3]
    # A quoted semicolon stays inside its cell.
    assert sheet.rows[1][1][1] == "Pembangunan Kota Cerdas; Makassar–Solo"


def test_a_comma_csv_in_windows_1252_is_read():
    text = "Judul,Mitra,Negara\r\nKerja sama budaya,Göteborg,Swedia\r\n"
    sheet = read_sheet("register.csv", text.encode("cp1252"))
    assert sheet.rows == [(2, ["Kerja sama budaya", "Göteborg", "Swedia"])]


def test_a_tab_separated_utf16_export_is_read():
    text = "Judul\tMitra\nKerja sama\tIncheon\n"
    sheet = read_sheet("register.txt", text.encode("utf-16"))
    assert sheet.headers == ["Judul", "Mitra"]
    assert sheet.rows == [(2, ["Kerja sama", "Incheon"])]


def test_a_title_line_above_the_header_row_is_skipped_and_rows_keep_their_numbers(xlsx):
    path = xlsx(
        [["Judul", "Mitra"], ["Kerja sama A", "Incheon"], [None, None], ["Kerja sama B", "Tual"]],
        above=[["DAFTAR KERJA SAMA KOTA MAKASSAR 2024"], []],
    )
    sheet = read_sheet(path.name, path.read_bytes())
    assert sheet.header_row == 3
    assert [number for number, _cells in sheet.rows] == [4, 6]


def test_the_sheet_holding_the_register_is_read_whatever_its_place():
    workbook = Workbook()
    workbook.active.append(["Catatan untuk pimpinan"])
    register = workbook.create_sheet("Data")
    register.append(["Judul", "Mitra", "Negara"])
    register.append(["Kerja sama", "Incheon", "Korea Selatan"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    sheet = read_sheet("register.xlsx", buffer.getvalue())
    assert sheet.name == "Data"
    assert sheet.rows == [(2, ["Kerja sama", "Incheon", "Korea Selatan"])]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("  JUDUL   kerja  sama ", "title"),
        ("Judul", "title"),
        ("Nama Kerja Sama", "title"),
        ("nama_mitra", "partner"),
        ("Mitra", "partner"),
        ("NEGARA*", "country"),
        ("Jenis", "kind"),
        ("Jenis Kerja Sama", "kind"),
        ("Status", "state"),
        ("Tahapan", "state"),
        ("Tgl. Penandatanganan (dd/mm/yyyy)", "date_signed"),
        ("Tanggal Penandatanganan", "date_signed"),
        ("Berlaku s.d.", "valid_until"),
        ("Berlaku Sampai", "valid_until"),
        ("Nomor Pihak Kedua", "number_second"),
        ("Sektor", "sectors"),
        ("Penanggung Jawab", "owner"),
        ("Title", "title"),
        ("Partner", "partner"),
        ("No.", "ignored"),
    ],
)
def test_headers_are_matched_tolerantly(header, field):
    column = find_column(header)
    assert column is not None
    assert column.field == field


def test_an_unknown_or_repeated_header_is_a_warning_not_a_column(english):
    layout = read_layout(["Judul", "Warna Favorit", "Nama Mitra", "Mitra"])
    assert layout.fields == {"title": 0, "partner": 2}
    assert len(layout.warnings) == 2
    assert "Column B" in layout.warnings[0]
    assert "Column D" in layout.warnings[1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("05/03/2021", date(2021, 3, 5)),
        ("5/3/21", date(2021, 3, 5)),
        ("05-03-2021", date(2021, 3, 5)),
        ("05.03.2021", date(2021, 3, 5)),
        ("2021-03-05", date(2021, 3, 5)),
        ("2021-03-05 00:00:00", date(2021, 3, 5)),
        ("5 Maret 2021", date(2021, 3, 5)),
        ("Jumat, 5 Maret 2021", date(2021, 3, 5)),
        ("17 Agustus 1945", date(1945, 8, 17)),
        ("5 Agt 2021", date(2021, 8, 5)),
        ("12 Nopember 2019", date(2019, 11, 12)),
        ("26 Des 2019", date(2019, 12, 26)),
        ("March 5, 2021", date(2021, 3, 5)),
        (44260, date(2021, 3, 5)),
        (44260.0, date(2021, 3, 5)),
        (datetime(2021, 3, 5, 9, 30), date(2021, 3, 5)),  # noqa: DTZ001 (Excel has no zones)
        (date(2021, 3, 5), date(2021, 3, 5)),
    ],
)
def test_dates_are_read_as_offices_write_them(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value", ["31/02/2021", "13/13/2021", "Maret 2021", "besok", "2021", "05/03/1900"]
)
def test_what_is_not_a_date_is_refused(value):
    with pytest.raises(BadValue):
        parse_date(value)


def test_terms_are_read_and_end_the_day_before_the_anniversary():
    assert parse_term("5 tahun") == 60
    assert parse_term("5 (lima) tahun") == 60
    assert parse_term("24 bulan") == 24
    assert parse_term("2 years") == 24
    assert parse_term("lima tahun") is None
    assert last_day_of_term(date(2021, 3, 1), 60) == date(2026, 2, 28)
    assert last_day_of_term(date(2020, 2, 29), 12) == date(2021, 2, 27)


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("laporan.pdf", b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        ("register.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), ".xls"),
        ("register.xlsx", b"PK\x03\x04 this is no workbook", "Excel"),
        ("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "spreadsheet"),
        ("catatan.txt", b"Rapat koordinasi hari Senin.\nTidak ada tabel.", "header row"),
    ],
)
def test_a_file_that_is_no_register_is_refused_with_a_reason(english, name, content, words):
    with pytest.raises(UnreadableFile, match=words):
        read_sheet(name, content)


def test_a_cell_merged_down_its_column_counts_for_each_row():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Judul", "Mitra", "Negara", "Keterangan", "Catatan"])
    sheet.append(["Kerja sama A", "Incheon", "Korea Selatan", "lintas kolom", None])
    sheet.append(["Kerja sama B", None, None, None, None])
    sheet.merge_cells("B2:B3")
    sheet.merge_cells("C2:C3")
    sheet.merge_cells("D2:E2")
    buffer = io.BytesIO()
    workbook.save(buffer)
    sheet = read_sheet("register.xlsx", buffer.getvalue())
    assert sheet.rows == [
        (2, ["Kerja sama A", "Incheon", "Korea Selatan", "lintas kolom", None]),
        (3, ["Kerja sama B", "Incheon", "Korea Selatan", None, None]),
    ]


def test_a_file_with_too_many_rows_is_refused(english):
    text = "Judul;Mitra\n" + "".join(f"Kerja sama {n};Mitra {n}\n" for n in range(1001))
    with pytest.raises(UnreadableFile, match="more than 1000 rows"):
        read_sheet("register.csv", text.encode())
