"""The apps under `mitra/` import one another in one direction only, and no two depend on each
other.

Read from the code, over the syntax tree of every module (no import is executed): module-level
imports, imports deferred into functions, and imports under `if TYPE_CHECKING:` all count,
because each is a dependency a reader has to follow. Relative imports are resolved. Not counted:
migrations (generated, and they may name any app's models by string), test modules (a test may
put the whole system together, e.g. the table of every form in tenancy's tests), and relations
named by string (`ForeignKey("tenancy.Tenant")`), which are data, not imports.

An app may import an app of a lower layer. Within one layer only the edges listed in
`SAME_LAYER_EDGES` are allowed, and they must form no cycle. A new app must be given a layer here
(and in docs/architecture.md).
"""

import ast
import graphlib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "mitra"

# Lowest first. See docs/architecture.md for what each layer is for.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"lib"}),
    frozenset({"audit"}),
    frozenset({"tenancy"}),
    frozenset({"accounts", "regions"}),
    frozenset({"partners"}),
    frozenset({"cooperations"}),
    frozenset(
        {
            "dashboard",
            "events",
            "followups",
            "implementation",
            "imports",
            "intake",
            "pipeline",
            "portal",
            "reminders",
            "reports",
            "reviews",
            "staff",
        }
    ),
    frozenset({"api", "demo"}),
)

# Feature apps that build on another feature app (importer, imported).
SAME_LAYER_EDGES: frozenset[tuple[str, str]] = frozenset(
    {
        ("followups", "events"),  # a planned meeting is a cooperation's next step
        ("implementation", "events"),  # a recurring obligation is a meeting or an event
        ("implementation", "followups"),  # plans of action create tasks and log activity
        ("intake", "followups"),  # an accepted letter becomes a task
        ("imports", "reviews"),  # an imported cooperation under review gets its request
        ("dashboard", "events"),  # the leader sees the next events with their readiness
        ("dashboard", "followups"),
        ("dashboard", "implementation"),
        ("dashboard", "reviews"),  # and what waits on Kemendagri, for how long
        ("reminders", "dashboard"),  # reminders and the dashboard share "what is due"
        ("reminders", "followups"),
        ("reminders", "implementation"),  # the daily run creates obligations' tasks
        ("reminders", "reviews"),
        ("reports", "dashboard"),
        ("reports", "events"),
        ("reports", "followups"),
        ("staff", "followups"),
    }
)

TOP_LEVEL = {"cli"}  # mitra/cli.py: the `mitra` command, above every app


def layer_of(app: str) -> int:
    for index, apps in enumerate(LAYERS):
        if app in apps:
            return index
    raise AssertionError(f"mitra/{app}/ has no layer: add it to LAYERS in {__file__}")


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "migrations" in parts or "tests" in parts:
            continue
        yield ".".join(("mitra", *parts)).removesuffix(".py").removesuffix(".__init__"), path


def imported_modules(module: str, path: Path) -> Iterator[str]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                names = package.split(".")
                base = ".".join(names[: len(names) - node.level + 1])
                if node.module:
                    yield f"{base}.{node.module}"
                else:
                    yield from (f"{base}.{alias.name}" for alias in node.names)
            elif node.module:
                yield node.module


def app_edges() -> dict[tuple[str, str], list[str]]:
    edges: dict[tuple[str, str], list[str]] = {}
    for module, path in modules():
        if module == "mitra":
            continue
        importer = module.split(".")[1]
        for target in imported_modules(module, path):
            names = target.split(".")
            if names[0] == "config" or (names[0] == "mitra" and len(names) > 1):
                imported = "config" if names[0] == "config" else names[1]
                if imported != importer:
                    edges.setdefault((importer, imported), []).append(module)
    return edges


def test_every_app_has_a_layer() -> None:
    apps = {path.name for path in ROOT.iterdir() if (path / "__init__.py").exists()}
    declared = set().union(*LAYERS)
    assert apps - declared == set(), "give each new app a layer in LAYERS"
    assert declared - apps == set(), "LAYERS names an app that no longer exists"


def test_no_app_imports_an_app_above_it() -> None:
    upward = [
        f"{importer} -> {imported} in {', '.join(sorted(set(where)))}"
        for (importer, imported), where in sorted(app_edges().items())
        if importer not in TOP_LEVEL
        and (imported == "config" or layer_of(imported) > layer_of(importer))
    ]
    assert upward == []


def test_apps_of_one_layer_import_each_other_only_along_the_listed_edges() -> None:
    sideways = [
        f"{importer} -> {imported} in {', '.join(sorted(set(where)))}"
        for (importer, imported), where in sorted(app_edges().items())
        if importer not in TOP_LEVEL
        and imported != "config"
        and layer_of(imported) == layer_of(importer)
        and (importer, imported) not in SAME_LAYER_EDGES
    ]
    assert sideways == [], "list a deliberate edge in SAME_LAYER_EDGES, or import downward"


def test_the_listed_edges_are_used_and_form_no_cycle() -> None:
    edges = app_edges()
    assert [edge for edge in sorted(SAME_LAYER_EDGES) if edge not in edges] == []
    graph: dict[str, set[str]] = {}
    for importer, imported in edges:
        graph.setdefault(importer, set()).add(imported)
    graphlib.TopologicalSorter(graph).prepare()  # raises CycleError naming the cycle


def test_the_checker_sees_deferred_relative_and_type_checking_imports(tmp_path: Path) -> None:
    module = tmp_path / "views.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "from . import forms\n"
        "from ..tenancy.models import Tenant\n"
        "if TYPE_CHECKING:\n    from mitra.reports.queries import Report\n"
        "def view():\n    import mitra.api.urls\n"
    )
    found = set(imported_modules("mitra.partners.views", module))
    assert {"mitra.partners.forms", "mitra.tenancy.models", "mitra.reports.queries"} <= found
    assert "mitra.api.urls" in found
