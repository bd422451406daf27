"""Every screenshot of a browser test goes through tests/browser/shots.py, which takes it only when
MITRA_SCREENSHOTS asks for it: a screenshot asserts nothing, and the every-role walk's captures
were a tenth of the suite's processor time in every run, looked at by nobody."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The module that takes them, and this scan, which names what it looks for.
ALLOWED = {ROOT / "tests" / "browser" / "shots.py", Path(__file__).resolve()}


def _test_modules() -> list[Path]:
    found = [*ROOT.joinpath("tests").rglob("*.py"), *ROOT.joinpath("mitra").rglob("*.py")]
    return sorted(path for path in found if path not in ALLOWED)


def _screenshots_taken(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    taken = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "screenshot":
            taken.append(f"{path.relative_to(root)}:{node.lineno} .screenshot")
        if isinstance(node, ast.Constant) and node.value == "Page.captureScreenshot":
            taken.append(f"{path.relative_to(root)}:{node.lineno} Page.captureScreenshot")
    return taken


def test_no_module_takes_a_screenshot_but_through_the_shots_module():
    modules = _test_modules()
    assert len(modules) > 500  # the whole tree was read
    taken = [place for path in modules for place in _screenshots_taken(path)]
    assert taken == []


def test_the_scan_finds_a_screenshot_taken_directly(tmp_path: Path):
    module = tmp_path / "test_direct.py"
    module.write_text(
        'def test_x(page):\n    page.screenshot(path="a.png")\n'
        '    session.send("Page.captureScreenshot", {})\n',
        encoding="utf-8",
    )
    assert _screenshots_taken(module, tmp_path) == [
        "test_direct.py:2 .screenshot",
        "test_direct.py:3 Page.captureScreenshot",
    ]
