"""The overview's words: the key findings, when each story peaks, the chart's alt text and the
tables, each in English and Russian from the same numbers (`language.Text`, `Table`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from belarus_ip_report.chapters.figures import PUBLISHERS_RU
from belarus_ip_report.chapters.language import RU, Text, plural
from belarus_ip_report.chapters.prose import (
    fact_table,
    in_words,
    people_dates,
    translated,
)

if TYPE_CHECKING:
    from belarus_ip_report.chapters.language import Table
    from belarus_ip_report.chapters.overview.model import Overview

def decade(year: int, lang: str) -> str:
    """'1990s' / '1990-е'."""
    return f"{year}s" if lang == "en" else f"{year}-е"


def peaks_sentence(o: Overview) -> Text:
    """The decades in which each story has most events (`overview.events_per_decade`): the two
    busiest for the treaties, the busiest for the others."""
    per_decade = o.per_decade
    def busiest(lane: str, how_many: int, lang: str = "en") -> str:
        counts = per_decade[lane].sort_index()
        top = counts.sort_values(ascending=False, kind="stable").index[:how_many]
        if lang == "ru":
            return RU.words([decade(year, "ru") for year in sorted(top)])
        return in_words([f"{decade}s" for decade in sorted(top)])

    return Text(
        f"The three stories peak at different times: treaty accessions in the "
        f"{busiest('wipo', 2)}, WTO activity in the {busiest('wto', 1)}, and the "
        f"Belarus–Russia instruments in the {busiest('brip', 1)}.",
        f"Пики трех сюжетов приходятся на разное время: присоединение к договорам — на "
        f"{busiest('wipo', 2, 'ru')} годы, работа в ВТО — на {busiest('wto', 1, 'ru')}, "
        f"документы Беларуси и России — на {busiest('brip', 1, 'ru')}.")


def summary_alt(o: Overview) -> Text:
    events, busiest = o.events, o.per_decade.sum(axis=1).idxmax()
    lanes = events["lane"].value_counts()
    wipo, wto, brip = (int(lanes.get(lane, 0)) for lane in ("wipo", "wto", "brip"))
    entered = plural(wipo, ("", ""), ("вступивший", "вступивших", "вступивших"), "ru")
    return Text(
        f"Timeline from {events['year'].min()} to {o.as_of.year} with three lanes: "
        f"{lanes.get('wipo', 0)} WIPO treaties entering into force for Belarus, "
        f"{lanes.get('wto', 0)} WTO accession milestones and {lanes.get('brip', 0)} "
        f"Belarus-Russia IP instruments; activity is densest in the {busiest}s.",
        f"Временная шкала с {events['year'].min()} по {o.as_of.year}\u202fг. в три ряда: "
        f"{RU.count(wipo, 'treaty')} ВОИС, {entered} в силу для Беларуси, "
        f"{RU.count(wto, 'milestone')} присоединения к ВТО и {RU.count(brip, 'instrument')} "
        f"Беларуси и России в сфере ИС; больше всего событий приходится на "
        f"{decade(int(busiest), 'ru')} годы.")


#: The per-decade table's columns, in each language.
DECADE_COLUMNS = {
    "en": {"wipo": "WIPO treaties", "wto": "WTO milestones",
           "brip": "Belarus–Russia instruments"},
    "ru": {"wipo": "Договоры ВОИС", "wto": "Этапы присоединения к ВТО",
           "brip": "Документы Беларуси и России"},
}


def per_decade_table(o: Overview) -> Table:
    def table_in(lang: str, axis: str) -> pd.DataFrame:
        table = o.per_decade.rename(columns=DECADE_COLUMNS[lang])
        table.index = [decade(year, lang) for year in table.index]
        return table.rename_axis(axis).reset_index()

    return translated(table_in("en", "decade"), table_in("ru", "Десятилетие"))


def per_decade_caption() -> Text:
    return Text("Dated events per decade", "Датированные события по десятилетиям")


def source_documents_table(o: Overview) -> Table:
    """The five source documents; in Russian, their titles as published (a document's own
    title, as a bibliography keeps it) and their publishers as the Russian edition names
    them (`figures.PUBLISHERS_RU`, else as written, without the English note in brackets)."""
    documents = o.sources[o.sources["kind"] == "source_document"]
    english = fact_table(pd.DataFrame({
        "Source document": documents["title"],
        "Publisher": documents["publisher"],
        "Published": people_dates(documents, "published", missing="not dated"),
        "Id": documents["source_id"],
    }), "sources", documents["source_id"], sources="Id")
    publishers = documents["publisher"].map(
        lambda name: PUBLISHERS_RU.get(name.split(" (")[0], name.split(" (")[0]))
    russian = pd.DataFrame({
        "Исходный документ": documents["title"],
        "Издатель": publishers,
        "Дата публикации": people_dates(documents, "published", missing="без даты",
                                        lang="ru"),
        "Код": documents["source_id"],
    })
    return translated(english, russian)


def source_documents_caption() -> Text:
    return Text("The five source documents", "Пять исходных документов")


def sources_sentence(o: Overview) -> Text:
    sources = o.sources
    documents = int((sources["kind"] == "source_document").sum())
    by_tier = sources["tier"].value_counts()
    tiers = [int(by_tier.get(tier, 0))
             for tier in ("primary", "official", "press", "reference", "copy")]
    return Text(
        f"Beyond these {documents} documents, the data cites {len(sources) - documents} "
        f"sources: {by_tier.get('primary', 0)} primary records, {by_tier.get('official', 0)} "
        f"official pages, {by_tier.get('press', 0)} press reports, "
        f"{by_tier.get('reference', 0)} reference works and {by_tier.get('copy', 0)} copies "
        "(the five documents included); all are listed under References with their tier.",
        f"Помимо {documents} "
        f"{plural(documents, ('', ''), ('исходного документа', 'исходных документов', 'исходных документов'), 'ru')} "  # noqa: E501
        "данные ссылаются еще на "
        f"{RU.count(len(sources) - documents, 'source')}. По уровням: первичные записи — "
        f"{tiers[0]}, официальные страницы — {tiers[1]}, сообщения СМИ — {tiers[2]}, "
        f"справочные издания — {tiers[3]}, копии — {tiers[4]} (с учетом пяти исходных "
        "документов); все они перечислены в разделе «Источники» с указанием уровня.")

