"""Checks that span tables: every fact value has evidence, evidence points at real rows and
sources, row-level `source_ids` agree with the evidence, a fact kept in two tables holds the
same value in both, each discrepancy names a real place, one decision and the value the table
holds (`disagreements`), the two WTO tables name no government with look-alike letters, and
the Russian terms agree with their evidence and with the treaties' Russian names (`terms`).

Each check reports every problem it finds (file, CSV line, column, what to do), not only the
first, because a contributor adding a batch of facts wants the whole list at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from belarus_ip_report.curated import party_checks, terms
from belarus_ip_report.curated.columns import SOURCE_SEPARATOR
from belarus_ip_report.curated.disagreements import (
    discrepancies_are_coherent,
    values_used_are_the_tables,
)
from belarus_ip_report.curated.lookalikes import describe, differing_letters, skeleton
from belarus_ip_report.curated.rawrows import (
    RawRows,
    index_rows,
    key_of,
    source_ids_mismatch,
    value_mismatch,
)
from belarus_ip_report.curated.schemas import FACT_TABLE_NAMES, TABLES_BY_NAME
from belarus_ip_report.foundation.errors import DataError, DataErrors

#: Tables that share a key space: a government found in both holds one membership date.
JOINED_FACTS = (("wto_members", "membership_date", "wto_accessions", "membership_date"),)

EVIDENCE_HINT = ("add a row to data/raw/evidence.csv (table,row_key,column,value,source_id,"
                 "locator,...) naming the source that states it")


def check_cross_tables(raw: Mapping[str, RawRows]) -> None:
    """Raise DataErrors listing every cross-table problem; return quietly when there is none."""
    problems = [
        *_evidence_points_at_facts(raw),
        *_facts_have_evidence(raw),
        *_source_ids_agree_with_evidence(raw),
        *_same_facts_agree(raw),
        *discrepancies_are_coherent(raw),
        *values_used_are_the_tables(raw),
        *_routes_follow_accessions(raw),
        *_joined_keys_do_not_look_alike(raw),
        *party_checks.foreign_keys_exist(raw),
        *party_checks.belarus_rows_agree(raw),
        *terms.terms_problems(raw),
    ]
    if problems:
        raise DataErrors(problems)


def _evidence_points_at_facts(raw: Mapping[str, RawRows]) -> list[DataError]:
    evidence = raw["evidence"]
    indexes = {name: index_rows(raw[name], key_of(name)) for name in FACT_TABLE_NAMES}
    problems = []
    for position, row in enumerate(evidence.frame.itertuples(index=False)):
        line = evidence.line(position)
        table = row.table
        if table not in indexes:
            continue  # the schema has already refused an unknown table name
        target = raw[table]
        if row.row_key not in indexes[table]:
            problems.append(DataError(
                evidence.file, f"no row '{row.row_key}' in {target.file}", line=line,
                column="row_key", hint="fix the key, or remove this evidence row"))
            continue
        if row.column not in target.frame.columns or row.column == "source_ids":
            problems.append(DataError(
                evidence.file, f"'{row.column}' is not a column of facts in {target.file}",
                line=line, column="column",
                hint=f"evidence is required for {', '.join(TABLES_BY_NAME[table].evidence_columns)}"
                     " and allowed for any other column"))
            continue
        if row.column not in TABLES_BY_NAME[table].evidence_columns:
            continue  # descriptive text (a title, the parties): the source's wording is kept
        mismatch = value_mismatch(
            evidence, line, target, indexes[table][row.row_key], row.row_key, row.column,
            row.value, hint="correct whichever is wrong; a changed fact needs its evidence "
                            "checked again")
        if mismatch is not None:
            problems.append(mismatch)
    return problems


def _evidence_by_fact(raw: Mapping[str, RawRows]) -> dict[tuple[str, str, str], set[str]]:
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in raw["evidence"].frame.itertuples(index=False):
        found[(row.table, row.row_key, row.column)].add(row.source_id)
    return found


def _facts_have_evidence(raw: Mapping[str, RawRows]) -> list[DataError]:
    found = _evidence_by_fact(raw)
    problems = []
    for name in FACT_TABLE_NAMES:
        rows, key = raw[name], key_of(name)
        for column in TABLES_BY_NAME[name].evidence_columns:
            for position in range(len(rows.frame)):
                value, row_key = rows.cell(position, column), rows.cell(position, key)
                if value is not None and row_key is not None and \
                        (name, row_key, column) not in found:
                    problems.append(DataError(
                        rows.file, f"'{value}' has no evidence (row '{row_key}')",
                        line=rows.line(position), column=column, hint=EVIDENCE_HINT))
    return problems


def _source_ids_agree_with_evidence(raw: Mapping[str, RawRows]) -> list[DataError]:
    """`source_ids` is a convenience for readers of one row: it must list exactly the sources
    that the row's evidence names."""
    by_row: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (table, row_key, _), sources in _evidence_by_fact(raw).items():
        by_row[(table, row_key)] |= sources
    problems = []
    for name in FACT_TABLE_NAMES:
        rows, key = raw[name], key_of(name)
        for position in range(len(rows.frame)):
            row_key, cited = rows.cell(position, key), rows.cell(position, "source_ids")
            if row_key is None or cited is None:
                continue
            listed = set(cited.split(SOURCE_SEPARATOR))
            evidenced = by_row.get((name, row_key), set())
            mismatch = source_ids_mismatch(rows, position, row_key, listed, evidenced,
                                           "(none yet)")
            if mismatch is not None:
                problems.append(mismatch)
    return problems


def _same_facts_agree(raw: Mapping[str, RawRows]) -> list[DataError]:
    pairs = raw["same_facts"]
    indexes = {name: index_rows(raw[name], key_of(name)) for name in FACT_TABLE_NAMES}
    problems = []
    declared = []
    for position, row in enumerate(pairs.frame.itertuples(index=False)):
        line = pairs.line(position)
        places = []
        for side in ("a", "b"):
            table, key, column = (getattr(row, f"table_{side}"), getattr(row, f"row_key_{side}"),
                                  getattr(row, f"column_{side}"))
            if table not in indexes:
                break
            if key not in indexes[table]:
                problems.append(DataError(pairs.file, f"no row '{key}' in {raw[table].file}",
                                          line=line, column=f"row_key_{side}"))
                break
            if column not in raw[table].frame.columns:
                problems.append(DataError(pairs.file, f"no column '{column}' in "
                                          f"{raw[table].file}", line=line,
                                          column=f"column_{side}"))
                break
            places.append((table, indexes[table][key], column))
        if len(places) == 2:
            declared.append((places[0], places[1], f"{pairs.file}, line {line}"))
    for table_a, column_a, table_b, column_b in JOINED_FACTS:
        for key, position_a in indexes[table_a].items():
            if key in indexes[table_b]:
                declared.append(((table_a, position_a, column_a),
                                 (table_b, indexes[table_b][key], column_b),
                                 "the same key in both tables"))
    for (table_a, position_a, column_a), (table_b, position_b, column_b), why in declared:
        value_a = raw[table_a].cell(position_a, column_a)
        value_b = raw[table_b].cell(position_b, column_b)
        if value_a != value_b:
            rows_a, rows_b = raw[table_a], raw[table_b]
            problems.append(DataError(
                rows_a.file, f"'{value_a or ''}' disagrees with '{value_b or ''}' in "
                f"{rows_b.file}, line {rows_b.line(position_b)}, column '{column_b}' (the same "
                f"fact: {why})", line=rows_a.line(position_a), column=column_a,
                hint="check both against their evidence and make them agree"))
    return problems


def _routes_follow_accessions(raw: Mapping[str, RawRows]) -> list[DataError]:
    """A member joined by accession exactly when wto_accessions lists it as a member; the
    route is derived from that evidenced table, not entered as a fact of its own."""
    members, accessions = raw["wto_members"], raw["wto_accessions"]
    acceded = set(accessions.frame.loc[accessions.frame["status"] == "member", "government"])
    problems = []
    for position, row in enumerate(members.frame.itertuples(index=False)):
        expected = "accession" if row.member in acceded else "original"
        if row.route != expected:
            why = ("it is a member in data/raw/wto_accessions.csv" if expected == "accession"
                   else "data/raw/wto_accessions.csv does not list it as a member")
            problems.append(DataError(
                members.file, f"'{row.route}' but {why}", line=members.line(position),
                column="route", hint=f"write '{expected}', or correct wto_accessions.csv"))
    return problems


def _joined_keys_do_not_look_alike(raw: Mapping[str, RawRows]) -> list[DataError]:
    """Tables that share a key space (`JOINED_FACTS`) join on the exact key: a government
    written with a look-alike letter in one of them would silently join nothing."""
    problems = []
    for table_a, _, table_b, _ in JOINED_FACTS:
        keys_a = index_rows(raw[table_a], key_of(table_a))
        shapes = {skeleton(key): key for key in keys_a}
        rows_b = raw[table_b]
        for key, position in index_rows(rows_b, key_of(table_b)).items():
            twin = shapes.get(skeleton(key))
            if twin is not None and twin != key and twin.casefold() != key.casefold():
                letters = ", ".join(describe(ch) for ch in differing_letters(key, twin))
                problems.append(DataError(
                    rows_b.file, f"'{key}' looks the same as '{twin}' in "
                    f"{raw[table_a].file} (line {raw[table_a].line(keys_a[twin])}) but is "
                    f"written with other characters: {letters}", line=rows_b.line(position),
                    column=key_of(table_b), hint="one government needs one spelling in both "
                                                 "tables: retype it in one script"))
    return problems
