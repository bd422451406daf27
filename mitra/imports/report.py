"""The dry-run report kept on an import run: plain JSON, in the language of whoever checked it."""

from collections.abc import Iterable
from typing import Any

from mitra.imports.cells import Problem
from mitra.imports.checks import kind_label, state_label
from mitra.imports.documents import kind_label as document_kind_label
from mitra.imports.plans import DocumentPlan, Plan, RowPlan


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "row": problem.row,
        "column": problem.column,
        "header": problem.header,
        "message": problem.message,
    }


def _document(document: DocumentPlan | None) -> dict[str, Any] | None:
    if document is None or not document.kind:
        return None
    return {
        "kind": document_kind_label(document.kind),
        "title": document.title,
        "numbers": [document.numbers[role] for role in sorted(document.numbers)],
        "date_signed": document.date_signed.isoformat() if document.date_signed else None,
        "valid_until": document.valid_until.isoformat() if document.valid_until else None,
        "until_terminated": document.until_terminated,
    }


def _row(row: RowPlan, cooperation: int | None) -> dict[str, Any]:
    return {
        "number": row.number,
        "outcome": row.outcome,
        "title": row.title,
        "kind": kind_label(row.kind) if row.kind else "",
        "state": state_label(row.state) if row.state else "",
        "partners": [
            {
                "name": choice.name,
                "pk": choice.existing.pk if choice.existing else None,
                "new": choice.existing is None,
            }
            for choice in row.partners
        ],
        "document": _document(row.document),
        "duplicate_of": (
            {"pk": row.duplicate_of.pk, "title": row.duplicate_of.title}
            if row.duplicate_of
            else None
        ),
        "cooperation": cooperation,
        "continues": row.continues.number if row.continues else None,
        "notes": row.notes,
        "problems": in_sheet_order(_problem(p) for p in row.problems),
    }


def in_sheet_order(problems: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Problems as the sheet holds them: by row, then column (A … Z, AA …), the row's own
    problems (no column) first."""
    return sorted(problems, key=lambda p: (p["row"], len(p["column"]), p["column"]))


def build_report(plan: Plan, created: dict[int, int] | None = None) -> dict[str, Any]:
    """Every row's outcome and every problem; `created` maps row numbers to new cooperations."""
    created = created or {}
    rows = [
        _row(row, created.get(row.continues.number if row.continues else row.number))
        for row in plan.rows
    ]
    writing = plan.to_write
    new_partners = {id(c) for row in writing for c in row.partners if c.existing is None}
    linked = {c.existing.pk for row in writing for c in row.partners if c.existing is not None}
    return {
        "file_problems": [_problem(p) for p in plan.file_problems],
        "warnings": plan.warnings,
        "rows": rows,
        "problems": in_sheet_order(_problem(p) for p in plan.problems),
        "counts": {
            "rows": len(plan.rows),
            "create": len(plan.to_create),
            "skip": sum(1 for row in plan.rows if row.outcome == "skip"),
            "documents": sum(1 for row in plan.rows if row.outcome == "document"),
            "error": sum(1 for row in plan.rows if row.outcome == "error"),
            "problems": len(plan.problems),
            "new_partners": len(new_partners),
            "linked_partners": len(linked),
        },
    }
