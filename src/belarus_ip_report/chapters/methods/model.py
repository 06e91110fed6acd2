"""The methods chapter's model: what cleaning did, what the tables hold, and how well each
value is supported, computed once from the clean tables (the cleaning notebook's own result).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from belarus_ip_report.curated import provenance, tables
from belarus_ip_report.curated.columns import RUSSIAN
from belarus_ip_report.curated.dictionary import data_dictionary, table_description
from belarus_ip_report.curated.tables import CleanTable
from belarus_ip_report.curated.vocabularies import READ_AS, SOURCE_TIERS


@dataclass(frozen=True)
class Methods:
    quality: pd.DataFrame
    holdings: pd.DataFrame
    sources: pd.DataFrame
    tiers: pd.DataFrame
    uncited: list[str]
    cited: int
    support: pd.DataFrame
    shares: dict
    by_tier: pd.DataFrame
    unverified: pd.DataFrame
    single: pd.DataFrame
    same_facts: int
    shared_memberships: int
    dictionary: pd.DataFrame
    discrepancies: pd.DataFrame
    # The Russian edition's words from the data: what cleaning changed per table, what each
    # table holds, the data dictionary, and each listed value where its table holds a Russian.
    changes_ru: list[str]
    holdings_ru: list[str]
    dictionary_ru: pd.DataFrame
    unverified_values_ru: list[str]
    single_values_ru: list[str]


def russian_values(facts: pd.DataFrame, clean: Mapping[str, CleanTable]) -> list[str]:
    """Each fact's value as the Russian edition shows it: the fact table's Russian companion
    (`title_ru` beside `title`) where the table has one, else the value itself (a date, a
    number, an id)."""
    out = []
    for fact in facts.itertuples(index=False):
        table = clean[fact.table]
        russian = f"{fact.column}{RUSSIAN}"
        if russian not in table.spec.columns:
            out.append(fact.value)
            continue
        keys = table.spec.key
        row = table.frame.set_index(list(keys)).loc[fact.row_key]
        out.append(str(row[russian]))
    return out


def build(clean: Mapping[str, CleanTable]) -> Methods:
    sources = clean["sources"].frame
    evidence = clean["evidence"].frame
    support = provenance.fact_support(evidence, sources)
    tiers = pd.crosstab(sources["tier"], sources["read_as"]).reindex(
        index=list(SOURCE_TIERS), columns=list(READ_AS), fill_value=0)
    cited = set(evidence["source_id"]) | set(clean["discrepancies"].frame["source_id"]) | set(
        clean["treaty_parties"].frame["source_id"])
    return Methods(
        quality=tables.quality_summary(clean),
        holdings=pd.DataFrame({"table": name, "rows": len(table.frame),
                               "what it holds": table.spec.description}
                              for name, table in clean.items()),
        sources=sources, tiers=tiers,
        uncited=sorted(set(sources["source_id"]) - cited),
        cited=evidence["source_id"].nunique(),
        support=support, shares=provenance.support_summary(support),
        by_tier=provenance.facts_by_tier(support),
        unverified=provenance.unverified_facts(support),
        single=provenance.single_weak_source_facts(support),
        same_facts=len(clean["same_facts"].frame),
        shared_memberships=len(set(clean["wto_members"].frame["member"])
                               & set(clean["wto_accessions"].frame["government"])),
        dictionary=pd.DataFrame(data_dictionary()),
        discrepancies=clean["discrepancies"].frame,
        changes_ru=["; ".join(table.changes_ru) for table in clean.values()],
        holdings_ru=[table_description(table.spec, "ru") for table in clean.values()],
        dictionary_ru=pd.DataFrame(data_dictionary("ru")),
        unverified_values_ru=russian_values(provenance.unverified_facts(support), clean),
        single_values_ru=russian_values(provenance.single_weak_source_facts(support), clean),
    )
