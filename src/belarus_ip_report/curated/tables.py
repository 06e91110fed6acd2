"""Validating and cleaning the curated tables, and loading the clean ones.

Every table is checked against its schema (types, allowed values, keys, dates, plausibility),
then the tables against each other (`crosschecks`); every problem of a run is reported at once.
Cleaning types each date (`dates.PartialDate`, written to CSV with its precision and first
and last possible day) and never drops a row. The checks of single cells are in `cellchecks`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from belarus_ip_report.curated.cellchecks import (
    MAX_DIGITS,  # noqa: F401 - the longest count, as tests and readers find it here
    check_dates,
    check_source_ids,
    check_unique_key,
    parse_integers,
    raise_all,
    schema_errors,
)
from belarus_ip_report.curated.columns import TableSpec
from belarus_ip_report.curated.crosschecks import RawRows, check_cross_tables
from belarus_ip_report.curated.csvfiles import RawTable, frame_to_csv, read_raw_table
from belarus_ip_report.curated.readertext import russian_problems
from belarus_ip_report.curated.schemas import TABLES, TABLES_BY_NAME
from belarus_ip_report.curated.trustedtext import text_problems
from belarus_ip_report.foundation import paths, settings
from belarus_ip_report.foundation.atomic import write_text_atomically
from belarus_ip_report.foundation.dates import as_text, parse_column, text_columns
from belarus_ip_report.foundation.errors import DataError, DataErrors


@dataclass
class CleanTable:
    spec: TableSpec
    frame: pd.DataFrame
    rows_in: int
    changes: list[str]
    #: The same changes in Russian (`csvfiles.read_raw_table` words each in both).
    changes_ru: list[str] = field(default_factory=list)


def validate_raw_table(raw: RawTable, known_sources: Iterable[str] | None) -> CleanTable:
    """Type, check and order one raw table. Every problem found is reported at once: one
    DataError, or DataErrors when there are several."""
    spec, frame = raw.spec, raw.frame.copy()
    problems: list[DataError] = []
    for column, precisions in spec.date_columns.items():
        problems += check_dates(raw, frame, column, precisions)
    for column in spec.integer_columns:
        frame[column], found = parse_integers(raw, frame[column], column)
        problems += found
    problems += check_unique_key(raw, frame)
    problems += russian_problems(raw)  # said with what to do, before the schema's words
    reported = {(error.line, error.column) for error in problems}
    from pandera.errors import SchemaErrors  # here: loading a clean table needs no pandera

    try:
        frame = spec.schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        problems += [error for error in schema_errors(raw, errors.failure_cases)
                     if (error.line, error.column) not in reported]
    if known_sources is not None:
        for column in spec.source_id_columns:
            problems += check_source_ids(raw, frame, set(known_sources), column)
    problems += text_problems(raw)
    raise_all(problems)
    return CleanTable(spec, _with_typed_dates(spec, frame), len(frame), raw.changes,
                      raw.changes_ru)


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
        key = (spec.name, paths.relative(path), path.is_symlink(), path.read_bytes(),
               settings.AS_OF,
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
    return CleanTable(clean.spec, clean.frame.copy(), clean.rows_in, list(clean.changes),
                      list(clean.changes_ru)), rows


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


class UndeclaredTable(LookupError):
    """A notebook run by the build loads a table its chapter does not declare: the build would
    not run it again when that table changes, and could publish a stale chapter."""


def check_declared(name: str) -> None:
    """In a kernel the build started (`paths.CHAPTER_VARIABLE` names its notebook, and
    `paths.CHAPTER_TABLES_VARIABLE` the tables its chapter declares), refuse any other table.
    The cleaning notebook, which reads every raw table, may load any; elsewhere (JupyterLab,
    nbval, the export) nothing is refused."""
    running = os.environ.get(paths.CHAPTER_VARIABLE)
    declared = os.environ.get(paths.CHAPTER_TABLES_VARIABLE, "")
    if not running or declared == paths.EVERY_TABLE:
        return
    reads = [table for table in declared.split(",") if table]
    where = "src/belarus_ip_report/chapters/"
    if not reads:
        raise UndeclaredTable(
            f"notebooks/{running}.ipynb is not declared in {where}__init__.py (CHAPTERS), so it "
            f"may load no table ('{name}'): declare it there with the tables it reads")
    if name not in reads:
        raise UndeclaredTable(
            f"notebooks/{running}.ipynb loads the table '{name}', which its chapter does not "
            f"declare (it declares {', '.join(reads)}): add '{name}' to the TABLES its chapter's "
            f"package declares under {where} (they also make the notebook's header), so that "
            "the build runs it again when that table changes")


def load_table(name: str, folder: Path | None = None) -> pd.DataFrame:
    """A processed table with its declared types: text as str, counts as Int64, dates as
    `dates.PartialDate` (None where empty). The `_precision`, `_earliest` and `_latest`
    columns the CSV file holds for readers without this package are left out: each date
    knows its precision and its first and last day. In a kernel the build runs, only a table
    that the notebook's chapter declares (`check_declared`)."""
    check_declared(name)
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
