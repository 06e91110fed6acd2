"""The six lanes of Belarus's accession story, declared once: each category of
`wto_accession_milestones` (the values `curated.vocabularies.WTO_CATEGORIES` allows) with the
label readers see in each language and how charts draw it. Colour is never alone: the lane is
also named on the axis and has its own marker."""

from __future__ import annotations

from dataclasses import dataclass

from belarus_ip_report.chapters import figures


@dataclass(frozen=True)
class Lane:
    label: str
    colour: str
    marker: str
    #: The label in Russian, broken into lines like the English (its words run longer).
    label_ru: str

    def name(self, lang: str = "en") -> str:
        """The label in `lang`, as the chart's axis writes it (on two or three lines)."""
        return self.label_ru if lang == "ru" else self.label

    def one_line(self, lang: str = "en") -> str:
        """The label in `lang` on one line, as a table or a sentence writes it."""
        return self.name(lang).replace("\n", " ")


#: Top to bottom, as the timeline draws them.
LANES = {
    "application_and_working_party": Lane("Application and\nworking party", figures.BLUE, "o",
                                          "Заявка и\nРабочая группа"),
    "working_party_meeting": Lane("Working-party\nmeetings", figures.RED, "s",
                                  "Заседания\nРабочей группы"),
    "bilateral_market_access": Lane("Bilateral market\naccess", figures.ORANGE, "^",
                                    "Двусторонние переговоры\nо доступе к рынкам\nтоваров и услуг"),
    "observer_and_plurilateral": Lane("Observer status and\nplurilateral steps", figures.PURPLE,
                                      "D", "Статус наблюдателя\nи плюрилатеральное\nучастие"),
    "high_level_meeting": Lane("High-level\nmeetings", figures.BROWN, "v",
                               "Встречи на\nвысоком уровне"),
    "seminar_training": Lane("Seminars and\ntraining", "#717581", "P",
                             "Семинары и\nобучение"),
}
