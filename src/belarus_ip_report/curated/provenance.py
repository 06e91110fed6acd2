"""How well each fact is supported: numbers only, from the clean `evidence` and `sources`.

A fact is one value of one evidence column in one row of a fact table. Its support is the
best tier among the sources whose evidence confirms it (fully or in part); a fact whose
evidence is all `unverified` has no support and is reported as unverified.
"""

from __future__ import annotations

import pandas as pd

from belarus_ip_report.curated.schemas.facts import FACT_TABLE_NAMES
from belarus_ip_report.curated.vocabularies import READ_AS, SOURCE_TIERS

#: Tiers whose support alone does not make a fact well founded.
WEAK_TIERS = ("reference", "copy")
SUPPORTING_VERDICTS = ("confirmed", "partial")


def tier_rank(tier: str) -> int:
    """0 for primary, rising towards copy."""
    return SOURCE_TIERS.index(tier)


def fact_support(evidence: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per fact: how many sources support it, its best tier, whether it is verified."""
    keys = ["table", "row_key", "column"]
    evidence = evidence[evidence["table"].isin(FACT_TABLE_NAMES)]  # not the Russian terms
    joined = evidence.merge(sources[["source_id", "tier", "read_as"]], on="source_id",
                            how="left")
    supports = joined["verdict"].isin(SUPPORTING_VERDICTS)
    joined["supporting_rank"] = joined["tier"].map(tier_rank).where(supports)
    # How the best supporting source was read: the best reading among the sources of the best
    # tier (an original read beats a web archive, which beats a third party's copy).
    joined["read_rank"] = (joined["supporting_rank"] * len(READ_AS)
                           + joined["read_as"].map(READ_AS.index)).where(supports)
    joined["supporting_source"] = joined["source_id"].where(supports)
    facts = joined.groupby(keys, sort=True).agg(
        sources=("supporting_source", "nunique"), rank=("supporting_rank", "min"),
        read_rank=("read_rank", "min"))
    facts["value"] = joined.drop_duplicates(keys).set_index(keys)["value"]
    # Why a source does not support a fact: its notes, each once, in the order written.
    doubts = joined[~supports & joined["note"].notna()].drop_duplicates([*keys, "note"])
    facts["reason"] = doubts.groupby(keys)["note"].agg("; ".join)
    facts = facts.reset_index()
    facts["verified"] = facts["sources"] > 0
    facts["best_tier"] = facts["rank"].map(
        lambda rank: None if pd.isna(rank) else SOURCE_TIERS[int(rank)]).astype("str")
    facts["best_read_as"] = facts["read_rank"].map(
        lambda rank: None if pd.isna(rank) else READ_AS[int(rank) % len(READ_AS)]).astype("str")
    facts["reason"] = facts["reason"].fillna("")
    facts["sources"] = facts["sources"].astype(int)
    return facts[["table", "row_key", "column", "value", "sources", "best_tier", "best_read_as",
                  "verified", "reason"]]


def support_summary(support: pd.DataFrame) -> dict[str, float | int]:
    """Counts and shares the methods chapter prints."""
    total = len(support)
    verified = support[support["verified"]]
    weak = verified["best_tier"].isin(WEAK_TIERS)
    primary = verified["best_tier"] == "primary"
    return {
        "facts": total,
        "verified": len(verified),
        "unverified": total - len(verified),
        "unverified_share": (total - len(verified)) / total if total else 0.0,
        "primary": int(primary.sum()),
        "primary_share": float(primary.sum()) / total if total else 0.0,
        "weak_only": int(weak.sum()),
        "weak_only_share": float(weak.sum()) / total if total else 0.0,
        "primary_through_copies": int((primary & (verified["best_read_as"]
                                                  == "third_party_copy")).sum()),
    }


def facts_by_tier(support: pd.DataFrame) -> pd.DataFrame:
    """How many facts rest, at best, on each tier, and how that best source was read (at the
    original, in a web archive, only through a third party's copy); unverified facts apart."""
    tiers = support["best_tier"].where(support["verified"], "unverified")
    read = support["best_read_as"].where(support["verified"], "")
    table = pd.crosstab(tiers, read).reindex(index=[*SOURCE_TIERS, "unverified"],
                                             columns=[*READ_AS, ""], fill_value=0)
    out = pd.DataFrame({"best source": table.index, "facts": table.sum(axis=1).to_numpy()})
    for how in READ_AS:
        out[how.replace("_", " ")] = table[how].to_numpy()
    return out


def unverified_facts(support: pd.DataFrame) -> pd.DataFrame:
    return support.loc[~support["verified"],
                       ["table", "row_key", "column", "value", "reason"]].reset_index(drop=True)


def single_weak_source_facts(support: pd.DataFrame) -> pd.DataFrame:
    """Facts confirmed by exactly one source that is not a primary record."""
    mask = support["verified"] & (support["sources"] == 1) & (support["best_tier"] != "primary")
    return support.loc[mask, ["table", "row_key", "column", "value", "best_tier"]
                       ].reset_index(drop=True)
