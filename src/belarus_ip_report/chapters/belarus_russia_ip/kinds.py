"""The kinds of Belarus–Russia instrument, declared once: each value of `belarus_russia_ip.kind`
(`curated.vocabularies.BRIP_KINDS`) with the label readers see, the lane the time line puts it
in (who signed on the Belarusian side) and how it is drawn; shape and colour both carry it."""

from __future__ import annotations

from dataclasses import dataclass

from belarus_ip_report.chapters import figures


@dataclass(frozen=True)
class Kind:
    label: str
    #: Lane on the time line (None: drawn as context, not as an instrument).
    lane: int | None = None
    marker: str = ""
    colour: str = ""


KINDS = {
    "integration_treaty": Kind("Integration treaty"),
    "intergovernmental_agreement": Kind("Intergovernmental agreement", 2, "s", figures.BLUE),
    "agency_agreement": Kind("Agency agreement", 1, "^", figures.ORANGE),
    "memorandum": Kind("Memorandum", 1, "D", figures.PURPLE),
    "government_decision": Kind("Government decision", 2, "P", figures.RED),
}

#: The time line's lanes, top first.
LANE_LABELS = {2: "Governments", 1: "IP offices and agencies"}

#: Belarus's IP law by level, for readers.
LEVEL_NAMES = {"national": "Belarusian law", "eurasian": "Eurasian (regional)",
               "bilateral": "Bilateral"}
