"""No test reads the clock to judge speed: a bound in seconds passes on a quiet machine and fails
under load (a spreadsheet-bomb test did, at 0.70 s against 0.5 s, while another job ran), so it
tests the machine, not the code. Speed is a benchmark under bench/, printing ratios against a
baseline measured in the same run; a test bounds the work instead (queries, rows, calls).

Every test module is read as Python and may not call a clock of `time` (`perf_counter`,
`monotonic`, `process_time`, `time`, their `_ns` forms). Support modules that wait for a server
with a deadline (tests/machines/servers.py) are not test modules and are not read.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_MODULES = sorted(
    path
    for pattern in ("tests/**/test_*.py", "mitra/**/tests/**/test_*.py", "tests/**/conftest.py")
    for path in ROOT.glob(pattern)
)
CLOCKS = {"perf_counter", "monotonic", "process_time", "time", "thread_time"}
CLOCKS |= {f"{name}_ns" for name in CLOCKS}


def clock_calls(source: str) -> list[str]:
    """`time.perf_counter()` or a clock imported by name (`from time import monotonic`)."""
    tree = ast.parse(source)
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "time"
        for alias in node.names
        if alias.name in CLOCKS
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        if (
            isinstance(function, ast.Attribute)
            and function.attr in CLOCKS
            and isinstance(function.value, ast.Name)
            and function.value.id == "time"
        ) or (isinstance(function, ast.Name) and function.id in imported):
            found.append(f"line {node.lineno}: {ast.unparse(function)}()")
    return found


def test_the_reader_finds_each_way_of_calling_a_clock():
    source = "import time\nfrom time import monotonic as tick\ntime.perf_counter()\ntick()\n"
    assert clock_calls(source) == ["line 3: time.perf_counter()", "line 4: tick()"]
    assert clock_calls("import datetime\ndatetime.time(1, 2)\n") == []


def test_there_are_test_modules_to_read():
    assert len(TEST_MODULES) > 100
    assert ROOT / "mitra/imports/tests/test_hostile_files.py" in TEST_MODULES


@pytest.mark.parametrize("path", TEST_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_test_module_reads_a_clock(path: Path):
    assert clock_calls(path.read_text()) == []
