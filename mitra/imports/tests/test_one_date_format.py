"""The import's page writes every day it names in one format, the long one of its messages.

Its problems are sentences from the rules ("… pada masa depan: 5 Maret 2099 setelah hari ini")
and gave their days in full, while the same row's document said "ditandatangani 5 Mar 2099" and
a date cell outside the register's years was quoted as "9999-12-31". Every day the page writes
itself (not a cell quoted as the file has it) is in `long_date`'s format, and the times of the
upload in `long_moment`'s (issue 14).
"""

import re
from datetime import date

from django.urls import reverse

from mitra.imports.models import ImportRun

MONTHS = "Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des"
SHORT_DAY = re.compile(rf"\b\d{{1,2}} ({MONTHS})\.? \d{{4}}\b")
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
LONG_DAY = re.compile(
    r"\b\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}\b"
)
HEADER = ["Judul kerja sama", "Jenis kerja sama", "Nama mitra", "Negara", "Tahapan"]
DATES = ["Tgl. Penandatanganan", "Berlaku s.d."]


def main_text(html: str) -> str:
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_every_day_the_import_page_writes_is_in_the_long_format(
    client_as, cooperation_officer, xlsx
):
    rows = [
        [*HEADER, *DATES],
        [
            "Kota kembar Makassar–Busan",
            "KSDPL",
            "Busan",
            "Korea Selatan",
            "Pelaksanaan",
            date(2099, 3, 5),
            date(2099, 12, 31),
        ],
        [
            "Kota kembar Makassar–Göteborg",
            "KSDPL",
            "Gothenburg",
            "Swedia",
            "Pelaksanaan",
            date(2021, 3, 5),
            date(9999, 12, 31),
        ],
        [
            "Kota kembar Makassar–Perth",
            "KSDPL",
            "Perth",
            "Australia",
            "Pelaksanaan",
            date(2021, 3, 5),
            date(2026, 3, 4),
        ],
    ]
    client = client_as(cooperation_officer)
    with xlsx(rows).open("rb") as file:
        client.post(reverse("imports:index"), {"file": file})
    text = main_text(client.get(ImportRun.objects.get().get_absolute_url()).content.decode())

    assert "5 Maret 2099" in text  # the rule's message about the signing in the future
    assert "31 Desember 9999" in text  # the Excel date outside the register's years
    assert "4 Maret 2026" in text  # a row's document, valid until
    assert len(LONG_DAY.findall(text)) >= 5
    assert SHORT_DAY.findall(text) == []
    assert ISO_DAY.findall(text) == []


def test_the_outsider_does_not_see_the_import(client_as, cooperation_officer, outsider, xlsx):
    client = client_as(cooperation_officer)
    with xlsx([HEADER, ["Kota kembar", "KSDPL", "Busan", "Korea Selatan", "Penjajakan"]]).open(
        "rb"
    ) as file:
        client.post(reverse("imports:index"), {"file": file})
    run = ImportRun.objects.get()
    assert client_as(outsider).get(run.get_absolute_url()).status_code == 404
