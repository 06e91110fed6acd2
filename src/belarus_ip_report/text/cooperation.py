"""The Belarus–Russia chapter's words: kinds and levels for readers, the instrument tables.
"""

from __future__ import annotations

import pandas as pd

from ..dates import format_for_people

KIND_LABELS = {
    "integration_treaty": "Integration treaty",
    "intergovernmental_agreement": "Intergovernmental agreement",
    "agency_agreement": "Agency agreement",
    "memorandum": "Memorandum",
    "government_decision": "Government decision",
}


def instrument_table(table: pd.DataFrame) -> pd.DataFrame:
    """The instruments for readers: date, parties, kind, subject, sources."""
    return pd.DataFrame({
        "Date": table["date"].map(format_for_people),
        "Instrument": table["title"],
        "Parties": table["parties"],
        "Kind": table["kind"].map(KIND_LABELS),
        "Subject": table["subject"],
        "Sources": table["source_ids"].str.replace(";", "; "),
    })


LEVEL_NAMES = {"national": "Belarusian law", "eurasian": "Eurasian (regional)",
               "bilateral": "Bilateral"}


def ip_law_table(table: pd.DataFrame) -> pd.DataFrame:
    """Belarus's own IP acts and the regional instruments it joined, for readers."""
    return pd.DataFrame({
        "Adopted or signed": table["date"].map(format_for_people),
        "In force for Belarus": table["in_force"].map(
            lambda v: format_for_people(v) if isinstance(v, str) else "not found"),
        "Instrument": table["title"],
        "Level": table["level"].map(LEVEL_NAMES),
        "What it does": table["subject"],
        "Sources": table["source_ids"].str.replace(";", "; "),
    })
