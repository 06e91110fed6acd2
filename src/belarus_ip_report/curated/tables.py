"""Validating and cleaning the curated tables, and loading the clean ones.

Every table is checked against its schema (types, allowed values, keys, dates, plausibility),
then the tables against each other (`crosschecks`); every problem of a run is reported at once.
Cleaning types each date (`dates.PartialDate`, written to CSV with its precision and first
and last possible day) and never drops a row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from belarus_ip_report.curated.columns import SOURCE_ID, SOURCE_SEPARATOR, TableSpec
from belarus_ip_report.curated.crosschecks import RawRows, check_cross_tables
from belarus_ip_report.curated.csvfiles import RawTable, frame_to_csv, read_raw_table
from belarus_ip_report.curated.schemas import TABLES, TABLES_BY_NAME
from belarus_ip_report.foundation import paths, settings
from belarus_ip_report.foundation.atomic import write_text_atomically
from belarus_ip_report.foundation.dates import (
    as_text,
    parse_column,
    parse_partial_date,
    text_columns,
)
from belarus_ip_report.foundation.errors import DataError, DataErrors

#: Longest whole number a count column takes (Int64 holds 18 digits safely).
MAX_DIGITS = 18


@dataclass
class CleanTable:
    spec: TableSpec
    frame: pd.DataFrame
    rows_in: int
    changes: list[str]


def validate_raw_table(raw: RawTable, known_sources: Iterable[str] | None) -> CleanTable:
    """Type, check and order one raw table. Every problem found is reported at once: one
    DataError, or DataErrors when there are several."""
    spec, frame = raw.spec, raw.frame.copy()
    problems: list[DataError] = []
    for column, precisions in spec.date_columns.items():
        problems += _check_dates(raw, frame, column, precisions)
    for column in spec.integer_columns:
        frame[column], found = _parse_integers(raw, frame[column], column)
        problems += found
    problems += _check_unique_key(raw, frame)
    reported = {(error.line, error.column) for error in problems}
    from pandera.errors import SchemaErrors  # here: loading a clean table needs no pandera

    try:
        frame = spec.schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        problems += [error for error in _schema_errors(raw, errors.failure_cases)
                     if (error.line, error.column) not in reported]
    if known_sources is not None:
        for column in spec.source_id_columns:
            problems += _check_source_ids(raw, frame, set(known_sources), column)
    raise_all(problems)
    return CleanTable(spec, _with_typed_dates(spec, frame), len(frame), raw.changes)


def raise_all(problems: list[DataError]) -> None:
    """Nothing to report, one problem, or all of them in file and CSV-line order, the same
    problem on many lines of one column said once with the lines it stands on."""
    problems = _group_repeats(sorted(problems, key=lambda e: (e.file, e.line or 0)))
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise DataErrors(problems)


def _group_repeats(problems: list[DataError], shown: int = 5) -> list[DataError]:
    groups: dict[tuple, list[DataError]] = {}
    for problem in problems:
        groups.setdefault((problem.file, problem.column, problem.problem, problem.hint),
                          []).append(problem)
    grouped = []
    for (file, column, problem, hint), members in groups.items():
        first = members[0]
        if len(members) > 1:
            lines = [str(m.line) for m in members[1:] if m.line is not None]
            more = f" and {len(lines) - shown} more" if len(lines) > shown else ""
            problem = f"{problem} (also on line(s) {', '.join(lines[:shown])}{more})"
        grouped.append(DataError(file, problem, line=first.line, column=column, hint=hint))
    return sorted(grouped, key=lambda e: (e.file, e.line or 0))


def _check_dates(raw: RawTable, frame: pd.DataFrame, column: str,
                 precisions: tuple[str, ...]) -> list[DataError]:
    problems = []
    for position, value in enumerate(frame[column]):
        if pd.isna(value):
            continue
        try:
            parsed = parse_partial_date(value)
        except ValueError as error:
            problems.append(DataError(raw.file, str(error), line=raw.line_of(position),
                                      column=column))
            frame.iloc[position, frame.columns.get_loc(column)] = pd.NA
            continue
        if parsed.precision not in precisions:
            problems.append(DataError(
                raw.file, f"'{value}' is a {parsed.precision}; this column needs a full "
                f"{' or '.join(precisions)}", line=raw.line_of(position), column=column))
        earliest = raw.spec.earliest_years.get(column)
        if earliest and parsed.first.year < earliest:
            problems.append(DataError(
                raw.file, f"'{value}' is before {earliest}, the earliest year this table "
                "covers", line=raw.line_of(position), column=column,
                hint="check the year for a typing error"))
        if parsed.first > settings.AS_OF:
            problems.append(DataError(
                raw.file, f"'{value}' is after the report's as-of date "
                f"({settings.AS_OF.isoformat()}): the data records what has happened",
                line=raw.line_of(position), column=column,
                hint="check the year; to bring the data up to a later date, change AS_OF in "
                     "src/belarus_ip_report/foundation/settings.py"))
    return problems


def _parse_integers(raw: RawTable, values: pd.Series,
                    column: str) -> tuple[pd.Series, list[DataError]]:
    parsed: list[int | None] = []
    problems = []
    for position, value in enumerate(values):
        if pd.isna(value):
            parsed.append(None)
        elif value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS:
            parsed.append(int(value))
        else:
            negative = value.startswith("-") and value[1:].isascii() and value[1:].isdigit()
            problem = (f"'{value}' is negative; a count is zero or more" if negative
                       else f"'{value}' is not a whole number")
            problems.append(DataError(raw.file, problem, line=raw.line_of(position),
                                      column=column, hint="write digits only, such as 12"))
            parsed.append(None)
    series = pd.Series(pd.array(parsed, dtype="Int64"), index=values.index, name=column)
    return series, problems


def _check_unique_key(raw: RawTable, frame: pd.DataFrame) -> list[DataError]:
    """Duplicate keys, with the line of both rows; empty keys are left to the schema."""
    key = list(raw.spec.key)
    keyed = frame.dropna(subset=key)
    problems = []
    first_line: dict[tuple, int] = {}
    first_text: dict[tuple, str] = {}
    for position, values in zip(keyed.index, keyed[key].itertuples(index=False), strict=True):
        shown = " / ".join(map(str, values))
        # 'ALBANIA' and 'Albania', or 'Viet  Nam' and 'Viet Nam', name the same row.
        folded = tuple(" ".join(str(v).split()).casefold() for v in values)
        if folded in first_line:
            same = "" if first_text[folded] == shown else \
                f", the same as '{first_text[folded]}' ignoring case and spacing"
            problems.append(DataError(
                raw.file, f"duplicate key '{shown}' (first at line {first_line[folded]}{same})",
                line=raw.line_of(int(position)), column=key[0]))
        else:
            first_line[folded] = raw.line_of(int(position))
            first_text[folded] = shown
    return problems


#: What a pattern check asks for, in words.
PATTERN_WORDS = {
    r"^https?://\S+$": "an address starting with http:// or https://, without spaces",
    SOURCE_ID.pattern: "lowercase letters and digits joined by single hyphens, such as "
                       "'wto-news-belarus-2019'",
}


def _schema_errors(raw: RawTable, failures: pd.DataFrame) -> list[DataError]:
    failures = failures.assign(
        _position=pd.to_numeric(failures["index"], errors="coerce")
    ).sort_values("_position", na_position="first", kind="stable")
    # Duplicate keys are reported by _check_unique_key, with both lines.
    failures = failures[failures["check"] != "multiple_fields_uniqueness"].copy()
    # A row check fails once per row, whatever number of columns pandera lists for it.
    row_check = failures["schema_context"] == "DataFrameSchema"
    failures.loc[row_check, "column"] = None
    distinct = failures.drop_duplicates(subset=["_position", "column", "check"])
    return [_schema_error(raw, failure) for _, failure in distinct.iterrows()]


def _schema_error(raw: RawTable, failure: pd.Series) -> DataError:
    column = failure["column"] if isinstance(failure["column"], str) else None
    line = None if pd.isna(failure["_position"]) else raw.line_of(int(failure["_position"]))
    check = str(failure["check"])
    hint = ""
    if failure["schema_context"] == "DataFrameSchema" and ": " in check:
        # Row checks name the column they are about at the start of their message.
        column, problem = check.split(": ", 1)
    elif check == "not_nullable":
        problem = "a value is required here"
    elif check.startswith("isin("):
        problem = f"'{failure['failure_case']}' is not an allowed value"
        column_schema = raw.spec.columns.get(column)
        if column_schema is not None:
            hint = f"allowed: {column_schema.description.split('One of: ')[-1].rstrip('.')}"
    elif check.startswith("str_matches("):
        pattern = check[len("str_matches("):-1].strip("'")
        wanted = PATTERN_WORDS.get(pattern, "the form the column's definition gives")
        problem = f"'{failure['failure_case']}' is not in the expected form"
        hint = f"write {wanted}"
    elif check.startswith("less_than_or_equal_to("):
        problem = f"'{failure['failure_case']}' is above the largest allowed value " \
                  f"{check[len('less_than_or_equal_to('):-1]}"
        hint = "check for a typing error"
    elif check.startswith("greater_than_or_equal_to("):
        problem = f"'{failure['failure_case']}' is below the smallest allowed value " \
                  f"{check[len('greater_than_or_equal_to('):-1]}"
    else:
        problem = f"'{failure['failure_case']}' breaks the rule {check}"
    return DataError(raw.file, problem, line=line, column=column, hint=hint)


def _check_source_ids(raw: RawTable, frame: pd.DataFrame, known: set[str],
                      column: str) -> list[DataError]:
    problems = []
    for position, value in enumerate(frame[column]):
        if not isinstance(value, str):
            continue
        for source_id in value.split(SOURCE_SEPARATOR):
            if source_id not in known:
                problems.append(DataError(raw.file, f"unknown source id '{source_id}'",
                                          line=raw.line_of(position), column=column,
                                          hint="add it to data/raw/sources.csv or fix the id"))
    return problems


def _with_typed_dates(spec: TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """Sorted by the table's order, then each date column typed (`dates.PartialDate`)."""
    out = frame.sort_values(list(spec.sort_by), kind="stable").reset_index(drop=True)
    for column in spec.date_columns:
        out[column] = parse_column(out[column])
    return out


#: Tables already read and validated in this process, keyed on all they depend on: re-running
#: the cleaning after one edit (a cell in JupyterLab, each test) redoes only the changed tables.
_validated: dict[tuple, tuple[CleanTable, RawRows]] = {}


def load_clean_tables(folder: Path = paths.RAW) -> dict[str, CleanTable]:
    """Read and validate every raw table, then the checks across tables (evidence, facts kept
    in two places, discrepancies); nothing is written. Every table is checked even when an
    earlier one failed, and all problems are raised together (DataError or DataErrors)."""
    problems: list[DataError] = []
    tables: dict[str, CleanTable] = {}
    raw_rows: dict[str, RawRows] = {}
    known: set[str] | None = None  # the sources table is checked first, without this list
    for spec in TABLES:
        try:
            tables[spec.name], raw_rows[spec.name] = _validated_table(spec, folder, known)
            if spec.name == "sources":
                known = set(raw_rows[spec.name].frame["source_id"].dropna())
        except DataErrors as errors:
            problems += errors.errors
        except DataError as error:
            problems.append(error)
    if not problems:
        try:
            check_cross_tables(raw_rows)
        except DataErrors as errors:
            problems += errors.errors
    raise_all(problems)
    return tables


def raw_table_problems(folder: Path | None = None) -> str | None:
    """Every problem of the raw tables as one message for people (a line per problem, naming
    file, line and column), or None when they pass. The build asks the cleaning notebook's
    kernel this before its first cell runs, so bad data stops the build with these lines and
    no cell runs; the cleaning's own validation then finds the tables already checked."""
    try:
        load_clean_tables(folder or paths.RAW)
    except DataError as error:  # DataErrors too: one line per problem
        return error.message
    return None


def _validated_table(spec: TableSpec, folder: Path, known: set[str] | None
                     ) -> tuple[CleanTable, RawRows]:
    path = folder / spec.file_name
    key = None
    if path.is_file():
        key = (spec.name, paths.relative(path), path.read_bytes(), settings.AS_OF,
               None if known is None or not spec.source_id_columns else frozenset(known))
    if key not in _validated:
        raw = read_raw_table(spec, folder)
        clean = validate_raw_table(raw, known)
        if key is None:
            return clean, RawRows(raw.file, raw.frame, raw.lines)
        if len(_validated) > 20 * len(TABLES):
            _validated.clear()
        _validated[key] = (clean, RawRows(raw.file, raw.frame, raw.lines))
    clean, rows = _validated[key]
    # A copy of the clean table: a caller may change what it gets without changing what is
    # kept here (the raw rows stay inside the cross-table checks, which only read them).
    return CleanTable(clean.spec, clean.frame.copy(), clean.rows_in, list(clean.changes)), rows


def write_processed(tables: Mapping[str, CleanTable], folder: Path | None = None) -> None:
    """Write every table to a temporary file first, then rename: never a half-written CSV."""
    folder = folder or paths.PROCESSED
    folder.mkdir(parents=True, exist_ok=True)
    for table in tables.values():
        text = as_text(table.frame, table.spec.date_columns)
        write_text_atomically(folder / table.spec.file_name, frame_to_csv(text))


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


def load_table(name: str, folder: Path | None = None) -> pd.DataFrame:
    """A processed table with its declared types: text as str, counts as Int64, dates as
    `dates.PartialDate` (None where empty). The `_precision`, `_earliest` and `_latest`
    columns the CSV file holds for readers without this package are left out: each date
    knows its precision and its first and last day."""
    folder = folder or paths.PROCESSED
    spec = TABLES_BY_NAME[name]
    frame = pd.read_csv(folder / spec.file_name, dtype=str, keep_default_na=False)
    frame = frame.replace({"": pd.NA})
    for column in spec.integer_columns:
        frame[column] = frame[column].astype("Int64")
    for column in spec.date_columns:
        frame[column] = parse_column(frame[column])
        frame = frame.drop(columns=text_columns(column))
    return frame


def typed(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """A frame of table `name` written by hand with dates as text (in a test, or a notebook
    trying out a row), with its date columns typed as `load_table` types them."""
    out = frame.copy()
    for column in TABLES_BY_NAME[name].date_columns:
        if column in out.columns:
            out[column] = parse_column(out[column])
    return out
