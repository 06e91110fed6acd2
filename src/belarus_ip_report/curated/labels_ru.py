"""The Russian labels of the source vocabularies (`vocabularies`): what a source is (its tier),
how the project read it, and an evidence row's verdict, each keyed by the value the tables hold.
The English labels are the values themselves (and, for how a source was read, the phrases of
the evidence page); these are the Russian beside them, declared once for every page that
shows them (the methods chapter, the evidence page).
"""

from __future__ import annotations

#: `sources.tier`, best first, as a short label ('primary' -> 'первичный').
TIERS_RU = {
    "primary": "первичный",
    "official": "официальный",
    "press": "СМИ",
    "reference": "справочный",
    "copy": "копия",
}

#: `sources.read_as` as a short label, a table's column header ('web archive').
READ_AS_RU = {
    "original": "оригинал",
    "web_archive": "веб-архив",
    "third_party_copy": "копия третьей стороны",
}

#: `sources.read_as` as a phrase after the tier, as the evidence page writes it in English
#: ('read in a web archive'): 'прочитан в веб-архиве'.
READ_WORDS_RU = {
    "original": "прочитан в оригинале",
    "web_archive": "прочитан в веб-архиве",
    "third_party_copy": "прочитан только в копии третьей стороны",
}

#: `evidence.verdict`: what the source does for the value.
VERDICTS_RU = {
    "confirmed": "подтверждено",
    "partial": "подтверждено частично",
    "unverified": "не подтверждено",
}
