"""Loading, validating, cleaning and writing the curated tables.

Raw tables are read as text with the `csv` module so that every value keeps its CSV line
number; every problem becomes a `DataError` that names the file, the line and the column.
Cleaning never drops a row: it trims white space and a byte-order mark, and says so.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from . import paths
from .dates import parse_partial_date
from .errors import DataError
from .schemas import SOURCE_SEPARATOR, TABLES, TABLES_BY_NAME, TableSpec

UTF8_BOM = b"\xef\xbb\xbf"
#: Longest whole number a count column takes (Int64 holds 18 digits safely).
MAX_DIGITS = 18


@dataclass
class RawTable:
    """A raw CSV as text cells, with the CSV line on which each row starts."""

    spec: TableSpec
    file: str
    frame: pd.DataFrame
    lines: list[int]
    changes: list[str] = field(default_factory=list)

    def line_of(self, row_position: int) -> int:
        return self.lines[row_position]


@dataclass
class CleanTable:
    spec: TableSpec
    frame: pd.DataFrame
    rows_in: int
    changes: list[str]


def precision_column(date_column: str) -> str:
    return f"{date_column}_precision"


def read_raw_table(spec: TableSpec, folder: Path = paths.RAW) -> RawTable:
    """Read one raw CSV into text cells, cleaning only what is documented here."""
    path = folder / spec.file_name
    file = paths.relative(path)
    if not path.exists():
        raise DataError(file, "file not found",
                        hint="every table declared in schemas.TABLES must be in data/raw/")
    data = path.read_bytes()
    changes: list[str] = []
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
        changes.append("removed a UTF-8 byte-order mark at the start of the file")
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DataError(
            file, f"not UTF-8 text (byte 0x{data[error.start]:02x})", line=line,
            hint="save the file as UTF-8",
        ) from None
    if not content.strip():
        raise DataError(file, "the file is empty", hint="it needs a header line and rows")

    expected = list(spec.schema.columns)
    parsed = _parse_csv(file, content)
    header = [name.strip() for name in parsed.header]
    if header != parsed.header:
        changes.append("trimmed white space around column names in the header")
    _check_header(file, header, expected, parsed.header_line)
    for record, line in zip(parsed.rows, parsed.lines, strict=True):
        if len(record) != len(header):
            raise DataError(file, f"expected {len(header)} values, found {len(record)}",
                            line=line, hint="check for an unquoted comma or a missing value")
    rows, lines = parsed.rows, parsed.lines
    if parsed.blank_lines:
        changes.append(f"skipped {parsed.blank_lines} blank line(s)")
    if not rows:
        raise DataError(file, "the table has a header but no rows", line=parsed.header_line)

    _check_invisible_characters(file, header, rows, lines)
    frame = pd.DataFrame(rows, columns=header, dtype=str)
    trimmed = 0
    for column in frame.columns:
        stripped = frame[column].str.strip()
        trimmed += int((stripped != frame[column]).sum())
        frame[column] = stripped
    if trimmed:
        changes.append(f"trimmed white space around {trimmed} value(s)")
    frame = frame.replace({"": pd.NA})
    return RawTable(spec, file, frame, lines, changes)


@dataclass
class ParsedCsv:
    header: list[str]
    header_line: int
    rows: list[list[str]]
    lines: list[int]
    blank_lines: int


def _parse_csv(file: str, content: str) -> ParsedCsv:
    """Split CSV text into records, keeping the line each starts on; blank lines are counted."""
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    header: list[str] | None = None
    header_line = 1
    rows: list[list[str]] = []
    lines: list[int] = []
    blank_lines = 0
    start = 1
    try:
        for record in reader:
            if not record or all(not cell.strip() for cell in record):
                blank_lines += 1
            elif header is None:
                header, header_line = record, start
            else:
                rows.append(record)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as error:
        raise DataError(file, f"broken CSV ({error})", line=start) from None
    if header is None:
        raise DataError(file, "the file is empty", hint="it needs a header line and rows")
    return ParsedCsv(header, header_line, rows, lines, blank_lines)


INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200b]")


def _check_invisible_characters(file: str, header: list[str], rows: list[list[str]],
                                lines: list[int]) -> None:
    """Control characters, a stray byte-order mark or a zero-width space inside a value would
    pass every other check while breaking joins and searches: stop on them."""
    for record, line in zip(rows, lines, strict=True):
        for column, value in zip(header, record, strict=True):
            found = INVISIBLE.search(value)
            if found:
                raise DataError(file, f"an invisible character (U+{ord(found.group()):04X}) is "
                                "inside the value", line=line, column=column,
                                hint="retype the value")


def _check_header(file: str, header: list[str], expected: list[str], line: int) -> None:
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise DataError(file, "column appears twice in the header", line=line,
                            column=name)
        seen.add(name)
    missing = [name for name in expected if name not in header]
    if missing:
        raise DataError(file, "missing column", line=line, column=missing[0],
                        hint=f"expected columns: {', '.join(expected)}")
    extra = [name for name in header if name not in expected]
    if extra:
        raise DataError(file, "unexpected column", line=line, column=extra[0],
                        hint=f"expected columns: {', '.join(expected)}")
    if header != expected:
        position = next(i for i, (got, want) in enumerate(zip(header, expected, strict=True))
                        if got != want)
        raise DataError(file, f"columns are out of order: '{expected[position]}' belongs in "
                        f"position {position + 1}, found '{header[position]}'", line=line,
                        column=header[position], hint=f"expected: {', '.join(expected)}")


def validate_raw_table(raw: RawTable, known_sources: Iterable[str] | None) -> CleanTable:
    """Type, check and order one raw table; the first problem stops with a DataError."""
    spec, frame = raw.spec, raw.frame.copy()
    for column, precisions in spec.date_columns.items():
        _check_dates(raw, frame, column, precisions)
    for column in spec.integer_columns:
        frame[column] = _parse_integers(raw, frame[column], column)
    _check_unique_key(raw, frame)
    try:
        frame = spec.schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        raise _first_schema_error(raw, errors.failure_cases) from None
    if known_sources is not None:
        for column in spec.source_id_columns:
            _check_source_ids(raw, frame, set(known_sources), column)
    return CleanTable(spec, _with_precisions(spec, frame), len(frame), raw.changes)


def _check_dates(raw: RawTable, frame: pd.DataFrame, column: str,
                 precisions: tuple[str, ...]) -> None:
    for position, value in enumerate(frame[column]):
        if pd.isna(value):
            continue
        try:
            parsed = parse_partial_date(value)
        except ValueError as error:
            raise DataError(raw.file, str(error), line=raw.line_of(position),
                            column=column) from None
        if parsed.precision not in precisions:
            raise DataError(
                raw.file, f"'{value}' is a {parsed.precision}; this column needs a full "
                f"{' or '.join(precisions)}", line=raw.line_of(position), column=column)


def _parse_integers(raw: RawTable, values: pd.Series, column: str) -> pd.Series:
    parsed: list[int | None] = []
    for position, value in enumerate(values):
        if pd.isna(value):
            parsed.append(None)
        elif value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS:
            parsed.append(int(value))
        else:
            raise DataError(raw.file, f"'{value}' is not a whole number",
                            line=raw.line_of(position), column=column)
    return pd.Series(pd.array(parsed, dtype="Int64"), index=values.index, name=column)


def _check_unique_key(raw: RawTable, frame: pd.DataFrame) -> None:
    """Duplicate keys, with the line of both rows; empty keys are left to the schema."""
    key = list(raw.spec.key)
    keyed = frame.dropna(subset=key)
    duplicated = keyed.duplicated(subset=key, keep="first")
    if duplicated.any():
        position = int(keyed.index[duplicated.to_numpy()][0])
        values = frame.loc[position, key]
        first = int(keyed.index[(keyed[key] == values).all(axis=1)][0])
        shown = " / ".join(map(str, values.tolist()))
        raise DataError(raw.file, f"duplicate key '{shown}' (first at line {raw.line_of(first)})",
                        line=raw.line_of(position), column=key[0])


def _first_schema_error(raw: RawTable, failures: pd.DataFrame) -> DataError:
    failures = failures.assign(
        _position=pd.to_numeric(failures["index"], errors="coerce")
    ).sort_values("_position", na_position="first", kind="stable")
    distinct = failures.drop_duplicates(subset=["_position", "check"])
    first = distinct.iloc[0]
    column = first["column"] if isinstance(first["column"], str) else None
    line = None if pd.isna(first["_position"]) else raw.line_of(int(first["_position"]))
    check = str(first["check"])
    if first["schema_context"] == "DataFrameSchema" and ": " in check:
        # Row checks name the column they are about at the start of their message.
        column, problem = check.split(": ", 1)
    elif check == "not_nullable":
        problem = "a value is required here"
    elif check.startswith("isin("):
        problem = f"'{first['failure_case']}' is not an allowed value"
        column_schema = raw.spec.schema.columns.get(column)
        if column_schema is not None:
            problem += f" ({column_schema.description.split('One of: ')[-1].rstrip('.')})"
    else:
        problem = f"'{first['failure_case']}' fails the check {check}"
    others = len(distinct) - 1
    hint = f"and {others} more problem(s) in this table" if others else ""
    return DataError(raw.file, problem, line=line, column=column, hint=hint)


def _check_source_ids(raw: RawTable, frame: pd.DataFrame, known: set[str], column: str) -> None:
    for position, value in enumerate(frame[column]):
        for source_id in value.split(SOURCE_SEPARATOR):
            if source_id not in known:
                raise DataError(raw.file, f"unknown source id '{source_id}'",
                                line=raw.line_of(position), column=column,
                                hint="add it to data/raw/sources.csv or fix the id")


def _with_precisions(spec: TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """Add an explicit precision column after each date column, then sort stably."""
    out = frame.copy()
    for column in reversed(list(spec.date_columns)):
        precision = out[column].map(
            lambda v: parse_partial_date(v).precision if isinstance(v, str) else pd.NA
        ).astype("str")
        precision = precision.where(out[column].notna(), pd.NA)
        out.insert(out.columns.get_loc(column) + 1, precision_column(column), precision)
    return out.sort_values(list(spec.sort_by), kind="stable").reset_index(drop=True)


def load_clean_tables(folder: Path = paths.RAW) -> dict[str, CleanTable]:
    """Read and validate every raw table; nothing is written. Raises DataError."""
    sources = validate_raw_table(read_raw_table(TABLES[0], folder), known_sources=None)
    known = set(sources.frame["source_id"])
    tables = {sources.spec.name: sources}
    for spec in TABLES[1:]:
        tables[spec.name] = validate_raw_table(read_raw_table(spec, folder), known)
    return tables


def write_processed(tables: Mapping[str, CleanTable], folder: Path = paths.PROCESSED) -> None:
    """Write every table to a temporary file first, then rename: never a half-written CSV."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in tables.values():
        write_text_atomically(folder / table.spec.file_name, frame_to_csv(table.frame))


def frame_to_csv(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")


def write_text_atomically(path: Path, text: str) -> None:
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Skip identical content (keeps mtimes), else write beside the target and rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def quality_summary(tables: Mapping[str, CleanTable]) -> pd.DataFrame:
    """Rows in and out per table and every change cleaning made, with its reason."""
    return pd.DataFrame(
        [
            {
                "table": name,
                "rows in": table.rows_in,
                "rows out": len(table.frame),
                "changes made": "; ".join(table.changes) or "none",
            }
            for name, table in tables.items()
        ]
    )


def load_table(name: str, folder: Path = paths.PROCESSED) -> pd.DataFrame:
    """A processed table with its declared types (text as str, counts as Int64)."""
    spec = TABLES_BY_NAME[name]
    frame = pd.read_csv(folder / spec.file_name, dtype=str, keep_default_na=False)
    frame = frame.replace({"": pd.NA})
    for column in spec.integer_columns:
        frame[column] = frame[column].astype("Int64")
    return frame
