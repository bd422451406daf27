"""Every form leaves checking its input to Mitra (`novalidate`), so a problem is said in the
user's language beside its field (issue 14).

Without it Chromium checks a required choice itself and shows its own bubble in the browser's
language: the central reviewer's decision form said "Please select one of these options." on an
Indonesian page, and a half-typed date in a filter said "Please enter a valid value.". Every
template's forms are read here.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORM = re.compile(r"<form\b[^>]*>", re.S)


def _templates() -> list[Path]:
    return [path for folder in ("mitra", "templates") for path in (ROOT / folder).rglob("*.html")]


def test_every_form_leaves_checking_to_the_server():
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)[:80]}"
        for path in _templates()
        for match in FORM.finditer(path.read_text(encoding="utf-8"))
        if "novalidate" not in match.group(0)
    ]
    assert found == []


def test_the_scan_reads_a_form_tag_over_several_lines():
    source = '<form method="post"\n      hx-post="/x">\n<input required></form>'
    [tag] = FORM.findall(source)
    assert "novalidate" not in tag and tag.endswith('hx-post="/x">')
