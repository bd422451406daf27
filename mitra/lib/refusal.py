"""How services say no: every problem, in the user's language, at once."""

from typing import Protocol


class Refused(Exception):
    """A use case was refused; `problems` lists every reason, already translated."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def refuse_if(problems: list[str]) -> None:
    if problems:
        raise Refused(problems)


class _Form(Protocol):
    def add_error(self, field: str | None, error: str) -> None: ...


def show_on_form(form: _Form, refusal: Refused) -> None:
    """Show every reason a service gave as an error of the whole form; the input stays."""
    for problem in refusal.problems:
        form.add_error(None, problem)
