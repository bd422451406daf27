"""The SQLite stage imports only the test modules that name the `embedded` marker (conftest.py's
`pytest_ignore_collect`): that is sound only while the marker is set in the modules themselves."""

import re
from pathlib import Path
from types import SimpleNamespace

from conftest import pytest_ignore_collect

ROOT = Path(__file__).resolve().parents[1]
SETS_THE_MARKER = re.compile(r"mark\.embedded|add_marker\([^)]*embedded")


def _sources() -> list[Path]:
    return [
        path
        for folder in ("mitra", "tests", "config")
        for path in (ROOT / folder).rglob("*.py")
        if "__pycache__" not in path.parts
    ] + [ROOT / "conftest.py"]


def test_the_marker_is_set_only_in_test_modules_themselves():
    setters = [p for p in _sources() if SETS_THE_MARKER.search(p.read_text(encoding="utf-8"))]
    assert setters, "no module sets the embedded marker: the SQLite stage would run nothing"
    assert [p.relative_to(ROOT) for p in setters if not p.name.startswith("test_")] == []


def test_only_the_embedded_stage_leaves_out_modules_that_never_name_the_marker(tmp_path):
    plain = tmp_path / "test_plain.py"
    plain.write_text("def test_x():\n    pass\n", encoding="utf-8")
    marked = tmp_path / "test_marked.py"
    marked.write_text("import pytest\npytestmark = pytest.mark.embedded\n", encoding="utf-8")
    helper = tmp_path / "helpers.py"
    helper.write_text("X = 1\n", encoding="utf-8")

    def ignored(path: Path, markexpr: str) -> bool | None:
        config = SimpleNamespace(option=SimpleNamespace(markexpr=markexpr))
        return pytest_ignore_collect(path, config)

    assert ignored(plain, "embedded") is True
    assert ignored(marked, "embedded") is False
    assert ignored(helper, "embedded") is None
    assert ignored(plain, "") is None
    assert ignored(plain, "not embedded") is None
