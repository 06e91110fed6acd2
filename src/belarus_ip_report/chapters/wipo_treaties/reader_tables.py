"""The WIPO chapter's tables for readers: Belarus's status per treaty, Belarus among its
peers, the coming changes, and the counts sources state beside the computed ones. Each reads the
model only and returns the table in English and Russian (`Table`): the same rows and columns,
the Russian reader text from the data's `_ru` companion columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from belarus_ip_report.chapters.language import RU, Table
from belarus_ip_report.chapters.prose import fact_table, people_dates, source_list, translated
from belarus_ip_report.chapters.wipo_treaties.fields import FIELDS
from belarus_ip_report.chapters.wipo_treaties.names import peer_names
from belarus_ip_report.foundation.dates import format_for_people

if TYPE_CHECKING:
    from belarus_ip_report.chapters.wipo_treaties.model import WipoTreaties

STATUS_WORDS = {"party": "Party", "signatory": "Signed, not ratified",
                "not_party": "Not a party"}
STATUS_WORDS_RU = {"party": "Участвует", "signatory": "Подписание без ратификации",
                   "not_party": "Не участвует"}
INSTRUMENT_WORDS = {"accession": "accession", "ratification": "ratification",
                    "continued_application": "continued application", "signature": "signature",
                    "succession": "succession", "acceptance": "acceptance",
                    "approval": "approval", "declaration": "declaration", "other": "other"}
#: The instruments as WIPO's Russian texts name them (research/russian_terms: wipo:*).
INSTRUMENT_WORDS_RU = {"accession": "присоединение", "ratification": "ратификация",
                       "continued_application": "продолжение применения",
                       "signature": "подписание", "succession": "правопреемство",
                       "acceptance": "принятие", "approval": "одобрение",
                       "declaration": "заявление", "other": "иное"}
CHANGE_WORDS = {"entry_into_force": "enters into force",
                "withdrawal": "withdrawal takes effect"}
CHANGE_WORDS_RU = {"entry_into_force": "вступление в силу",
                   "withdrawal": "денонсация вступает в силу"}


def status_table(m: WipoTreaties, party: bool) -> Table:
    """Belarus's status in the treaties it is party to (`party`) or not, grouped by field and
    sorted by date, for readers."""
    chosen = m.treaties[m.treaties["belarus_status"].eq("party") == party]
    order = {field: i for i, field in enumerate(FIELDS)}
    table = chosen.assign(_order=chosen["field"].map(order)).sort_values(
        ["_order", "adopted", "short_name"], kind="stable", na_position="last")
    english = fact_table(pd.DataFrame({
        "Field": table["field"].map(lambda f: FIELDS[f].label),
        "Treaty": table["short_name"],
        "Adopted": people_dates(table, "adopted", missing="not found"),
        "In force": people_dates(table, "in_force", missing="not yet"),
        "Parties": table["parties_count"],
        "Belarus": table["belarus_status"].map(STATUS_WORDS),
        "Instrument": table["belarus_instrument"].map(INSTRUMENT_WORDS).fillna("—"),
        "In force for Belarus": people_dates(table, "belarus_in_force", missing="—"),
        "Sources": source_list(table["source_ids"]),
    }).reset_index(drop=True), "wipo_treaties", table["treaty_id"],
        {"Adopted": "adopted", "In force": "in_force", "Belarus": "belarus_status",
         "Instrument": "belarus_instrument", "In force for Belarus": "belarus_in_force"},
        disputed=m.disputed)
    russian = pd.DataFrame({
        "Область": table["field"].map(lambda f: FIELDS[f].name("ru")),
        "Договор": table["short_name_ru"],
        "Принятие": people_dates(table, "adopted", missing="нет данных", lang="ru"),
        "Вступление в силу": people_dates(table, "in_force", missing="пока нет", lang="ru"),
        "Участники": table["parties_count"],
        "Беларусь": table["belarus_status"].map(STATUS_WORDS_RU),
        "Способ участия": table["belarus_instrument"].map(INSTRUMENT_WORDS_RU).fillna("—"),
        "Вступление в силу для Беларуси": people_dates(table, "belarus_in_force", missing="—",
                                                       lang="ru"),
        "Источники": source_list(table["source_ids"]),
    }).reset_index(drop=True)
    return translated(english, russian)


def peer_table(m: WipoTreaties) -> Table:
    """Belarus and its peers: how many of the administered treaties each is party to on the
    model's date, and the latest it joined."""
    summary = m.peer_summary
    russian_treaty = dict(zip(m.treaties["short_name"], m.treaties["short_name_ru"],
                              strict=True))
    counts = list(zip(summary["treaties"], summary["of"], strict=True))
    english = pd.DataFrame({
        "Country": summary["peer"],
        "Treaties in force": [f"{n} of {of}" for n, of in counts],
        "Latest treaty": summary["latest"].fillna("—"),
        "In force since": people_dates(summary, "latest_in_force", missing="—"),
    })
    russian = pd.DataFrame({
        "Страна": summary["peer"].map(peer_names(m, "ru")),
        "Действующие договоры": [f"{n} из {of}" for n, of in counts],
        "Последний договор": summary["latest"].map(russian_treaty).fillna("—"),
        "Действует с": people_dates(summary, "latest_in_force", missing="—", lang="ru"),
    })
    return translated(english, russian)


def coming_table(m: WipoTreaties) -> Table:
    """Instruments deposited by the model's date that take effect after it."""
    coming = m.coming
    short = m.treaties.set_index("treaty_id")["short_name"]
    short_ru = m.treaties.set_index("treaty_id")["short_name_ru"]
    english = fact_table(pd.DataFrame({
        "Takes effect": people_dates(coming, "effective"),
        "Treaty": coming["treaty_id"].map(short).fillna(coming["treaty_id"]),
        "Party": coming["party"],
        "Change": coming["change"].map(CHANGE_WORDS),
        "Deposited": people_dates(coming, "deposited", missing="—"),
        "Source": coming["source_id"],
    }), "treaty_parties", [f"{t} {p}" for t, p in zip(coming["treaty_id"], coming["party"],
                                                       strict=True)], sources="Source")
    russian = pd.DataFrame({
        "Начинает действовать": people_dates(coming, "effective", lang="ru"),
        "Договор": coming["treaty_id"].map(short_ru).fillna(coming["treaty_id"]),
        "Сторона": coming["party_ru"],
        "Изменение": coming["change"].map(CHANGE_WORDS_RU),
        "Сдан на хранение": people_dates(coming, "deposited", missing="—", lang="ru"),
        "Источник": coming["source_id"],
    })
    return translated(english, russian)


def claims_table(m: WipoTreaties) -> Table:
    """Counts that sources state, beside the count the dated rows give on the same day."""
    c = m.claims
    figures = m.key_figures.set_index("figure_id")
    rows = list(zip(c["as_of"], c["compared_on"], c["undated"], strict=True))
    english = fact_table(pd.DataFrame({
        "What a source says": c["figure_id"].map(figures["description"]),
        "Stated": c["stated"],
        "On": [("undated: compared on " + format_for_people(day)) if undated
               else format_for_people(when) for when, day, undated in rows],
        "Counted from the dated rows": c["computed"],
        "Agrees": c["agrees"].map({True: "yes", False: "no"}),
        "Sources": source_list(c["source_ids"]),
    }), "key_figures", c["figure_id"], {"Stated": "value"}, disputed=m.disputed)
    russian = pd.DataFrame({
        "Что говорит источник": c["figure_id"].map(figures["description_ru"]),
        "Указано": c["stated"],
        "Дата": [("без даты, сравнение на " + RU.date(day)) if undated
                 else RU.date(when) for when, day, undated in rows],
        "Подсчет по датированным записям": c["computed"],
        "Совпадает": c["agrees"].map({True: "да", False: "нет"}),
        "Источники": source_list(c["source_ids"]),
    })
    return translated(english, russian)


def peer_matrix(m: WipoTreaties) -> Table:
    """Which treaty is in force for Belarus and each peer, and since which year: one row per
    treaty WIPO administers, one column per country ('—': not in force for it)."""
    from belarus_ip_report.chapters.peers import COMPARED

    years = m.peers.assign(year=[d.year for d in m.peers["in_force"]]).pivot_table(
        index="treaty_id", columns="peer", values="year", aggfunc="first")
    order = m.treaties.sort_values(["adopted", "treaty_id"], kind="stable")
    out = pd.DataFrame({"Treaty": order["short_name"].to_numpy()})
    for peer in COMPARED:
        column = years[peer.label] if peer.label in years.columns else pd.Series(dtype=float)
        out[peer.label] = [("—" if pd.isna(v) else str(int(v)))
                           for v in order["treaty_id"].map(column)]
    russian = out.rename(columns={"Treaty": "Договор", **peer_names(m, "ru")})
    russian["Договор"] = order["short_name_ru"].to_numpy()
    return translated(out, russian)
