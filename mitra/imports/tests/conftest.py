"""Registers as real files: XLSX written with openpyxl into the test's folder, CSVs as bytes."""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

FILES = Path(__file__).parent / "files"

Rows = Sequence[Sequence[Any]]


def write_xlsx(path: Path, rows: Rows, *, above: Rows = ()) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in [*above, *rows]:
        sheet.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Write rows (the header first) to an XLSX file in the test's folder."""

    def write(rows: Rows, name: str = "register.xlsx", **options: Any) -> Path:
        return write_xlsx(tmp_path / name, rows, **options)

    return write


@pytest.fixture
def csv_file(tmp_path: Path) -> Callable[..., Path]:
    """Write text to a CSV file in the given encoding."""

    def write(text: str, name: str = "register.csv", encoding: str = "utf-8-sig") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write
