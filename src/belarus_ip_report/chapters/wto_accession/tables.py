"""The WTO chapter's tables for readers, in English and Russian: every milestone, and Belarus
among its peers with the paragraph that reads that table; their captions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from belarus_ip_report.chapters.language import RU, Table, Text
from belarus_ip_report.chapters.prose import (
    escape,
    fact_table,
    in_words,
    people_dates,
    source_list,
    translated,
)
from belarus_ip_report.chapters.wto_accession import GOVERNMENT
from belarus_ip_report.chapters.wto_accession.lanes import LANES
from belarus_ip_report.chapters.wto_accession.russian import forms, ru_count, ru_decimal, ru_years
from belarus_ip_report.foundation.dates import format_for_people

if TYPE_CHECKING:
    from belarus_ip_report.chapters.wto_accession.model import WtoAccession


def milestone_table(m: WtoAccession) -> Table:
    """Every milestone for readers: dates as people write them, lanes by name."""
    ordered = m.spans
    english = fact_table(pd.DataFrame({
        "Date": people_dates(ordered, "date", "date_end"),
        "Event": ordered["description"],
        "Category": ordered["category"].map(lambda c: LANES[c].label.replace("\n", " ")),
        "Meeting": ordered["meeting_number"],
        "Sources": source_list(ordered["source_ids"]),
    }), "wto_accession_milestones", ordered["milestone_id"],
        {"Date": "date", "Meeting": "meeting_number"}, disputed=m.disputed)
    described = m.milestones.set_index("milestone_id")["description_ru"]
    russian = pd.DataFrame({
        "Дата": people_dates(ordered, "date", "date_end", lang="ru"),
        "Событие": ordered["milestone_id"].map(described),
        "Категория": ordered["category"].map(lambda c: LANES[c].one_line("ru")),
        "Заседание": ordered["meeting_number"],
        "Источники": source_list(ordered["source_ids"]),
    })
    return translated(english, russian)


def milestone_caption() -> Text:
    return Text("Milestones of Belarus's WTO accession, with their sources",
                "Этапы присоединения Беларуси к ВТО с указанием источников")


#: How each peer came into the WTO, as the peer table writes it.
ROUTES = {"en": {"original": "original member (from the GATT)", "accession": "accession",
                 "acceding": "still acceding"},
          "ru": {"original": "первоначальный член (из ГАТТ)", "accession": "присоединение",
                 "acceding": "в процессе присоединения"}}


def peer_table(m: WtoAccession) -> Table:
    """Belarus and its peers in the WTO, for readers."""
    peers = m.peers
    english = pd.DataFrame({
        "Country": peers["peer"],
        "Route": peers["route"].map(ROUTES["en"]),
        "Applied": people_dates(peers, "application_date", missing="—"),
        "Member since": people_dates(peers, "membership_date", missing="—"),
        "Years": [("—" if pd.isna(y) else f"{y:.1f}" + (" so far" if w else ""))
                  for y, w in zip(peers["years"], peers["waiting"], strict=True)],
    })
    russian = pd.DataFrame({
        "Страна": peers["peer_ru"],
        "Путь в ВТО": peers["route"].map(ROUTES["ru"]),
        "Заявка": people_dates(peers, "application_date", missing="—", lang="ru"),
        "Член ВТО с": people_dates(peers, "membership_date", missing="—", lang="ru"),
        "Лет": [("—" if pd.isna(y) else ru_decimal(y) + (" (процесс продолжается)" if w else ""))
                for y, w in zip(peers["years"], peers["waiting"], strict=True)],
    })
    return translated(english, russian)


def peer_caption() -> Text:
    return Text("Belarus and its peers in the WTO",
                "Беларусь, ее партнеры и соседи в ВТО")


def peer_paragraph(m: WtoAccession) -> Text:
    peers = m.peers[m.peers["peer"] != GOVERNMENT]
    done = peers[~peers["waiting"] & peers["years"].notna()]
    original = peers[peers["route"] == "original"]
    waiting = peers[peers["waiting"]]
    slowest = done.loc[done["years"].idxmax()]
    text = (f"Of Belarus's {len(peers)} peers, {len(done)} joined the WTO by accession, taking "
            f"{done['years'].min():.1f} to {done['years'].max():.1f} years (the longest, "
            f"{escape(slowest['peer'])})")
    if len(original):
        text += (f"; {in_words([escape(p) for p in original['peer']])} joined as "
                 + ("an original member" if len(original) == 1 else "original members"))
    if len(waiting):
        text += (f"; {in_words([escape(p) for p in waiting['peer']])}, like Belarus, "
                 + ("are" if len(waiting) > 1 else "is") + " still waiting")
    english = text + f" on {format_for_people(m.as_of)}."

    russian = (f"По состоянию на {RU.date(m.as_of)} из "
               f"{ru_count(len(peers), 'страны', 'стран', 'стран')}, с которыми Беларусь "
               f"сравнивается в этой главе, {RU.number(len(done))} "
               f"{forms(len(done), 'вступила', 'вступили', 'вступили')} в ВТО путем "
               f"присоединения, затратив на это от {ru_decimal(done['years'].min())} до "
               f"{ru_years(done['years'].max())} (дольше всех — {escape(slowest['peer_ru'])})")
    if len(original):
        russian += (f"; {RU.words([escape(p) for p in original['peer_ru']])} "
                    + ("является первоначальным членом ВТО" if len(original) == 1
                       else "являются первоначальными членами ВТО"))
    if len(waiting):
        russian += (f"; {RU.words([escape(p) for p in waiting['peer_ru']])}, как и Беларусь, "
                    + ("все еще ожидают" if len(waiting) > 1 else "все еще ожидает")
                    + " вступления")
    return Text(english, russian + ".")
