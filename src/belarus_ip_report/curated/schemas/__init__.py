"""One declared schema per curated table: the single place that says what a valid row is.

pandera is used because every table is handled as a pandas DataFrame anyway; its column
descriptions feed the data dictionary, so the dictionary is never written twice. What pandera
does not do (partial dates, foreign keys to `sources`, CSV line numbers) is done in `tables`.
The fact tables are declared in `facts`, the tables of the record (sources, Russian terms,
evidence, discrepancies, same facts) in `records`.
"""

from __future__ import annotations

from belarus_ip_report.curated.columns import TableSpec
from belarus_ip_report.curated.schemas.facts import (
    BELARUS_IP_INSTRUMENTS,
    BELARUS_RUSSIA_IP,
    BELARUS_WIPO_EVENTS,
    CONTEXT_EVENTS,
    FACT_TABLE_NAMES,
    FACT_TABLES,
    KEY_FIGURES,
    TREATY_PARTIES,
    WIPO_TREATIES,
    WTO_ACCESSION_MILESTONES,
    WTO_ACCESSIONS,
    WTO_MEMBERS,
)
from belarus_ip_report.curated.schemas.records import (
    DISCREPANCIES,
    EVIDENCE,
    EVIDENCED_TABLE_NAMES,
    RUSSIAN_TERMS,
    SAME_FACTS,
    SOURCES,
)

#: Every curated table, in load order (sources first: the others refer to it).
TABLES: tuple[TableSpec, ...] = (
    SOURCES,
    *FACT_TABLES,
    TREATY_PARTIES,
    RUSSIAN_TERMS,
    EVIDENCE,
    DISCREPANCIES,
    SAME_FACTS,
)


TABLES_BY_NAME = {spec.name: spec for spec in TABLES}

__all__ = [
    "BELARUS_IP_INSTRUMENTS", "BELARUS_RUSSIA_IP", "BELARUS_WIPO_EVENTS", "CONTEXT_EVENTS",
    "DISCREPANCIES", "EVIDENCE", "EVIDENCED_TABLE_NAMES", "FACT_TABLES", "FACT_TABLE_NAMES",
    "KEY_FIGURES", "RUSSIAN_TERMS", "SAME_FACTS", "SOURCES", "TABLES", "TABLES_BY_NAME",
    "TREATY_PARTIES", "WIPO_TREATIES", "WTO_ACCESSIONS", "WTO_ACCESSION_MILESTONES", "WTO_MEMBERS",
]
