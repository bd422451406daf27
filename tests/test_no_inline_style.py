"""No page carries an inline style: the Content-Security-Policy (`style-src 'self'`, in
config/settings.py) blocks every `<style>` element and `style=` attribute, and Chromium reports
each one as a console error ("Applying inline style violates ... Content Security Policy").

Templates are read whole, and htmx is configured never to write a style of its own: not its
request-indicator `<style>` element, and not the style attribute it copies from an old element
onto its replacement when it settles a swap (the cause of five such errors on the new-cooperation
form once a screenshot had touched the checkboxes' `element.style`). E-mails are exempt: no CSP
applies to them and mail clients read only inline styles.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EMAILS = ROOT / "templates" / "emails"
TEMPLATES = sorted(
    path
    for path in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("mitra/*/templates/**/*.html")]
    if EMAILS not in path.parents
)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"""[\s"'](style\s*=)""", re.IGNORECASE)
HTMX_CONFIG = re.compile(r"""<meta name="htmx-config" content='([^']*)'>""")


def test_there_are_templates_to_read():
    names = {str(path.relative_to(ROOT)) for path in TEMPLATES}
    assert {"templates/base.html", "mitra/cooperations/templates/cooperations/form.html"} <= names


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_has_a_style_element_or_attribute(path: Path):
    text = path.read_text()
    found = [
        match.group(0) for match in (*STYLE_ELEMENT.finditer(text), *STYLE_ATTRIBUTE.finditer(text))
    ]
    assert found == [], path.relative_to(ROOT)


def test_the_scan_would_see_a_style_attribute_and_a_style_element():
    assert STYLE_ATTRIBUTE.search('<p class="x" style="color: red">')
    assert STYLE_ATTRIBUTE.search("<p style='color: red'>")
    assert STYLE_ELEMENT.search("<STYLE>p {}</STYLE>")
    assert not STYLE_ATTRIBUTE.search('<p class="lifestyle">')


def htmx_config() -> dict[str, object]:
    match = HTMX_CONFIG.search((ROOT / "templates" / "base.html").read_text())
    assert match, "base.html configures htmx through its meta element"
    config: dict[str, object] = json.loads(match.group(1))
    return config


def test_htmx_adds_no_indicator_style_element():
    assert htmx_config()["includeIndicatorStyles"] is False


def test_htmx_copies_no_style_attribute_when_it_settles_a_swap():
    settled = htmx_config()["attributesToSettle"]
    assert isinstance(settled, list) and "style" not in settled
    assert "class" in settled  # the settling classes still follow the swap
