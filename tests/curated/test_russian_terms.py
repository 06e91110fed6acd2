"""The official Russian names (`russian_terms`): each stated once, with its sources.

The Russian names of every treaty in `wipo_treaties` are those of its term 'treaty:<id>' (the
build refuses a disagreement, naming both places); a term's evidence holds the value the table
holds, and its `source_ids` exactly the sources of that evidence; a term no source states says
that its Russian is the usual rendering. Each test works on a copy of data/raw/ (`raw`).
"""

from __future__ import annotations

import csv

from rawcopies import (
    TREATIES,
    assert_names,
    line_of,
    load_error,
    read_rows,
    set_cell,
    write_rows,
)

from belarus_ip_report.curated import tables
from belarus_ip_report.curated.schemas.records import UNSOURCED_TERM
from belarus_ip_report.curated.terms import TREATY_NAMES, term_of
from belarus_ip_report.foundation import paths

TERMS = "russian_terms.csv"
EVIDENCE = "evidence.csv"


def _rows(name: str) -> list[dict[str, str]]:
    with open(paths.RAW / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_treaty_s_russian_names_are_its_term_s():
    """The real tables: one Russian name per treaty, the same in both places."""
    terms = {row["term_id"]: row for row in _rows(TERMS)}
    treaties = _rows(TREATIES)
    assert treaties
    for treaty in treaties:
        term = terms.get(term_of(treaty["treaty_id"]))
        assert term is not None, treaty["treaty_id"]
        for column, term_column in TREATY_NAMES.items():
            assert treaty[column] == term[term_column], (treaty["treaty_id"], column)
    treaty_terms = {term for term in terms if term.startswith("treaty:")}
    assert treaty_terms == {term_of(row["treaty_id"]) for row in treaties}


def test_every_term_is_sourced_or_says_it_is_the_usual_rendering():
    evidenced: dict[str, set[str]] = {}
    for row in _rows(EVIDENCE):
        if row["table"] == "russian_terms":
            evidenced.setdefault(row["row_key"], set()).add(row["source_id"])
    for term in _rows(TERMS):
        listed = set(filter(None, term["source_ids"].split(";")))
        assert listed == evidenced.get(term["term_id"], set()), term["term_id"]
        if not listed:
            assert UNSOURCED_TERM in term["notes"], term["term_id"]


def test_a_treaty_name_that_disagrees_with_its_term_is_refused(raw):
    line = line_of(raw, TREATIES, "berne")
    set_cell(raw, TREATIES, line, "short_name_ru", "Бернская конв.")
    error = load_error(raw)
    assert_names(error, TREATIES, line, "short_name_ru")
    assert "'Бернская конв.' disagrees with 'Бернская конвенция' in data/raw/russian_terms.csv" \
        in error.message


def test_a_treaty_without_its_term_is_refused(raw):
    rows = read_rows(raw, TERMS)
    write_rows(raw, TERMS, [row for row in rows if row[0] != "treaty:locarno"])
    error = load_error(raw)
    assert_names(error, TREATIES, line_of(raw, TREATIES, "locarno"), "treaty_id")
    assert "has no row 'treaty:locarno'" in error.message


def test_evidence_that_does_not_hold_the_term_s_value_is_refused(raw):
    rows = read_rows(raw, EVIDENCE)
    header = rows[0]
    line = next(n for n, row in enumerate(rows, start=1)
                if row[header.index("row_key")] == "treaty:wct"
                and row[header.index("column")] == "ru_short")
    set_cell(raw, EVIDENCE, line, "value", "ДАП ВОИС")
    error = load_error(raw)
    assert_names(error, EVIDENCE, line, "value")
    assert "holds 'ДАП' for treaty:wct / ru_short" in error.message


def test_source_ids_must_be_those_of_the_term_s_evidence(raw):
    line = line_of(raw, TERMS, "body:wto-general-council")
    set_cell(raw, TERMS, line, "source_ids", "wipo-ru-assemblies")
    error = load_error(raw)
    assert_names(error, TERMS, line, "source_ids")
    assert "no evidence row of 'body:wto-general-council' cites wipo-ru-assemblies" \
        in error.message


def test_an_unsourced_term_must_say_so(raw):
    line = line_of(raw, TERMS, "wto:acceding-government")
    set_cell(raw, TERMS, line, "notes", "")
    error = load_error(raw)
    assert_names(error, TERMS, line, "notes")


def test_the_russian_terms_load_as_a_declared_table(raw):
    loaded = tables.load_clean_tables(raw)
    terms = loaded["russian_terms"].frame
    assert len(terms) == len(_rows(TERMS))
    assert terms["term_id"].is_unique

