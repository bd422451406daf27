"""The columns a cooperation register may have, and how a header written by hand finds its column.

Each column has the Indonesian header the template uses and the other names offices give it
("Judul", "Nama Kerja Sama", "Mitra", "Tgl. Penandatanganan" ...). A header is compared after
dropping what is in brackets and a trailing asterisk, folding case, accents and punctuation, and
removing spaces: "  TANGGAL penandatanganan (dd/mm/yyyy)*" finds `date_signed`. Nothing is
matched approximately; an unknown header is reported and its column left out.
"""

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter

from mitra.cooperations import workflow
from mitra.lib.text import fold

IGNORED = "ignored"  # a running number ("No."), read and thrown away


def _route_header() -> str:
    """ "Jalur KSDLL": named after the kinds that have a route."""
    return "Jalur " + "/".join(workflow.abbreviations_of(workflow.kinds_with_a_route()))


@dataclass(frozen=True)
class Column:
    field: str
    header: str  # the template's Indonesian header: part of the file format, not of the UI
    label: Promise | str  # translated when shown (lazy)
    synonyms: tuple[str, ...] = ()
    required: bool = False
    is_date: bool = False


COLUMNS: tuple[Column, ...] = (
    Column(
        "title",
        "Judul Kerja Sama",
        gettext_lazy("Title of the cooperation"),
        (
            "Judul",
            "Nama Kerja Sama",
            "Judul Kerjasama",
            "Nama Kerjasama",
            "Kerja Sama",
            "Perihal",
            "Tentang",
            "Title",
            "Cooperation",
            "Cooperation title",
        ),
        required=True,
    ),
    Column(
        "kind",
        "Jenis Kerja Sama",
        gettext_lazy("Kind of cooperation"),
        (
            "Jenis",
            "Jenis Kerjasama",
            "Tipe",
            "Tipe Kerja Sama",
            "Kategori Kerja Sama",
            "Kind",
            "Type",
        ),
    ),
    Column(
        "sub_form",
        "Bentuk Kerja Sama",
        gettext_lazy("Sub-form"),
        ("Bentuk", "Bentuk Kerjasama", "Sifat", "Sifat Kerja Sama", "Sub-form", "Subform"),
    ),
    Column("route", _route_header(), workflow.ROUTE_LABEL, ("Jalur", "Route")),
    Column(
        "partner",
        "Nama Mitra",
        gettext_lazy("Partner"),
        (
            "Mitra",
            "Mitra Kerja Sama",
            "Mitra Kerjasama",
            "Nama Mitra Kerja Sama",
            "Pihak Mitra",
            "Instansi Mitra",
            "Lembaga Mitra",
            "Daerah Mitra",
            "Pihak Kedua",
            "Nama Pihak Kedua",
            "Partner",
            "Partners",
        ),
        required=True,
    ),
    Column(
        "partner_kind",
        "Jenis Mitra",
        gettext_lazy("Kind of partner"),
        ("Kategori Mitra", "Tipe Mitra", "Partner kind", "Partner type"),
    ),
    Column(
        "country",
        "Negara",
        gettext_lazy("Country"),
        ("Negara Mitra", "Asal Negara", "Negara Asal", "Country", "Countries"),
    ),
    Column(
        "state",
        "Tahapan",
        gettext_lazy("Stage"),
        (
            "Status",
            "Tahap",
            "Tahapan Saat Ini",
            "Status Kerja Sama",
            "Posisi",
            "Progres",
            "Progress",
            "State",
            "Stage",
        ),
    ),
    Column(
        "sectors",
        "Sektor",
        gettext_lazy("Sectors"),
        ("Bidang", "Bidang Kerja Sama", "Sektor Kerja Sama", "Sector", "Sectors"),
    ),
    Column(
        "summary",
        "Ruang Lingkup",
        gettext_lazy("Scope"),
        (
            "Lingkup",
            "Ringkasan",
            "Uraian",
            "Objek",
            "Objek Kerja Sama",
            "Maksud dan Tujuan",
            "Tujuan",
            "Summary",
            "Scope",
        ),
    ),
    Column(
        "initiating_agency",
        "OPD Pemrakarsa",
        gettext_lazy("Initiating agency"),
        ("Perangkat Daerah Pemrakarsa", "Pemrakarsa", "Initiating agency"),
    ),
    Column(
        "implementing_agencies",
        "OPD Pelaksana",
        gettext_lazy("Implementing agencies"),
        (
            "Perangkat Daerah Pelaksana",
            "Perangkat Daerah",
            "OPD",
            "OPD Terkait",
            "Pelaksana",
            "Leading Sector",
            "Implementing agencies",
        ),
    ),
    Column(
        "owner",
        "Penanggung Jawab",
        gettext_lazy("Owner"),
        ("PIC", "Pengelola", "Petugas", "Owner", "Person in charge"),
    ),
    Column(
        "document_kind",
        "Jenis Dokumen",
        gettext_lazy("Kind of document"),
        (
            "Dokumen",
            "Jenis Naskah",
            "Naskah",
            "Bentuk Dokumen",
            "Bentuk Naskah",
            "Document",
            "Document kind",
        ),
    ),
    Column(
        "document_title",
        "Judul Dokumen",
        gettext_lazy("Title of the document"),
        ("Nama Dokumen", "Judul Naskah", "Document title"),
    ),
    Column(
        "numbers",
        "Nomor",
        gettext_lazy("Document numbers"),
        (
            "Nomor Dokumen",
            "No Dokumen",
            "Nomor Naskah",
            "Nomor Perjanjian",
            "Nomor Kesepakatan",
            "Number",
            "Document number",
        ),
    ),
    Column(
        "number_first",
        "Nomor Pihak Pertama",
        gettext_lazy("Number of the first party"),
        (
            "Nomor Pihak I",
            "Nomor Pihak 1",
            "No Pihak Pertama",
            "Nomor Pemda",
            "Nomor Daerah",
            "Nomor Pemerintah Daerah",
            "First party number",
        ),
    ),
    Column(
        "number_second",
        "Nomor Pihak Kedua",
        gettext_lazy("Number of the second party"),
        ("Nomor Pihak II", "Nomor Pihak 2", "No Pihak Kedua", "Nomor Mitra", "Second party number"),
    ),
    Column(
        "number_third",
        "Nomor Pihak Ketiga",
        gettext_lazy("Number of the third party"),
        ("Nomor Pihak III", "Nomor Pihak 3", "No Pihak Ketiga", "Third party number"),
    ),
    Column(
        "place_signed",
        "Tempat Penandatanganan",
        gettext_lazy("Place of signing"),
        ("Tempat", "Tempat Tanda Tangan", "Place of signing"),
    ),
    Column(
        "date_signed",
        "Tanggal Penandatanganan",
        gettext_lazy("Date of signing"),
        (
            "Tanggal Tanda Tangan",
            "Tanggal TTD",
            "Tgl Penandatanganan",
            "Tgl TTD",
            "Tanggal Ditandatangani",
            "Ditandatangani",
            "Tanggal",
            "Tgl",
            "Date signed",
            "Date of signing",
        ),
        is_date=True,
    ),
    Column(
        "valid_from",
        "Berlaku Mulai",
        gettext_lazy("Valid from"),
        (
            "Mulai Berlaku",
            "Tanggal Mulai",
            "Tanggal Mulai Berlaku",
            "Tanggal Berlaku",
            "Berlaku Sejak",
            "Mulai",
            "Valid from",
            "Start",
        ),
        is_date=True,
    ),
    Column(
        "valid_until",
        "Berlaku Sampai",
        gettext_lazy("Valid until"),
        (
            "Berlaku Hingga",
            "Berlaku s.d.",
            "Berlaku sd",
            "Masa Berlaku",
            "Masa Berlaku Sampai",
            "Tanggal Berakhir",
            "Tanggal Selesai",
            "Berakhir",
            "Selesai",
            "Sampai",
            "Valid until",
            "End",
        ),
        is_date=True,
    ),
    Column("term", "Jangka Waktu", gettext_lazy("Term"), ("Durasi", "Lama", "Term", "Duration")),
    Column(
        "remarks",
        "Keterangan",
        gettext_lazy("Remarks"),
        ("Ket", "Catatan", "Remarks", "Notes", "Note"),
    ),
    Column(IGNORED, "No", gettext_lazy("Running number"), ("No.", "No Urut", "Nomor Urut")),
)

BY_FIELD = {column.field: column for column in COLUMNS}
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def header_key(text: str) -> str:
    """The comparable form of a header: "Tgl. Penandatanganan (dd/mm/yyyy)*" -> "tglpenandatanganan"."""
    text = _BRACKETED.sub(" ", text).replace("*", " ")
    return fold(text).replace(" ", "")


def _keys() -> dict[str, Column]:
    keys: dict[str, Column] = {}
    for column in COLUMNS:
        for name in (column.header, *column.synonyms):
            keys.setdefault(header_key(name), column)
    return keys


KEYS = _keys()


def find_column(header: str) -> Column | None:
    """The column a header names, in Indonesian or English, or None."""
    key = header_key(header)
    if key in KEYS:
        return KEYS[key]
    return _label_keys().get(key)


def _label_keys() -> dict[str, Column]:
    # The UI names of the columns, in the active language (an English template, a translated one).
    return {header_key(str(column.label)): column for column in COLUMNS}


@dataclass(frozen=True)
class Layout:
    """Which column of the sheet holds which field, and what was not understood."""

    fields: dict[str, int]  # field -> 0-based column index
    headers: list[str]
    warnings: list[str]

    def letter(self, field: str) -> str:
        return str(get_column_letter(self.fields[field] + 1))


def read_layout(headers: list[str]) -> Layout:
    """Map each header to its field; an unknown or repeated header becomes a warning."""
    fields: dict[str, int] = {}
    warnings: list[str] = []
    for index, header in enumerate(headers):
        if not header_key(header):  # empty, or only "#" or "*"
            continue
        letter = get_column_letter(index + 1)
        column = find_column(header)
        if column is None:
            warnings.append(
                _("Column %(letter)s (“%(header)s”) was not recognised and is left out.")
                % {"letter": letter, "header": header.strip()}
            )
        elif column.field in fields and column.field != IGNORED:
            warnings.append(
                _("Column %(letter)s (“%(header)s”) repeats an earlier column and is left out.")
                % {"letter": letter, "header": header.strip()}
            )
        else:
            fields.setdefault(column.field, index)
    return Layout(fields=fields, headers=headers, warnings=warnings)


def recognised(headers: list[str]) -> int:
    """How many distinct fields a row of headers names (to find the header row)."""
    found = {c.field for c in map(find_column, (h for h in headers if h.strip())) if c}
    return len(found - {IGNORED})
