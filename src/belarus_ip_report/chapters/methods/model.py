"""The methods chapter's model: what cleaning did, what the tables hold, and how well each
value is supported, computed once from the clean tables (the cleaning notebook's own result).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from belarus_ip_report.curated import provenance, tables
from belarus_ip_report.curated.dictionary import data_dictionary
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
    )
