"""The tables of the record: the sources, the official Russian names of the treaties, bodies
and terms the report uses, the evidence for each value, where sources disagree, and the facts
that stand in two tables."""

from __future__ import annotations

from belarus_ip_report.curated.columns import (
    SOURCE_ID,
    SOURCE_SEPARATOR,
    ColumnSpec,
    Rule,
    address,
    category,
    notes,
    partial_date,
    reader_text,
    row_rule,
    source_id,
    table,
    text,
)
from belarus_ip_report.curated.schemas.facts import FACT_TABLE_NAMES
from belarus_ip_report.curated.vocabularies import (
    EVIDENCE_VERDICTS,
    READ_AS,
    SOURCE_KINDS,
    SOURCE_TIERS,
)


def _copies_are_named() -> Rule:
    return row_rule(
        lambda df: (df["read_as"] == "original") | df["copy_url"].notna(),
        "copy_url: a source read in a web archive or through a third party's copy needs the "
        "address of that copy in copy_url",
    )


def _copies_name_their_original() -> Rule:
    return row_rule(
        lambda df: (df["tier"] != "copy") | df["copy_url"].notna(),
        "copy_url: a source of tier 'copy' needs the address of the copy in copy_url (the "
        "title, publisher and url name the original it copies)",
    )


SOURCES = table(
    "sources",
    "Every source the data cites: the five source documents and the public records used to "
    "check and complete them, each with its tier.",
    key=("source_id",),
    sort_by=("source_id",),
    columns={
        "source_id": text("Readable stable id that fact and evidence rows cite.",
                          pattern=SOURCE_ID.pattern),
        "title": text("Title of the page or document, as it stands there."),
        "publisher": text("Organisation that published the original.", kind="name"),
        "published": partial_date("Publication date, where the source shows one.",
                                  nullable=True),
        "url": address("Address of the original, where known."),
        "copy_url": address("Address of the copy the project read, where the original could "
                            "not be read itself."),
        "copy_date": partial_date("Date of that copy (its snapshot or crawl date).",
                                  nullable=True),
        "read_as": category(READ_AS, "How the project read it, apart from what it is: at the "
                            "original address, in a web archive's copy of the original, or only "
                            "through a third party's copy (a scrape, a mirror, a reprint); "
                            "copy_url names the copy."),
        "accessed": partial_date("Date the project read it.", precisions=("day",)),
        "tier": category(SOURCE_TIERS, "How far the source can be trusted, best first: "
                         "primary (the depositary's or organisation's own record), official "
                         "(a government or agency page), press, reference (encyclopaedias, "
                         "databases), copy (a mirror or scrape of another page)."),
        "kind": category(SOURCE_KINDS, "What sort of document it is."),
        "notes": notes(),
    },
    checks=[_copies_name_their_original(), _copies_are_named()],
)


#: A term's id: its kind and a short id ('treaty:berne', 'body:wipo', 'wto:accession'); a
#: treaty's is 'treaty:' and its id in `wipo_treaties`.
TERM_ID = r"^(treaty|body|wto|wipo|field|group):[a-z0-9]+(-[a-z0-9]+)*$"

#: What `notes` says of a term no source in reach states: its Russian is the usual rendering.
UNSOURCED_TERM = "usual rendering; no record found in the stored corpus"


def _has_cyrillic(values):
    from belarus_ip_report.curated.readertext import has_cyrillic

    return values.map(has_cyrillic)


def _unsourced_terms_say_so() -> Rule:
    return row_rule(
        lambda df: df["source_ids"].notna() | df["notes"].fillna("").str.contains(
            UNSOURCED_TERM, regex=False),
        f"notes: a term with no source_ids must say '{UNSOURCED_TERM}' (its Russian is then "
        "to be checked against a record before it is relied on)",
    )


RUSSIAN_TERMS = table(
    "russian_terms",
    "The official Russian names of the treaties, bodies and terms the report uses, each with "
    "the sources that state it; a name no source in reach states is marked as the usual "
    "rendering. The Russian names of `wipo_treaties` agree with the rows 'treaty:<treaty_id>'.",
    key=("term_id",),
    sort_by=("term_id",),
    columns={
        "term_id": text("Stable id of the term: its kind (treaty, body, wto, wipo, field, group) "
                        "and a short id; 'treaty:<treaty_id>' for a treaty of `wipo_treaties`.",
                        pattern=TERM_ID),
        "en": text("The term in English, as the report writes it."),
        "ru": ColumnSpec("str", (*text("").rules, Rule("custom", _has_cyrillic,
                                                        "a Russian name has Cyrillic letters")),
                         "The official Russian name or term, in the nominative (the full name "
                         "of a treaty or body).", metadata={"text": "name"}),
        "ru_short": text("Its short form or abbreviation in Russian, where it has one.",
                         nullable=True, kind="name"),
        "source_ids": ColumnSpec(
            "str",
            (Rule("custom", lambda s: s.str.split(SOURCE_SEPARATOR).map(
                lambda ids: all(SOURCE_ID.match(i) for i in ids)),
                "source ids are lowercase-hyphenated, separated by ';'"),),
            "The sources that state the Russian: ids from the `sources` table, separated by "
            "';', exactly those of the term's rows in `evidence`; empty where no record was "
            "found.", nullable=True, metadata={"foreign_key": "sources.source_id"}),
        "notes": notes(),
    },
    checks=[_unsourced_terms_say_so()],
)


def _fact_table() -> ColumnSpec:
    return category(FACT_TABLE_NAMES, "The fact table the row is about.")


#: The tables whose values `evidence` may back: the fact tables and the Russian terms.
EVIDENCED_TABLE_NAMES = (*FACT_TABLE_NAMES, RUSSIAN_TERMS.name)


EVIDENCE = table(
    "evidence",
    "One row per value and source: which table, row and column, which source states the "
    "value, and where in the source it stands.",
    key=("table", "row_key", "column", "source_id"),
    sort_by=("table", "row_key", "column", "source_id"),
    columns={
        "table": category(EVIDENCED_TABLE_NAMES, "The table the row is about: a fact table, "
                          "or russian_terms."),
        "row_key": text("Key of the row in that table.", kind="key"),
        "column": text("Column of the value."),
        "value": text("The value as the table holds it; the build checks that they agree."),
        "source_id": source_id("The source that states the value (an id from `sources`)."),
        "locator": text("Where in the source the value stands: section, table row, paragraph."),
        "quote": text("A short quote, in the source's language, where it helps.",
                      nullable=True),
        "verdict": category(EVIDENCE_VERDICTS,
                            "confirmed: the source states the value; partial: it states part "
                            "of it (the year of a day, say); unverified: the source claims it "
                            "but no better source in reach confirms it."),
        "note": notes(),
    },
    checks=[row_rule(
        lambda df: (df["verdict"] == "confirmed") | df["note"].notna(),
        "note: a 'partial' or 'unverified' verdict needs a note saying why",
    )],
)


DISCREPANCIES = table(
    "discrepancies",
    "Where sources disagree: one row per claim, naming the table, row and column concerned, "
    "with the value the report uses and why.",
    key=("discrepancy_id", "source_id", "claim"),
    sort_by=("discrepancy_id", "source_id", "claim"),
    columns={
        "discrepancy_id": text("Short stable id, shared by the claims of one disagreement.",
                               pattern=SOURCE_ID.pattern),
        "topic": reader_text("What the sources disagree about."),
        "table": _fact_table(),
        "row_key": text("Key of the row concerned.", kind="key"),
        "column": text("Column concerned."),
        "claim": text("What this source says."),
        "source_id": source_id("The source making the claim (an id from `sources`)."),
        "locator": text("Where in the source the claim stands.", nullable=True),
        "value_used": text("The value the report uses (the same on every claim of the "
                           "disagreement)."),
        "reason": reader_text("Why that value (the same on every claim of the disagreement), for "
                       "readers."),
        "maintainer_note": text("For maintainers only (what to check next): never shown in the "
                                "report.", nullable=True),
    },
)


SAME_FACTS = table(
    "same_facts",
    "Facts that stand in two tables: the build checks that both places hold the same value.",
    key=("table_a", "row_key_a", "column_a", "table_b", "row_key_b", "column_b"),
    sort_by=("table_a", "row_key_a", "column_a"),
    columns={
        "table_a": _fact_table(),
        "row_key_a": text("Key of the row in the first table.", kind="key"),
        "column_a": text("Column in the first table."),
        "table_b": _fact_table(),
        "row_key_b": text("Key of the row in the second table.", kind="key"),
        "column_b": text("Column in the second table."),
        "note": notes(),
    },
)
