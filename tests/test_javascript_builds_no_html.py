"""Mitra's own JavaScript never turns data into HTML (issue 12, row 5).

Partner names, cooperation titles and places are the tenants' text: a partner named
`<img src=x onerror=...>` once became a real element in the maps' tooltips. Every script of ours
(not the vendored libraries) is read here, and any way of writing HTML from a string fails the
test, so a new map, chart or page cannot bring the hole back. Labels are DOM nodes filled with
`textContent` (`MitraMap.label` in static/js/worldmap.js, or a function building nodes).
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted(
    path
    for path in [*ROOT.glob("static/**/*.js"), *ROOT.glob("mitra/*/static/**/*.js")]
    if "vendor" not in path.relative_to(ROOT).parts
)

# Sinks that parse a string as HTML, whatever the string holds.
HTML_SINKS = re.compile(
    r"\.innerHTML\b|\.outerHTML\b|\binsertAdjacentHTML\b|\bdocument\.write(ln)?\b"
    r"|\bcreateContextualFragment\b|\.html\(|\bparseFromString\b|\bsrcdoc\b"
)
# Parsing is allowed where the string is the server's own autoescaped template, never data.
PARSED_SERVER_HTML = {
    "static/js/pipeline.js": "the board's htmx answer, rendered by the server's templates",
}
# Leaflet (and similar) calls that treat a string argument as HTML.
CONTENT_CALLS = re.compile(
    r"\.(bindTooltip|bindPopup|setContent|setTooltipContent|setPopupContent)\s*\("
)
# Functions that return a DOM node built with textContent; content must come from one of them.
NODE_BUILDERS = ("MitraMap.label(", "popupFor(")


def _argument(source: str, opening: int) -> str:
    """The text between the parenthesis at `opening` and the one that closes it."""
    depth = 0
    for position in range(opening, len(source)):
        if source[position] == "(":
            depth += 1
        elif source[position] == ")":
            depth -= 1
            if depth == 0:
                return source[opening + 1 : position].strip()
    raise AssertionError("unbalanced parentheses")


def test_there_are_scripts_to_check() -> None:
    names = {path.name for path in SCRIPTS}
    assert {"dashboard.js", "portal.js", "worldmap.js", "partner-map.js"} <= names


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_script_writes_html_from_a_string(path: Path) -> None:
    name = str(path.relative_to(ROOT))
    sinks = [sink.group(0) for sink in HTML_SINKS.finditer(path.read_text())]
    assert sinks == (["parseFromString"] if name in PARSED_SERVER_HTML else []), name


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_tooltips_and_popups_get_dom_nodes_never_strings(path: Path) -> None:
    source = path.read_text()
    for call in CONTENT_CALLS.finditer(source):
        argument = _argument(source, call.end() - 1)
        assert argument.startswith(NODE_BUILDERS), f"{path.name}: .{call[1]}({argument})"


def test_the_node_builders_fill_text_not_html() -> None:
    worldmap = (ROOT / "static/js/worldmap.js").read_text()
    label = worldmap[worldmap.index("function label(") :]
    label = label[: label.index("\n    }\n")]
    assert "createElement" in label and "textContent" in label
    portal = (ROOT / "static/js/portal.js").read_text()
    popup = portal[portal.index("function popupFor(") : portal.index("function markerLayers(")]
    assert "textContent" in popup and not HTML_SINKS.search(popup)


@pytest.mark.parametrize(
    "line",
    [
        'layer.bindTooltip(partner.name + ": " + partner.count);',
        "marker.bindPopup('<b>' + item.name + '</b>');",
        "marker.setContent(`${item.name}`);",
    ],
)
def test_the_check_catches_a_string_given_as_content(line: str) -> None:
    call = CONTENT_CALLS.search(line)
    assert call is not None
    assert not _argument(line, call.end() - 1).startswith(NODE_BUILDERS)


@pytest.mark.parametrize(
    "line", ["node.innerHTML = name;", "el.insertAdjacentHTML('beforeend', x);", "$(n).html(x)"]
)
def test_the_check_catches_an_html_sink(line: str) -> None:
    assert HTML_SINKS.search(line)
