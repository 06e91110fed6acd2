"""The overview's words: when each story peaks, and the disagreements between sources, one
line each.
"""

from __future__ import annotations

import pandas as pd

from belarus_ip_report.chapters.prose import in_words


def discrepancy_table(claims: pd.DataFrame) -> pd.DataFrame:
    """One line per disagreement for readers: where it sits, each source's claim, the decision."""
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


def peaks_sentence(per_decade: pd.DataFrame) -> str:
    """The decades in which each story has most events (`overview.events_per_decade`): the two
    busiest for the treaties, the busiest for the others."""
    def busiest(lane: str, how_many: int) -> str:
        counts = per_decade[lane].sort_index()
        top = counts.sort_values(ascending=False, kind="stable").index[:how_many]
        return in_words([f"{decade}s" for decade in sorted(top)])

    return (f"The three stories peak at different times: treaty accessions in the "
            f"{busiest('wipo', 2)}, WTO activity in the {busiest('wto', 1)}, and the "
            f"Belarus–Russia instruments in the {busiest('brip', 1)}.")
