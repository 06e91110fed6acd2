"""Checks of one raw table's cells, each problem a `DataError` naming file, CSV line and
column: partial dates, whole numbers, duplicate keys, source ids, and pandera's failures said
in words. `tables.validate_raw_table` runs them and reports every problem at once
(`raise_all`).
"""

from __future__ import annotations

import pandas as pd

from belarus_ip_report.curated.columns import SOURCE_ID, SOURCE_SEPARATOR, WEB_ADDRESS, Rule
from belarus_ip_report.curated.csvfiles import RawTable
from belarus_ip_report.foundation import settings
from belarus_ip_report.foundation.dates import parse_partial_date
from belarus_ip_report.foundation.errors import DataError, DataErrors

#: Longest whole number a count column takes (Int64 holds 18 digits safely).
MAX_DIGITS = 18


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


def check_dates(raw: RawTable, frame: pd.DataFrame, column: str,
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


def parse_integers(raw: RawTable, values: pd.Series,
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


def check_unique_key(raw: RawTable, frame: pd.DataFrame) -> list[DataError]:
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
    WEB_ADDRESS: "an address starting with http:// or https://, without spaces",
    SOURCE_ID.pattern: "lowercase letters and digits joined by single hyphens, such as "
                       "'wto-news-belarus-2019'",
}


def schema_errors(raw: RawTable, failures: pd.DataFrame) -> list[DataError]:
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


def _declared_rule(raw: RawTable, column: str | None, check: str) -> Rule | None:
    """The declared rule a pandera failure comes from, found by the check pandera ran."""
    spec = raw.spec.columns.get(column) if column else None
    for rule in spec.rules if spec is not None else ():
        if rule.kind != "custom" and rule.to_pandera().error == check:
            return rule
    return None


def _schema_error(raw: RawTable, failure: pd.Series) -> DataError:
    column = failure["column"] if isinstance(failure["column"], str) else None
    line = None if pd.isna(failure["_position"]) else raw.line_of(int(failure["_position"]))
    check = str(failure["check"])
    value = failure["failure_case"]
    rule = _declared_rule(raw, column, check)
    kind = rule.kind if rule is not None else check
    hint = ""
    if failure["schema_context"] == "DataFrameSchema" and ": " in check:
        # A row rule names the column it is about at the start of its error (row_rule).
        column, problem = check.split(": ", 1)
    elif kind == "not_nullable":
        problem = "a value is required here"
    elif kind == "isin":
        problem = f"'{value}' is not an allowed value"
        hint = f"allowed: {', '.join(rule.value)}"
    elif kind == "str_matches":
        wanted = PATTERN_WORDS.get(rule.value, "the form the column's definition gives")
        problem = f"'{value}' is not in the expected form"
        hint = f"write {wanted}"
    elif kind == "le":
        problem = f"'{value}' is above the largest allowed value {rule.value}"
        hint = "check for a typing error"
    elif kind == "ge":
        problem = f"'{value}' is below the smallest allowed value {rule.value}"
    else:
        problem = f"'{value}' breaks the rule {check}"
    return DataError(raw.file, problem, line=line, column=column, hint=hint)


def check_source_ids(raw: RawTable, frame: pd.DataFrame, known: set[str],
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
