"""Checks of `discrepancies.csv`, where sources disagree: each disagreement names a real place
(table, row, column), has two or more claims that share one decision, and its `value_used` is
what the table it names holds, so that the record and the data cannot drift apart.

`value_used` of a fact (a column that takes evidence: a date, a count, a status) is the
table's value itself, character for character. A disagreement about part of a descriptive text
(a title, a note) quotes the words the table uses: its `value_used` stands in that text as it
is written there. An explanation of the decision belongs in `reason`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from belarus_ip_report.curated.rawrows import RawRows, index_rows, key_of
from belarus_ip_report.curated.schemas import FACT_TABLE_NAMES, TABLES_BY_NAME
from belarus_ip_report.foundation.errors import DataError

VALUE_USED_HINT = ("write in value_used the value the table holds (what led to it belongs in "
                   "reason), or correct the table")
QUOTED_HINT = ("quote in value_used the words the table uses for it (what led to them belongs "
               "in reason), or correct the table")


def _text(value: object) -> str | None:
    """A cell as text, None where it is empty (pandas' NA compares as neither equal nor not)."""
    return value if isinstance(value, str) else None


def discrepancies_are_coherent(raw: Mapping[str, RawRows]) -> list[DataError]:
    claims = raw["discrepancies"]
    indexes = {name: index_rows(raw[name], key_of(name)) for name in FACT_TABLE_NAMES}
    problems = []
    first_of: dict[str, int] = {}
    counts: dict[str, int] = defaultdict(int)
    for position, row in enumerate(claims.frame.itertuples(index=False)):
        line = claims.line(position)
        counts[row.discrepancy_id] += 1
        if row.table in indexes:
            if row.row_key not in indexes[row.table]:
                problems.append(DataError(claims.file, f"no row '{row.row_key}' in "
                                          f"{raw[row.table].file}", line=line, column="row_key"))
            elif row.column not in raw[row.table].frame.columns:
                problems.append(DataError(claims.file, f"no column '{row.column}' in "
                                          f"{raw[row.table].file}", line=line, column="column"))
        if row.discrepancy_id in first_of:
            first = claims.frame.iloc[first_of[row.discrepancy_id]]
            for column in ("topic", "topic_ru", "table", "row_key", "column", "value_used",
                           "reason", "reason_ru"):
                if _text(getattr(row, column)) != _text(first[column]):
                    problems.append(DataError(
                        claims.file, f"differs from the first claim of '{row.discrepancy_id}' "
                        f"(line {claims.line(first_of[row.discrepancy_id])})", line=line,
                        column=column, hint="the claims of one disagreement share this value"))
        else:
            first_of[row.discrepancy_id] = position
    for discrepancy, count in counts.items():
        if count < 2:
            problems.append(DataError(
                claims.file, f"'{discrepancy}' has one claim; a disagreement needs two or more",
                line=claims.line(first_of[discrepancy]), column="discrepancy_id",
                hint="add the claim of the other source"))
    return problems


def values_used_are_the_tables(raw: Mapping[str, RawRows]) -> list[DataError]:
    """Each claim's `value_used` is the value of the place it names (see the module's
    docstring); a row naming no real place is reported by `discrepancies_are_coherent`."""
    claims = raw["discrepancies"]
    indexes = {name: index_rows(raw[name], key_of(name)) for name in FACT_TABLE_NAMES}
    problems = []
    for position, row in enumerate(claims.frame.itertuples(index=False)):
        table = raw.get(row.table)
        if (table is None or row.table not in indexes or row.row_key not in indexes[row.table]
                or row.column not in table.frame.columns or not isinstance(row.value_used, str)):
            continue
        at = indexes[row.table][row.row_key]
        held = table.cell(at, row.column)
        where = f"{table.file} (line {table.line(at)}) for {row.row_key} / {row.column}"
        if row.column in TABLES_BY_NAME[row.table].evidence_columns:
            if held != row.value_used:
                shown = "an empty value" if held is None else f"'{held}'"
                problems.append(DataError(
                    claims.file, f"value_used '{row.value_used}' of '{row.discrepancy_id}' is "
                    f"not the value {where}: it holds {shown}", line=claims.line(position),
                    column="value_used", hint=VALUE_USED_HINT))
        elif held is None or row.value_used not in held:
            shown = "an empty value" if held is None else \
                f"'{held if len(held) <= 80 else held[:79] + '…'}'"
            problems.append(DataError(
                claims.file, f"value_used '{row.value_used}' of '{row.discrepancy_id}' does not "
                f"stand in the text {where}: it reads {shown}", line=claims.line(position),
                column="value_used", hint=QUOTED_HINT))
    return problems
