"""How services say no: every problem, in the user's language, at once."""


class Refused(Exception):
    """A use case was refused; `problems` lists every reason, already translated."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def refuse_if(problems: list[str]) -> None:
    if problems:
        raise Refused(problems)
