"""How services say no: every problem, in the user's language, at once.

A problem about one input names its field (`fields`), so a form shows it beside that field and
the API answers 422 at that field's place, as for the form's own checks; the rule itself is
written once, in the service's `rules.py`, never again in the form.
"""

from collections.abc import Mapping, Sequence
from typing import Protocol


class Refused(Exception):
    """A use case was refused; `problems` lists every reason, already translated, and `fields`
    those about one input, under the input's name."""

    def __init__(self, problems: list[str], fields: Mapping[str, Sequence[str]] | None = None):
        super().__init__("; ".join(problems))
        self.problems = problems
        self.fields = {name: list(found) for name, found in (fields or {}).items() if found}


def refuse_if(problems: list[str]) -> None:
    if problems:
        raise Refused(problems)


def refuse_on_fields(fields: Mapping[str, Sequence[str]], general: Sequence[str] = ()) -> None:
    """Refuse with every problem: those under the field they are about, and `general` ones."""
    problems = [*general, *(p for found in fields.values() for p in found)]
    if problems:
        raise Refused(problems, fields)


class _Form(Protocol):
    @property
    def fields(self) -> Mapping[str, object]: ...

    def add_error(self, field: str | None, error: str) -> None: ...


def show_on_form(
    form: _Form,
    refusal: Refused,
    *also: _Form,
    rows: Mapping[str, Sequence[_Form]] | None = None,
) -> None:
    """Show every reason a service gave: beside its field, on `form` or on the first of `also`
    (a formset standing for a field) that has it, else as an error of the whole form. A reason
    about one row of a table of inputs (`commitments.2.due_date`) goes beside that input of the
    row's form in `rows` (`{"commitments": [the forms of the rows, in the service's order]}`).
    The input stays."""
    placed: set[str] = set()
    for name, found in refusal.fields.items():
        target, field = _row_input(name, rows or {})
        if target is None:
            target = next((f for f in (form, *also) if name in f.fields), None)
        if target is not None:
            for problem in found:
                target.add_error(field, problem)
            placed.update(found)
    for problem in refusal.problems:
        if problem not in placed:
            form.add_error(None, problem)


def _row_input(name: str, rows: Mapping[str, Sequence[_Form]]) -> tuple[_Form | None, str]:
    """The row's form and the input that `name` (`table.row.field`) points at, or None."""
    table, _dot, rest = name.partition(".")
    number, _dot, field = rest.partition(".")
    forms = rows.get(table, ())
    if number.isdigit() and int(number) < len(forms) and field in forms[int(number)].fields:
        return forms[int(number)], field
    return None, name
