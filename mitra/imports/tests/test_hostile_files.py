"""Spreadsheet bombs (built in bombs.py): each is refused before it is unpacked or walked, after
a bounded amount of work and in a few megabytes, with a message the office understands. The
work is counted in function calls, which does not depend on the machine's load; how long a
refusal takes is measured by bench/bench_hostile_files.py against reading a real register."""

import contextlib
import sys
import tracemalloc
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mitra.imports.models import ImportRun
from mitra.imports.parsing import UnreadableFile, read_sheet
from mitra.imports.tests.bombs import BOMBS, HEADER, far_cell, workbook

# Refusing the largest bomb takes about 22,000 calls; reading a real XLSX register of 100 rows
# takes about 115,000, so a reader that walked a bomb's rows or cells would exceed the bound.
WORK_BOUND = 40_000


def calls_made(action: Callable[[], object]) -> int:
    """The Python and C function calls `action` makes, whatever it raises."""
    calls = 0

    def count(_frame: FrameType, event: str, _arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        with contextlib.suppress(UnreadableFile):  # the caller asserts the refusal itself
            action()
    finally:
        sys.setprofile(None)
    return calls


def register_xlsx(rows: int) -> bytes:
    cells = '<c r="A{n}" t="inlineStr"><is><t>Kerja sama {n}</t></is></c>'
    cells += '<c r="B{n}" t="inlineStr"><is><t>Incheon</t></is></c>'
    body = "".join(f'<row r="{n}">{cells.format(n=n)}</row>' for n in range(2, rows + 2))
    return workbook(f'<row r="1">{HEADER}</row>{body}')


def test_the_probes_file_is_as_small_as_reported():
    assert len(far_cell()) < 2000


@pytest.mark.parametrize("bomb", list(BOMBS))
def test_each_bomb_is_refused_after_little_work_in_little_memory(english, bomb):
    name, make = BOMBS[bomb]
    content = make()
    with pytest.raises(UnreadableFile, match=r"larger than a register|unpacks") as refused:
        read_sheet(name, content)
    assert "Traceback" not in str(refused.value)
    assert calls_made(lambda: read_sheet(name, content)) < WORK_BOUND
    tracemalloc.start()
    try:
        calls_made(lambda: read_sheet(name, content))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024 + 3 * len(content), peak


def test_the_work_bound_is_less_than_reading_a_real_register():
    content = register_xlsx(100)
    assert len(read_sheet("daftar.xlsx", content).rows) == 100
    assert calls_made(lambda: read_sheet("daftar.xlsx", content)) > WORK_BOUND


def test_a_register_with_cells_merged_down_over_real_rows_still_reads():
    rows = f'<row r="1">{HEADER}</row>'
    rows += '<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c>'
    rows += '<c r="B2" t="inlineStr"><is><t>Incheon</t></is></c></row>'
    rows += '<row r="3"><c r="A3" t="inlineStr"><is><t>B</t></is></c></row>'
    merges = '<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>'
    sheet = read_sheet("daftar.xlsx", workbook(rows, merges=merges))
    assert sheet.rows == [(2, ["A", "Incheon"]), (3, ["B", "Incheon"])]


@pytest.mark.django_db
@pytest.mark.parametrize("bomb", ["far cell", "merged across", "deflate bomb", "many csv rows"])
def test_the_upload_page_refuses_a_bomb_in_indonesian_and_keeps_nothing(
    client_as, cooperation_officer, bomb
):
    name, make = BOMBS[bomb]
    upload = SimpleUploadedFile(name, make())
    response = client_as(cooperation_officer).post(reverse("imports:index"), {"file": upload})
    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert "Berkas" in error or "berkas" in error
    assert not ImportRun.objects.exists()
