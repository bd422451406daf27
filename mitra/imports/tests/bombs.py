"""Spreadsheet bombs, written here byte by byte: each declares, merges or unpacks to far more
than a register holds while the file itself stays a few kilobytes. Shared by the tests that
prove each is refused and by bench/bench_hostile_files.py, which times the refusals."""

import io
import zipfile
from collections.abc import Callable

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
HEADER = '<c r="A1" t="inlineStr"><is><t>Judul Kerja Sama</t></is></c>'
HEADER += '<c r="B1" t="inlineStr"><is><t>Nama Mitra</t></is></c>'


def workbook(sheet_data: str, *, dimension: str = "", merges: str = "", extra=None) -> bytes:
    """A minimal XLSX: one sheet with the given rows, optional dimension and merged ranges."""
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
        f"{dimension}<sheetData>{sheet_data}</sheetData>{merges}</worksheet>"
    )
    members = {
        "[Content_Types].xml": (
            f'<?xml version="1.0"?><Types xmlns="{PACKAGE}/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{PACKAGE}/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
            '<sheet name="Daftar" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{PACKAGE}/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": sheet,
        **(extra or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def far_cell() -> bytes:
    """The probe's 1.6 KB file: a header in row 1, one cell in Z500000, no dimension."""
    return workbook(f'<row r="1">{HEADER}</row><row r="500000"><c r="Z500000"><v>1</v></c></row>')


def lying_dimension() -> bytes:
    """Declares two rows and two columns, then holds a cell in row 500,000."""
    rows = f'<row r="1">{HEADER}</row><row r="500000"><c r="B500000"><v>1</v></c></row>'
    return workbook(rows, dimension='<dimension ref="A1:B2"/>')


def huge_dimension() -> bytes:
    return workbook(f'<row r="1">{HEADER}</row>', dimension='<dimension ref="A1:XFD1048576"/>')


def merged_bomb() -> bytes:
    """The probe's merged-cell variant: one range over 13 million cells."""
    merges = '<mergeCells count="1"><mergeCell ref="A2:Z500000"/></mergeCells>'
    return workbook(f'<row r="1">{HEADER}</row>', merges=merges)


def merged_down_bomb() -> bytes:
    merges = '<mergeCells count="1"><mergeCell ref="B2:B1048576"/></mergeCells>'
    return workbook(f'<row r="1">{HEADER}</row>', merges=merges)


def wide_row() -> bytes:
    return workbook(f'<row r="1">{HEADER}<c r="XFD1"><v>1</v></c></row>')


def deflate_bomb() -> bytes:
    """A member of 20 MB of blanks packed into a few kilobytes."""
    return workbook(
        f'<row r="1">{HEADER}</row>', extra={"xl/padding.xml": " " * (20 * 1024 * 1024)}
    )


def csv_long_line() -> bytes:
    return b"Judul;Mitra\n" + b"x" * (100 * 1024) + b"\n"


def csv_many_rows() -> bytes:
    return b"Judul;Mitra\n" + b";\n" * 6000


def csv_wide() -> bytes:
    return b"Judul;Mitra" + b";x" * 500 + b"\n"


BOMBS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "far cell": ("bom.xlsx", far_cell),
    "lying dimension": ("bom.xlsx", lying_dimension),
    "huge dimension": ("bom.xlsx", huge_dimension),
    "merged across": ("bom.xlsx", merged_bomb),
    "merged down": ("bom.xlsx", merged_down_bomb),
    "wide row": ("bom.xlsx", wide_row),
    "deflate bomb": ("bom.xlsx", deflate_bomb),
    "long csv line": ("bom.csv", csv_long_line),
    "many csv rows": ("bom.csv", csv_many_rows),
    "wide csv": ("bom.csv", csv_wide),
}
