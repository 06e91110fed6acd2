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
