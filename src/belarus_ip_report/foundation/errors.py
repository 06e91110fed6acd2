"""Errors for people: which file, which CSV line, which column, what was expected."""

from __future__ import annotations


class DataError(Exception):
    """A problem in a curated table that the reader of the message can fix by hand."""

    def __init__(
        self,
        file: str,
        problem: str,
        *,
        line: int | None = None,
        column: str | None = None,
        hint: str = "",
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column '{self.column}'"
        text = f"{where}: {self.problem}"
        if self.hint:
            text += f" ({self.hint})"
        # One line, whatever the offending value holds: line breaks are shown, not followed.
        return text.replace("\r", "\\r").replace("\n", "\\n")


class DataErrors(DataError):
    """Every problem that one check found at once, so that a contributor can fix them all in
    one pass; each line names its file, line and column like a single DataError."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(first.file, first.problem, line=first.line, column=first.column,
                         hint=first.hint)

    @property
    def message(self) -> str:
        count = len(self.errors)
        lines = [error.message for error in self.errors]
        return "\n".join([*lines, f"{count} problem(s) found; fix them all, then build again."])
