"""The kinds of Belarus–Russia instrument, declared once: each value of `belarus_russia_ip.kind`
(`curated.vocabularies.BRIP_KINDS`) with the label readers see in each language, the lane the
time line puts it in (who signed on the Belarusian side) and how it is drawn; shape and colour
both carry it."""

from __future__ import annotations

from dataclasses import dataclass

from belarus_ip_report.chapters import figures
from belarus_ip_report.chapters.language import Text


@dataclass(frozen=True)
class Kind:
    label: Text
    #: Lane on the time line (None: drawn as context, not as an instrument).
    lane: int | None = None
    marker: str = ""
    colour: str = ""


KINDS = {
    "integration_treaty": Kind(Text("Integration treaty", "Интеграционный договор")),
    "intergovernmental_agreement": Kind(
        Text("Intergovernmental agreement", "Межправительственное соглашение"), 2, "s",
        figures.BLUE),
    "agency_agreement": Kind(Text("Agency agreement", "Соглашение ведомств"), 1, "^",
                             figures.ORANGE),
    "memorandum": Kind(Text("Memorandum", "Меморандум"), 1, "D", figures.PURPLE),
    "government_decision": Kind(Text("Government decision", "Решение правительства"), 2, "P",
                                figures.RED),
}

#: The time line's lanes, top first.
LANE_LABELS = {2: Text("Governments", "Правительства"),
               1: Text("IP offices and agencies", "Ведомства по ИС\nи организации")}

#: Belarus's IP law by level, for readers.
LEVEL_NAMES = {"national": Text("Belarusian law", "Законодательство Беларуси"),
               "eurasian": Text("Eurasian (regional)", "Евразийский (региональный)"),
               "bilateral": Text("Bilateral", "Двусторонний")}
