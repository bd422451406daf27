"""Reading Python source for the cooperation kinds and states it names: shared by the class tests
that keep those facts in `workflow.py` (`test_one_catalogue.py`, `test_kinds_are_named_by_the_table.py`)."""

import ast
from collections.abc import Collection

# What `State` and `Kind` are reached through: the model, the choices module, the table.
OWNERS = {"Cooperation", "choices", "workflow"}


def enum_aliases(tree: ast.Module, enums: Collection[str], modules: Collection[str]) -> set[str]:
    """Names a module binds to the enums: `K = Cooperation.Kind`, or `Kind` imported from one of
    `modules`."""
    assigned = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr in enums
        and isinstance(node.value.value, ast.Name)
        and node.value.value.id in OWNERS
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module in modules
        for alias in node.names
        if alias.name in enums
    }
    return assigned | imported


def names_a_member(
    node: ast.AST | None, aliases: set[str], members: Collection[str], enums: Collection[str]
) -> bool:
    """`node` is `Alias.MEMBER` or `Cooperation.Kind.MEMBER` (any of `enums`, reached through
    one of OWNERS)."""
    if not isinstance(node, ast.Attribute) or node.attr not in members:
        return False
    owner = node.value
    if isinstance(owner, ast.Name):
        return owner.id in aliases
    return (
        isinstance(owner, ast.Attribute)
        and owner.attr in enums
        and isinstance(owner.value, ast.Name)
        and owner.value.id in OWNERS
    )
