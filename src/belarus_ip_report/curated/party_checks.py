"""Checks of the imported treaty membership against the curated tables: every row names a
declared treaty, and Belarus's own rows hold exactly what `wipo_treaties` states, with its
per-value evidence, about Belarus.

So Belarus's status is kept in two places on purpose: `wipo_treaties` carries the evidence for
each of Belarus's dates (a source per value), `treaty_parties` is the depositary's whole table
imported by a script; this check makes sure they can never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping

from belarus_ip_report.curated.rawrows import RawRows
from belarus_ip_report.curated.schemas import TABLES_BY_NAME
from belarus_ip_report.foundation.errors import DataError

BELARUS = "Belarus"
#: wipo_treaties' column about Belarus -> the treaty_parties column holding the same fact.
BELARUS_COLUMNS = {"belarus_deposited": "deposited", "belarus_in_force": "in_force"}


def foreign_keys_exist(raw: Mapping[str, RawRows]) -> list[DataError]:
    """Every value of a column declared as a key of another table (other than `sources`, which
    `tables` checks) names a row that exists there."""
    problems = []
    for name, rows in raw.items():
        for column, spec in TABLES_BY_NAME[name].columns.items():
            target = (spec.metadata or {}).get("foreign_key", "")
            if not target or target.startswith("sources."):
                continue
            table, key = target.split(".")
            known = set(raw[table].frame[key]) if table in raw else set()
            for position in range(len(rows.frame)):
                value = rows.cell(position, column)
                if value is not None and value not in known:
                    problems.append(DataError(
                        rows.file, f"'{value}' is not a {key} in {table}.csv",
                        line=rows.line(position), column=column,
                        hint=f"use one of the ids in data/raw/{table}.csv, or add the row there"))
    return problems


def belarus_rows_agree(raw: Mapping[str, RawRows]) -> list[DataError]:
    """Belarus's rows in `treaty_parties` hold the dates and the status `wipo_treaties` gives."""
    if "treaty_parties" not in raw:
        return []
    treaties, parties = raw["wipo_treaties"], raw["treaty_parties"]
    own = {parties.cell(i, "treaty_id"): i for i in range(len(parties.frame))
           if parties.cell(i, "party") == BELARUS}
    problems = []
    for position in range(len(treaties.frame)):
        treaty_id = treaties.cell(position, "treaty_id")
        stated = treaties.cell(position, "belarus_status")
        row = own.get(treaty_id)
        held_in_force = None if row is None else parties.cell(row, "in_force")
        where = (f"{parties.file} line {parties.line(row)}" if row is not None
                 else f"no Belarus row in {parties.file}")
        if stated == "party" and held_in_force is None:
            problems.append(_mismatch(treaties, position, "belarus_status", stated, where,
                                      "no entry into force for Belarus"))
            continue
        if stated in ("not_party", "unverified") and held_in_force is not None:
            problems.append(_mismatch(treaties, position, "belarus_status", stated, where,
                                      f"in force for Belarus since {held_in_force}"))
            continue
        if row is None:
            continue
        for column, party_column in BELARUS_COLUMNS.items():
            ours, theirs = treaties.cell(position, column), parties.cell(row, party_column)
            if ours != theirs:
                problems.append(_mismatch(treaties, position, column, ours, where,
                                          f"{party_column} = {theirs or 'empty'}"))
    return problems


def _mismatch(treaties: RawRows, position: int, column: str, ours: str | None, where: str,
              theirs: str) -> DataError:
    return DataError(
        treaties.file, f"says {ours or 'empty'} for {treaties.cell(position, 'treaty_id')}, but "
        f"the imported WIPO Lex record ({where}) has {theirs}",
        line=treaties.line(position), column=column,
        hint="check the depositary's record: correct this value and its evidence, or record the "
             "disagreement in discrepancies.csv and correct the import")
