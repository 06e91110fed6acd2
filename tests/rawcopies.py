"""Helpers for the tests that change a copy of data/raw/ (the `raw` and `project` fixtures are
in `conftest.py`): read and write rows, set one cell, and find the problem the loader names.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from belarus_ip_report.curated import tables
from belarus_ip_report.foundation.errors import DataError, DataErrors

MEMBERS = "wto_members.csv"
MILESTONES = "wto_accession_milestones.csv"
TREATIES = "wipo_treaties.csv"


def read_rows(folder: Path, name: str) -> list[list[str]]:
    text = (folder / name).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    # The helpers below rely on one CSV record per physical line in the real tables.
    assert len(rows) == len(text.splitlines()), f"{name} has a value spanning lines"
    return rows


def write_rows(folder: Path, name: str, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (folder / name).write_text(buffer.getvalue(), encoding="utf-8")


def set_cell(folder: Path, name: str, line: int, column: str, value: str) -> str:
    """Set one value (CSV line numbers start at 1 with the header); returns the old value."""
    rows = read_rows(folder, name)
    index = rows[0].index(column)
    old = rows[line - 1][index]
    rows[line - 1][index] = value
    write_rows(folder, name, rows)
    return old


def line_of(folder: Path, name: str, first_value: str) -> int:
    """The CSV line of the row whose first cell is `first_value`."""
    return next(n for n, row in enumerate(read_rows(folder, name), start=1)
                if row[0] == first_value)


def edit_lines(folder: Path, name: str, edit: Callable[[list[str]], list[str]]) -> None:
    """Edit the physical lines of a file (without their line ends)."""
    path = folder / name
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(edit(lines)), encoding="utf-8")


def data_rows(folder: Path, name: str) -> int:
    return len(read_rows(folder, name)) - 1


def load_errors(folder: Path) -> list[DataError]:
    """Every problem the loader reports, each checked to be a one-line message."""
    with pytest.raises(DataError) as raised:
        tables.load_clean_tables(folder)
    error = raised.value
    assert str(error) == error.message
    found = error.errors if isinstance(error, DataErrors) else [error]
    for problem in found:
        message = problem.message
        assert "\n" not in message and "\r" not in message, f"not one line: {message!r}"
    return found


def load_error(folder: Path) -> DataError:
    """The one problem a single corruption causes."""
    (error,) = load_errors(folder)
    return error


def find_error(errors: list[DataError], file: str, line: int | None,
               column: str | None) -> DataError:
    for error in errors:
        if (error.file, error.line, error.column) == (f"data/raw/{file}", line, column):
            return error
    raise AssertionError(f"no problem at {file}:{line}:{column} in {[e.message for e in errors]}")


def assert_names(error: DataError, file: str, line: int | None, column: str | None) -> None:
    assert (error.file, error.line, error.column) == (f"data/raw/{file}", line, column), (
        error.message)
    where = f"data/raw/{file}"
    if line is not None:
        where += f", line {line}"
    if column is not None:
        where += f", column '{column}'"
    assert error.message.startswith(where + ": "), error.message
