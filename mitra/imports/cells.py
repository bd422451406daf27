"""One row's cells by field, and the problems found in them, each tied to its row and column."""

from collections.abc import Callable, Collection
from dataclasses import dataclass

from django.utils.translation import gettext as _

from mitra.imports import values, vocabulary
from mitra.imports.columns import BY_FIELD, Layout

LISTED_CHOICES = 20  # more possible values than this: point to the template instead


@dataclass(frozen=True)
class Problem:
    row: int  # 0: the file as a whole
    column: str  # the column's letter; "" when the column is missing or the row is meant
    header: str
    message: str


class Cells:
    """One row's cells by field, and the row's problems, each with its column."""

    def __init__(self, number: int, cells: list[values.Cell], layout: Layout) -> None:
        self.number = number
        self.cells = cells
        self.layout = layout
        self.problems: list[Problem] = []

    def has(self, name: str) -> bool:
        return self.value(name) is not None

    def value(self, name: str) -> values.Cell:
        index = self.layout.fields.get(name)
        if index is None or index >= len(self.cells) or values.is_blank(self.cells[index]):
            return None
        return self.cells[index]

    def text(self, name: str) -> str:
        return values.cell_text(self.value(name))

    def line(self, name: str) -> str:
        return values.one_line(self.text(name))

    def error(self, name: str, message: str) -> None:
        """Record a problem of the cell; one a second check finds again is listed once."""
        index = self.layout.fields.get(name)
        if index is None:  # the column is missing: name the one to add
            problem = Problem(self.number, "", BY_FIELD[name].header, message)
        else:
            header = self.layout.headers[index].strip()
            problem = Problem(self.number, self.layout.letter(name), header, message)
        if problem not in self.problems:
            self.problems.append(problem)


def choose(
    cells: Cells,
    name: str,
    words: vocabulary.Vocabulary,
    allowed: Collection[str],
    label: Callable[[str], str],
) -> str:
    """The one allowed value the cell names, or "" with a problem saying what is possible."""
    text = cells.line(name)
    if not text:
        return ""
    found = words.candidates(text)
    fitting = found & set(allowed)
    if len(fitting) == 1:
        return fitting.pop()
    if fitting:
        message = _("“%(value)s” could mean %(choices)s; write one of them.")
        choices = fitting
    elif len(allowed) > LISTED_CHOICES:
        message = (
            _("“%(value)s” does not fit this row; the template lists the values allowed.")
            if found
            else _("“%(value)s” is not recognised here; the template lists the values allowed.")
        )
        choices = set()
    else:
        message = (
            _("“%(value)s” does not fit this row; possible here: %(choices)s.")
            if found
            else _("“%(value)s” is not recognised here; possible values: %(choices)s.")
        )
        choices = set(allowed)
    listed = ", ".join(sorted(label(v) for v in choices))
    cells.error(name, message % {"value": text, "choices": listed})
    return ""
