"""The Belarus–Russia chapter's tables for readers, in English and Russian: the same rows and
columns, the Russian cells from the tables' `_ru` companion columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from belarus_ip_report.chapters.belarus_russia_ip.kinds import KINDS, LEVEL_NAMES
from belarus_ip_report.chapters.language import Table, Text
from belarus_ip_report.chapters.prose import fact_table, people_dates, source_list, translated

if TYPE_CHECKING:
    from belarus_ip_report.chapters.belarus_russia_ip.model import BelarusRussiaIp

#: Where the Russian table has no date for a value: the edition's 'not found', which links to
#: no evidence (`prose.NO_VALUE`), as the English does not.
NO_DATE_RU = "нет данных"


def instrument_table(m: BelarusRussiaIp) -> Table:
    """The instruments for readers: date, parties, kind, subject, sources."""
    table = m.table
    english = fact_table(pd.DataFrame({
        "Date": people_dates(table, "date"),
        "Instrument": table["title"],
        "Parties": table["parties"],
        "Kind": table["kind"].map(lambda kind: KINDS[kind].label.en),
        "Subject": table["subject"],
        "Sources": source_list(table["source_ids"]),
    }), "belarus_russia_ip", table["instrument_id"], {"Date": "date"}, disputed=m.disputed)
    russian = pd.DataFrame({
        "Дата": people_dates(table, "date", lang="ru"),
        "Документ": table["title_ru"],
        "Стороны": table["parties_ru"],
        "Вид": table["kind"].map(lambda kind: KINDS[kind].label.ru),
        "Предмет": table["subject_ru"],
        "Источники": source_list(table["source_ids"]),
    })
    return translated(english, russian)


def instrument_caption() -> Text:
    return Text("Belarus–Russia instruments, with the integration treaties as context",
                "Документы Беларуси и России; интеграционные договоры приведены как контекст")


def ip_law_table(m: BelarusRussiaIp) -> Table:
    """Belarus's own IP acts and the regional instruments it joined, for readers."""
    table = m.ip_law_table
    english = fact_table(pd.DataFrame({
        "Adopted or signed": people_dates(table, "date"),
        "In force for Belarus": people_dates(table, "in_force", missing="not found"),
        "Instrument": table["title"],
        "Level": table["level"].map(lambda level: LEVEL_NAMES[level].en),
        "What it does": table["subject"],
        "Sources": source_list(table["source_ids"]),
    }), "belarus_ip_instruments", table["instrument_id"],
        {"Adopted or signed": "date", "In force for Belarus": "in_force"}, disputed=m.disputed)
    russian = pd.DataFrame({
        "Принят или подписан": people_dates(table, "date", lang="ru"),
        "Вступил в силу для Беларуси": people_dates(table, "in_force", missing=NO_DATE_RU,
                                                    lang="ru"),
        "Документ": table["title_ru"],
        "Уровень": table["level"].map(lambda level: LEVEL_NAMES[level].ru),
        "Содержание": table["subject_ru"],
        "Источники": source_list(table["source_ids"]),
    })
    return translated(english, russian)


def ip_law_caption() -> Text:
    return Text("Belarus's IP law and the regional IP instruments it joined",
                "Законодательство Беларуси об ИС и региональные документы в сфере ИС, "
                "к которым она присоединилась")
