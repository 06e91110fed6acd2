"""The six lanes of Belarus's accession story, declared once: each category of
`wto_accession_milestones` (the values `curated.vocabularies.WTO_CATEGORIES` allows) with the
label readers see and how charts draw it. Colour is never alone: the lane is also named on the
axis and has its own marker."""

from __future__ import annotations

from dataclasses import dataclass

from belarus_ip_report.chapters import figures


@dataclass(frozen=True)
class Lane:
    label: str
    colour: str
    marker: str


#: Top to bottom, as the timeline draws them.
LANES = {
    "application_and_working_party": Lane("Application and\nworking party", figures.BLUE, "o"),
    "working_party_meeting": Lane("Working-party\nmeetings", figures.RED, "s"),
    "bilateral_market_access": Lane("Bilateral market\naccess", figures.ORANGE, "^"),
    "observer_and_plurilateral": Lane("Observer status and\nplurilateral steps", figures.PURPLE,
                                      "D"),
    "high_level_meeting": Lane("High-level\nmeetings", figures.BROWN, "v"),
    "seminar_training": Lane("Seminars and\ntraining", "#717581", "P"),
}
