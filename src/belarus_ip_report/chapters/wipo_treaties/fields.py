"""The areas of IP law the treaties belong to, declared once: each value of
`wipo_treaties.field` (`curated.vocabularies.FIELDS`) with the label readers see and how charts
draw it; fields differ by colour and hatch both."""

from __future__ import annotations

from dataclasses import dataclass

from belarus_ip_report.chapters import figures


@dataclass(frozen=True)
class Field:
    label: str
    colour: str
    hatch: str


FIELDS = {
    "industrial_property": Field("Industrial property", figures.BLUE, ""),
    "copyright_and_related_rights": Field("Copyright and related rights", figures.ORANGE, "//"),
    "wipo_convention": Field("WIPO Convention", figures.GREY, ".."),
}
