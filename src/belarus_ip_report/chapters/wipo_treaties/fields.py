"""The areas of IP law the treaties belong to, declared once: each value of
`wipo_treaties.field` (`curated.vocabularies.FIELDS`) with the label readers see in each
language and how charts draw it; fields differ by colour and hatch both. The Russian labels are
WIPO's own Russian names of the fields (research/russian_terms: field:industrial-property,
field:copyright-related)."""

from __future__ import annotations

from dataclasses import dataclass

from belarus_ip_report.chapters import figures


@dataclass(frozen=True)
class Field:
    label: str
    colour: str
    hatch: str
    label_ru: str

    def name(self, lang: str = "en") -> str:
        """The field's label in `lang`."""
        return self.label_ru if lang == "ru" else self.label


FIELDS = {
    "industrial_property": Field("Industrial property", figures.BLUE, "",
                                 "Промышленная собственность"),
    "copyright_and_related_rights": Field("Copyright and related rights", figures.ORANGE, "//",
                                          "Авторское право и смежные права"),
    "wipo_convention": Field("WIPO Convention", figures.GREY, "..", "Конвенция ВОИС"),
}
