"""Checks of `russian_terms`, the official Russian names, against the other tables.

- Its evidence rows name a real term and one of its Russian columns (`ru`, `ru_short`), and
  hold the value the table holds there.
- A term's `source_ids` lists exactly the sources of its evidence rows; a term with none has
  no evidence (its notes say that its Russian is the usual rendering).
- Every treaty of `wipo_treaties` has its term 'treaty:<treaty_id>', and every such term a
  treaty; the treaty's `full_name_ru` and `short_name_ru` are the term's `ru` and `ru_short`:
  a name is stated, with its sources, once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from belarus_ip_report.curated.columns import SOURCE_SEPARATOR
from belarus_ip_report.curated.rawrows import (
    RawRows,
    index_rows,
    source_ids_mismatch,
    value_mismatch,
)
from belarus_ip_report.foundation.errors import DataError

TERMS = "russian_terms"
#: The columns of a term that evidence may back.
RUSSIAN_COLUMNS = ("ru", "ru_short")
TREATY = "treaty:"
#: wipo_treaties' Russian name -> the column of the treaty's term that holds it.
TREATY_NAMES = {"full_name_ru": "ru", "short_name_ru": "ru_short"}


def term_of(treaty_id: str) -> str:
    """The term id of a treaty of `wipo_treaties`: 'treaty:berne'."""
    return f"{TREATY}{treaty_id}"


def terms_problems(raw: Mapping[str, RawRows]) -> list[DataError]:
    """Every problem of `russian_terms` against `evidence` and `wipo_treaties`."""
    if TERMS not in raw:
        return []
    return [*_evidence_points_at_terms(raw), *_source_ids_agree_with_evidence(raw),
            *treaty_names_agree(raw)]


def _evidence_points_at_terms(raw: Mapping[str, RawRows]) -> list[DataError]:
    evidence, terms = raw["evidence"], raw[TERMS]
    index = index_rows(terms, "term_id")
    problems = []
    for position, row in enumerate(evidence.frame.itertuples(index=False)):
        if row.table != TERMS:
            continue
        line = evidence.line(position)
        if row.row_key not in index:
            problems.append(DataError(evidence.file, f"no row '{row.row_key}' in {terms.file}",
                                      line=line, column="row_key",
                                      hint="fix the key, or remove this evidence row"))
            continue
        if row.column not in RUSSIAN_COLUMNS:
            problems.append(DataError(
                evidence.file, f"'{row.column}' is not a Russian column of {terms.file}",
                line=line, column="column",
                hint=f"evidence of a term backs one of {', '.join(RUSSIAN_COLUMNS)}"))
            continue
        mismatch = value_mismatch(
            evidence, line, terms, index[row.row_key], row.row_key, row.column, row.value,
            hint="the value is the name in the nominative, as the table holds it (the quote "
                 "keeps the source's own case); correct whichever is wrong")
        if mismatch is not None:
            problems.append(mismatch)
    return problems


def _source_ids_agree_with_evidence(raw: Mapping[str, RawRows]) -> list[DataError]:
    evidenced: dict[str, set[str]] = defaultdict(set)
    for row in raw["evidence"].frame.itertuples(index=False):
        if row.table == TERMS:
            evidenced[row.row_key].add(row.source_id)
    terms = raw[TERMS]
    problems = []
    for position in range(len(terms.frame)):
        term, cited = terms.cell(position, "term_id"), terms.cell(position, "source_ids")
        if term is None:
            continue
        listed = set(cited.split(SOURCE_SEPARATOR)) if cited else set()
        found = evidenced.get(term, set())
        mismatch = source_ids_mismatch(terms, position, term, listed, found,
                                       "(none: leave it empty)")
        if mismatch is not None:
            problems.append(mismatch)
    return problems


def treaty_names_agree(raw: Mapping[str, RawRows]) -> list[DataError]:
    """The Russian names of `wipo_treaties` are those of the treaties' terms."""
    treaties, terms = raw["wipo_treaties"], raw[TERMS]
    index = index_rows(terms, "term_id")
    problems = []
    named = set()
    for position in range(len(treaties.frame)):
        treaty_id = treaties.cell(position, "treaty_id")
        if treaty_id is None:
            continue
        term = term_of(treaty_id)
        named.add(term)
        if term not in index:
            problems.append(DataError(
                treaties.file, f"the treaty '{treaty_id}' has no row '{term}' in {terms.file}",
                line=treaties.line(position), column="treaty_id",
                hint=f"add the row '{term}' to {terms.file} with the treaty's Russian names and "
                     "the sources that state them"))
            continue
        for column, term_column in TREATY_NAMES.items():
            ours, theirs = treaties.cell(position, column), terms.cell(index[term], term_column)
            if ours != theirs:
                problems.append(DataError(
                    treaties.file, f"'{ours or ''}' disagrees with '{theirs or ''}' in "
                    f"{terms.file}, line {terms.line(index[term])}, column '{term_column}' "
                    f"(the Russian name of {treaty_id})", line=treaties.line(position),
                    column=column, hint=f"write the name {terms.file} holds with its sources, "
                                        "or correct it there (and its evidence) first"))
    for term, position in index.items():
        if term.startswith(TREATY) and term not in named:
            problems.append(DataError(
                terms.file, f"'{term}' names no treaty of {treaties.file}",
                line=terms.line(position), column="term_id",
                hint=f"a treaty's term is '{TREATY}' and its treaty_id in {treaties.file}"))
    return problems
