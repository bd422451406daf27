"""The apps under `mitra/` import one another in one direction only, and no two depend on each
other; within and across apps, no two modules import each other (directly or round a loop).

Read from the code, over the syntax tree of every module (no import is executed): module-level
imports, imports deferred into functions, and imports under `if TYPE_CHECKING:` all count,
because each is a dependency a reader has to follow. Relative imports are resolved. Not counted:
migrations (generated, and they may name any app's models by string), test modules (a test may
put the whole system together, e.g. the table of every form in tenancy's tests), and relations
named by string (`ForeignKey("tenancy.Tenant")`), which are data, not imports.

Modules form no cycle either (`test_no_module_imports_itself_round_a_loop`): module-level and
deferred imports count, and `from package import module` names the module; imports under
`if TYPE_CHECKING:` do not (they run for the type checker only). A cycle is broken by moving what
both need down into a module they both import (`cooperations/choices.py`, `imports/plans.py`).
Names starting with an underscore are private to their module: no other module imports them.

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
    frozenset({"accounts", "downloads", "regions"}),
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
        ("reminders", "followups"),
        ("reminders", "implementation"),  # the daily run creates obligations' tasks
        ("reminders", "reviews"),
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


# --- Modules ------------------------------------------------------------------------------


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """Every node below `node` except those only the type checker reads."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for other in child.orelse:
                yield other
                yield from _runtime_nodes(other)
            continue
        yield child
        yield from _runtime_nodes(child)


def runtime_imports(module: str, path: Path, known: set[str]) -> Iterator[tuple[str, list[str]]]:
    """(imported module, names) for each import run at some point; `from mitra.x import y`
    names the module `mitra.x.y` when there is one."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in _runtime_nodes(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                names = package.split(".")
                parent = ".".join(names[: len(names) - node.level + 1])
                base = f"{parent}.{node.module}" if node.module else parent
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield (submodule, []) if submodule in known else (base, [alias.name])


def module_graph() -> dict[str, set[str]]:
    found = dict(modules())
    known = set(found)
    return {
        module: {target for target, _names in runtime_imports(module, path, known)}
        & known - {module}
        for module, path in found.items()
    }


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules, as `a -> b -> ... -> a`."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while (member := stack.pop()) != node:
                group.append(member)
            if group:
                groups.append([node, *group])

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_loop_through(group, graph) for group in groups]


def _loop_through(group: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest loop from the group's first module back to it, within the group."""
    start, members = min(group), set(group)
    paths = {start: [start]}
    pending = [start]
    while pending:
        node = pending.pop(0)
        for target in sorted(graph[node] & members):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                pending.append(target)
    raise AssertionError(f"no loop through {group}")


def test_no_module_imports_itself_round_a_loop() -> None:
    cycles = [" -> ".join(cycle) for cycle in import_cycles(module_graph())]
    assert cycles == [], "move what both modules need into a module below them"


def test_no_module_imports_another_modules_private_names() -> None:
    found = dict(modules())
    private = [
        f"{module} imports {name} from {target}"
        for module, path in found.items()
        for target, names in runtime_imports(module, path, set(found))
        if target.startswith("mitra")
        for name in names
        if name.startswith("_") and not name.startswith("__")
    ]
    assert private == []


def test_the_cycle_check_sees_deferred_and_package_imports_and_not_type_checking(
    tmp_path: Path,
) -> None:
    (tmp_path / "models.py").write_text("def live():\n    from . import workflow\n")
    (tmp_path / "workflow.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from mitra.app.views import View\n"
        "from mitra.app.models import Cooperation\n"
    )
    (tmp_path / "views.py").write_text("from mitra.app import workflow\n")
    known = {"mitra.app.models", "mitra.app.workflow", "mitra.app.views"}
    graph = {
        module: {t for t, _ in runtime_imports(module, tmp_path / f"{module[10:]}.py", known)}
        for module in known
    }
    assert graph["mitra.app.models"] == {"mitra.app.workflow"}
    assert graph["mitra.app.workflow"] == {"typing", "mitra.app.models"}
    assert import_cycles(graph) == [["mitra.app.models", "mitra.app.workflow", "mitra.app.models"]]
