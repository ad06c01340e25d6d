"""The one shape every complaint about the data files takes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple

from generator.errors import DataFailure

Severity = Literal["error", "warning"]

# Named tuples rather than frozen dataclasses: the loader makes one Position
# per value and a 16 MB file has millions, and sorting millions of problems
# compares them; tuples are made and compared in C, several times faster.


class Position(NamedTuple):
    """A place in a data file; line and column count from 1, as editors do."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Problem(NamedTuple):
    """One thing wrong in a data file, worded for the person who edits it."""

    position: Position
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        label = "feil" if self.severity == "error" else "advarsel"
        return f"{self.position}: {label}: {self.message}"


class DataError(DataFailure):
    """Raised when the data files cannot be used; carries every problem found.

    Its message is empty: the problems, each with its file and line, say it all.
    """

    def __init__(
        self,
        problems: Iterable[Problem],
        partial: object = None,
        repaired: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__("", problems)
        self.partial = partial
        """What could still be read despite the problems (a loader's node tree),
        so that later checks can report their problems in the same run."""
        self.repaired = repaired
        """Lines the loader changed to read past a syntax error: what later
        checks find on them follows from the change, not from the editor."""

    def __str__(self) -> str:
        return f"{len(self.problems)} problem(er) i datafilene"
