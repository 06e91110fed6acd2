"""The WTO chapter's words: lane labels, ordinals and ranks in words, the milestone table.
"""

from __future__ import annotations

import pandas as pd

from belarus_ip_report.chapters.prose import people_dates
from belarus_ip_report.chapters.wto_accession.model import milestone_spans

#: Lanes of the milestone timeline, top to bottom, with the labels readers see.
CATEGORY_LABELS = {
    "application_and_working_party": "Application and\nworking party",
    "working_party_meeting": "Working-party\nmeetings",
    "bilateral_market_access": "Bilateral market\naccess",
    "observer_and_plurilateral": "Observer status and\nplurilateral steps",
    "high_level_meeting": "High-level\nmeetings",
    "seminar_training": "Seminars and\ntraining",
}


def milestone_table(milestones: pd.DataFrame) -> pd.DataFrame:
    """Every milestone for readers: dates as people write them, lanes by name."""
    ordered = milestone_spans(milestones)
    return pd.DataFrame({
        "Date": people_dates(ordered, "date", "date_end"),
        "Event": ordered["description"],
        "Category": ordered["category"].map(CATEGORY_LABELS).str.replace("\n", " "),
        "Meeting": ordered["meeting_number"],
        "Sources": ordered["source_ids"].str.replace(";", "; "),
    })


def ordinal(number: int) -> str:
    """1 → '1st', 12 → '12th', 22 → '22nd'."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th")
    return f"{number}{suffix}"


def rank_words(rank: int, superlative: str = "longest") -> str:
    """1 → 'longest', 2 → 'second-longest', 11 → '11th-longest': a rank as prose."""
    if rank < 1:
        raise ValueError(f"a rank starts at 1, not {rank}")
    if rank == 1:
        return superlative
    words = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}
    return f"{words.get(rank, ordinal(rank))}-{superlative}"
