"""The methods chapter's words: every sentence it writes from its model, and its tables."""

from __future__ import annotations

import pandas as pd

from belarus_ip_report.chapters.methods.model import Methods
from belarus_ip_report.chapters.prose import escape


def cleaning_paragraph(m: Methods) -> str:
    rows_in, rows_out = int(m.quality["rows in"].sum()), int(m.quality["rows out"].sum())
    changed = m.quality.loc[m.quality["changes made"] != "none", "table"].tolist()
    return (
        f"All {len(m.quality)} tables passed their checks: {rows_in} rows went in and "
        f"{rows_out} came out, so no row was dropped. "
        + (f"Cleaning changed something in {', '.join(escape(t) for t in changed)}, as listed "
           "above." if changed else "Cleaning changed nothing: the raw tables were already tidy.")
    )


def tier_table(m: Methods) -> pd.DataFrame:
    """Sources by what they are (tier) and how the project read them."""
    out = m.tiers.copy()
    out.columns = [c.replace("_", " ") for c in out.columns]
    out.insert(0, "sources", m.tiers.sum(axis=1))
    return out.rename_axis("tier").reset_index()


def sources_paragraph(m: Methods) -> str:
    copies = int(m.tiers["third_party_copy"].sum())
    primary_copies = int(m.tiers.loc["primary", "third_party_copy"])
    return (
        f"The evidence cites {m.cited} of the {len(m.sources)} registered sources. "
        f"{copies} sources were read only through a third party's copy (a scrape, a mirror, a "
        f"reprint), {primary_copies} of them primary records: the record is the depositary's or "
        "the organisation's own, but the project saw it in someone else's copy, named in the "
        "references. "
        + (f"Registered but cited by no evidence, disagreement or imported row: "
           f"{', '.join(escape(s) for s in m.uncited)}." if m.uncited
           else "Every registered source backs at least one value, a recorded disagreement or "
                "an imported row.")
    )


def support_paragraph(m: Methods) -> str:
    s = m.shares
    return (
        f"The tables hold {s['facts']} dated, counted or status values with evidence rows. "
        f"{s['primary']} of them ({s['primary_share']:.0%}) are confirmed by a primary record; "
        f"{s['primary_through_copies']} of those rest on primary records read only through "
        f"third-party copies. {s['weak_only']} ({s['weak_only_share']:.1%}) rest only on "
        f"reference works or copies; {s['unverified']} ({s['unverified_share']:.1%}) are "
        "unverified. The contracting parties of every treaty are backed as a whole by the dated "
        "WIPO Lex copy they were imported from (data/snapshots/wipo_lex.json)."
    )


def single_source_sentence(m: Methods) -> str:
    if not len(m.single):
        return "Every confirmed value rests on a primary record or on two sources."
    return (f"{len(m.single)} values are confirmed by a single source that is not a primary "
            "record; they are listed below, so that a reader knows which facts rest on one "
            "official page, one news report or one reference work.")


def same_facts_sentence(m: Methods) -> str:
    return (f"{m.same_facts} facts are declared in two places in `same_facts`, and "
            f"{m.shared_memberships} membership dates are shared by the two WTO tables; all of "
            "them agree.")


def discrepancy_table(m: Methods) -> pd.DataFrame:
    """One line per disagreement for readers: where it sits, each source's claim, the decision."""
    claims = m.discrepancies
    rows = []
    for _, group in claims.groupby("discrepancy_id", sort=True):
        first = group.iloc[0]
        rows.append({
            "Topic": first["topic"],
            "Where in the data": f"{first['table']} › {first['row_key']} › {first['column']}",
            "What the sources say": "; ".join(
                f"{claim} [{source}]" for claim, source in zip(group["claim"], group["source_id"],
                                                               strict=True)),
            "Value used": first["value_used"],
            "Why": first["reason"],
        })
    return pd.DataFrame(rows, columns=["Topic", "Where in the data", "What the sources say",
                                       "Value used", "Why"])
