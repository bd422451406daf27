"""What is true of one kind of cooperation is written once, in its row of `workflow.KINDS`: no
module outside the catalogue picks a kind out by its member (`kind == Cooperation.Kind.X`), by
its slug (`Q(kind="foreign_institution")`) or by its abbreviation in a text a user reads ("KSDLL
route"). A rule reads a flag of the row (`has_route`, `needs_feasibility_study`, `foreign`), a
text the abbreviations of the kinds the flag picks; a kind added to the table is then known to
every rule and text (CONTRIBUTING.md, "Adding a kind or a state")."""

import ast
import re
from pathlib import Path

import pytest

from mitra.cooperations.choices import Kind
from tests.catalogue_names import enum_aliases, names_a_member

ROOT = Path(__file__).resolve().parents[3]

# Where naming one kind is the point, each with the reason. Nothing else may.
ALLOWED = {
    # The catalogue itself: the names of the kinds and their rows.
    "mitra/cooperations/choices.py": "the kinds' names and labels",
    "mitra/cooperations/workflow.py": "the table of kinds",
    # The words registers write for each kind ("Kerja Sama Luar Negeri" ...): vocabulary, read
    # by the import, and tested whole by `test_a_new_kind_or_state_is_whole.py`.
    "mitra/imports/vocabulary.py": "a register's words for each kind",
}
ABBREVIATION = re.compile(r"\bKSD(?:D|PK|PL|LL)\b")
# What `Kind` is reached through: the model, the choices module, the table.
CATALOGUE_MODULES = {
    "mitra.cooperations.choices",
    "mitra.cooperations.models",
    "mitra.cooperations.workflow",
}
# A template comparing a kind's slug: `{% if coop.kind == "foreign_institution" %}`.
SLUGS = "|".join(Kind.values)
TEMPLATE_SLUG = re.compile(rf"""kind\s*(?:==|!=|in)\s*["'](?:{SLUGS})["']""")


def _names_a_kind_member(node: ast.AST, aliases: set[str]) -> bool:
    return names_a_member(node, aliases, Kind.names, {"Kind"})


def _is_kind_slug(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value in Kind.values


def _slug_compared(node: ast.AST) -> bool:
    """`kind == "third_party"`, or a query's `kind="foreign_institution"` / `kind__in=[...]`."""
    if isinstance(node, ast.Compare):
        return any(_is_kind_slug(side) for side in (node.left, *node.comparators))
    if isinstance(node, ast.keyword) and node.arg and node.arg.split("__")[0] == "kind":
        values = node.value.elts if isinstance(node.value, ast.List | ast.Tuple) else [node.value]
        return any(_is_kind_slug(value) for value in values)
    return False


def _docstrings(tree: ast.Module) -> set[int]:
    """Strings standing alone as statements (docstrings): read by developers, not users."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }


def kinds_named_in(source: str) -> list[tuple[int, str]]:
    """(line, what) for each place a module names one cooperation kind."""
    tree = ast.parse(source)
    aliases = enum_aliases(tree, {"Kind"}, CATALOGUE_MODULES)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if _names_a_kind_member(node, aliases) or _slug_compared(node):
            found.append((node.lineno, ast.unparse(node)))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and ABBREVIATION.search(node.value)
        ):
            found.append((node.lineno, repr(node.value)))
    return sorted(found)


def kinds_named_in_template(text: str) -> list[tuple[int, str]]:
    """(line, text) for each line of a template naming one kind, outside `{# comments #}`."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        shown = re.sub(r"\{#.*?#\}", "", line)
        if ABBREVIATION.search(shown) or TEMPLATE_SLUG.search(shown):
            found.append((number, line.strip()))
    return found


def _is_demo(path: Path) -> bool:
    """The demo data builds and finds cooperations of the kinds the law gives them (Makassar's
    sister cities are KSDPL), and its texts are a region's own words: content, not rules."""
    return "demo" in path.parts or path.stem == "demo"


def application_modules() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "mitra").rglob("*.py")
        if "tests" not in p.parts and "migrations" not in p.parts and not _is_demo(p)
    )


def templates() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT))
        for folder in (ROOT / "mitra", ROOT / "templates")
        for pattern in ("*.html", "*.txt")
        for p in folder.rglob(pattern)
        if "tests" not in p.parts
    )


@pytest.mark.parametrize("module", application_modules())
def test_no_module_names_one_kind_outside_the_table(module):
    if module in ALLOWED:
        return
    found = kinds_named_in((ROOT / module).read_text(encoding="utf-8"))
    assert found == [], "".join(
        f"\n{module}:{line}: {what}: read a flag of workflow.KINDS (a new attribute of "
        "KindFacts if none fits) and the abbreviations of the kinds it picks"
        for line, what in found
    )


@pytest.mark.parametrize("template", templates())
def test_no_template_names_one_kind(template):
    found = kinds_named_in_template((ROOT / template).read_text(encoding="utf-8"))
    assert found == [], "".join(
        f"\n{template}:{line}: {text}: pass the text, read from workflow.KINDS, from the view"
        for line, text in found
    )


def test_the_allowed_modules_exist_and_name_kinds():
    """An entry of `ALLOWED` that names no kind any more is one to remove."""
    for module in ALLOWED:
        assert kinds_named_in((ROOT / module).read_text(encoding="utf-8")), module


@pytest.mark.parametrize(
    "source",
    [
        "from mitra.cooperations.models import Cooperation\n"
        "def r(coop):\n    return coop.kind == Cooperation.Kind.FOREIGN_INSTITUTION\n",
        "from mitra.cooperations.choices import Kind\nWANTS = {Kind.THIRD_PARTY}\n",
        "from mitra.cooperations.models import Cooperation\nK = Cooperation.Kind\nx = K.THIRD_PARTY\n",
        "from django.db.models import Q\nQ(kind='foreign_institution')\n",
        "def r(kind):\n    return kind != 'third_party'\n",
        "from django.utils.translation import gettext as _\nLABEL = _('KSDLL route')\n",
        "HEADER = 'Jalur KSDLL'\n",
    ],
    ids=["member", "imported", "alias", "query", "slug", "gettext", "plain text"],
)
def test_the_scan_finds_a_kind_named_by_hand(source):
    assert kinds_named_in(source)


@pytest.mark.parametrize(
    "source",
    [
        '"""Only a KSDLL has a route (Permendagri 25/2020)."""\n',
        "from mitra.partners.models import Partner\nx = Partner.Kind.FOREIGN_INSTITUTION\n",
        "from mitra.cooperations import workflow\n"
        "def r(kind):\n    return workflow.KINDS[kind].has_route\n",
    ],
    ids=["docstring", "a partner kind", "a flag of the table"],
)
def test_the_scan_leaves_docstrings_partner_kinds_and_flags_alone(source):
    assert kinds_named_in(source) == []


def test_the_scan_finds_a_template_naming_a_kind():
    assert kinds_named_in_template('{% if coop.kind == "foreign_institution" %}') == [
        (1, '{% if coop.kind == "foreign_institution" %}')
    ]
    assert kinds_named_in_template("{% translate 'KSDLL route' %}")
    assert kinds_named_in_template("{# the KSDLL route #}") == []
