"""The overview's words: the disagreements between sources, one line each.
"""

from __future__ import annotations

import pandas as pd


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
