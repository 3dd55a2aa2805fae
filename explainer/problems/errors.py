"""Author-facing problems: one located, actionable line each.

The engine collects every problem it finds and raises them together, so that an author
fixes a whole batch in one go instead of one per build.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake in an author's file: where it is, which field, what is wrong and what to do."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class AuthorErrors(Exception):
    """Raised once with every problem found, in file order, so none hides behind another."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.field))
        super().__init__("\n".join(str(p) for p in self.problems))


class WorkLeft(AuthorErrors):
    """AuthorErrors that are all work left (texts still TODO, statements without a source): a
    normal build refuses them, a draft shows them. Raised apart from mistakes so that the build
    can go on to report the pages' own work left with them, all at once."""


class ProblemCollector:
    """Accumulates problems from every stage; `raise_if_any` stops once at the end of a stage."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, line: int, column: int, field: str, message: str) -> None:
        self.problems.append(Problem(path, line, column, field, message))

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise AuthorErrors(self.problems)
