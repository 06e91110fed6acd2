"""A raw table's text cells with the CSV line of each row, as the checks across tables read
them (`crosschecks`, `disagreements`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from belarus_ip_report.curated.columns import SOURCE_SEPARATOR
from belarus_ip_report.curated.schemas import TABLES_BY_NAME
from belarus_ip_report.foundation.errors import DataError


@dataclass(frozen=True)
class RawRows:
    """A raw table's text cells (before typing and sorting) with the CSV line of each row."""

    file: str
    frame: pd.DataFrame
    lines: list[int]
    #: Each column as a list, made on first use: cells are read one by one thousands of times.
    _columns: dict[str, list] = field(default_factory=dict, repr=False, compare=False)

    def line(self, position: int) -> int:
        return self.lines[position]

    def cell(self, position: int, column: str) -> str | None:
        if column not in self._columns:
            self._columns[column] = self.frame[column].tolist()
        value = self._columns[column][position]
        return value if isinstance(value, str) else None


def key_of(spec_name: str) -> str:
    return TABLES_BY_NAME[spec_name].key[0]


def index_rows(rows: RawRows, key: str) -> dict[str, int]:
    return {value: position for position, value in enumerate(rows.frame[key])
            if isinstance(value, str)}


def value_mismatch(evidence: RawRows, line: int, target: RawRows, position: int, row_key: str,
                   column: str, value: str, hint: str) -> DataError | None:
    """The error of an evidence row (at `line`) whose value is not the one `target` holds at
    `position`, `column`; None where they agree."""
    held = target.cell(position, column)
    if held == value:
        return None
    shown = "an empty value" if held is None else f"'{held}'"
    return DataError(evidence.file, f"says '{value}' but {target.file} (line "
                                    f"{target.line(position)}) holds {shown} for {row_key} / "
                                    f"{column}", line=line, column="value", hint=hint)


def source_ids_mismatch(rows: RawRows, position: int, row_key: str, listed: set[str],
                        evidenced: set[str], none: str) -> DataError | None:
    """The error of a row whose `source_ids` (`listed`) is not exactly the sources its
    evidence names (`evidenced`); None where they agree. `none` is what to write when the row
    has no evidence."""
    if listed == evidenced:
        return None
    parts = []
    if evidenced - listed:
        parts.append(f"evidence cites {', '.join(sorted(evidenced - listed))} but source_ids "
                     "does not")
    if listed - evidenced:
        parts.append(f"no evidence row of '{row_key}' cites "
                     f"{', '.join(sorted(listed - evidenced))}")
    return DataError(rows.file, "; ".join(parts), line=rows.line(position), column="source_ids",
                     hint="source_ids must list exactly the sources of the row's evidence: "
                          f"{SOURCE_SEPARATOR.join(sorted(evidenced)) or none}")
