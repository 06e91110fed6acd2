"""The alt text of the WIPO chapter's charts, in English and Russian (`Text`): what each chart
shows, in numbers from the model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from belarus_ip_report.chapters.language import RU, Text, plural
from belarus_ip_report.chapters.prose import count_of, in_words
from belarus_ip_report.chapters.wipo_treaties import belarus, system
from belarus_ip_report.chapters.wipo_treaties.names import treaty_names
from belarus_ip_report.chapters.wipo_treaties.words_belarus import years_ru
from belarus_ip_report.foundation.dates import format_for_people

if TYPE_CHECKING:
    from belarus_ip_report.chapters.wipo_treaties.model import WipoTreaties

TREATY_GENITIVE = ("договора", "договоров", "договоров")
TREATY_PREPOSITIONAL = ("договоре", "договорах", "договорах")
TREATY_DATIVE = ("договору", "договорам", "договорам")
EVENT_GENITIVE = ("события", "событий", "событий")

#: The kinds of Belarus–WIPO events (`belarus_wipo_events.category`), counted in Russian.
EVENT_KINDS_RU = {
    "membership": ("этап членства", "этапа членства", "этапов членства"),
    "treaty_instrument": ("шаг по договорам", "шага по договорам", "шагов по договорам"),
    "agreement": ("соглашение", "соглашения", "соглашений"),
    "memorandum": ("меморандум", "меморандума", "меморандумов"),
    "visit": ("визит", "визита", "визитов"),
    "statement": ("заявление", "заявления", "заявлений"),
}


def counted(n: int, forms: tuple[str, str, str]) -> str:
    return f"{RU.number(n)} {plural(n, ('', ''), forms, 'ru')}"


def growth_alt(m: WipoTreaties) -> Text:
    growth, count = m.growth, m.ministry["administered"]
    held = system.years_count_held(growth, count)
    last = growth.iloc[-1]
    held_text = f"; the total stood at {count} from {held[0]} to {held[1]}" if held else ""
    held_ru = f"; с {held[0]} по {held[1]}\u202fг. их было {count}" if held else ""
    return Text(
        f"Stacked step chart of WIPO-administered treaties by year of adoption, "
        f"{growth['year'].min()} to {m.as_of.year}: the total rises from 1 to "
        f"{int(last['adopted_total'])}, of which {int(last['in_force_total'])} are in "
        f"force{held_text}.",
        "Ступенчатая диаграмма с накоплением: договоры, административные функции которых "
        f"выполняет ВОИС, по году принятия, {growth['year'].min()}–{m.as_of.year}\u202fгг.: общее "
        f"число растет с 1 до {int(last['adopted_total'])}, действующих среди них — "
        f"{int(last['in_force_total'])}{held_ru}.",
    )


def participation_alt(m: WipoTreaties) -> Text:
    start, end = m.participation.iloc[0], m.participation.iloc[-1]
    total = len(m.belarus_parties)
    return Text(
        f"Step chart from {start['year']} to {m.as_of.year}: WIPO treaties in force "
        f"worldwide rise to {int(end['in_force_worldwide'])}; those in force for Belarus "
        f"with a known date rise from {int(start['in_force_for_belarus'])} in "
        f"{start['year']} to {int(end['in_force_for_belarus'])}; Belarus is a party to "
        f"{total} in all.",
        f"Ступенчатая диаграмма, {start['year']}–{m.as_of.year}\u202fгг.: число договоров ВОИС, "
        f"действующих в мире, растет до {int(end['in_force_worldwide'])}; число договоров, "
        "действующих для Беларуси (с известной датой), — с "
        f"{int(start['in_force_for_belarus'])} в {start['year']}\u202fг. до "
        f"{int(end['in_force_for_belarus'])}; всего Беларусь участвует в "
        f"{counted(total, TREATY_PREPOSITIONAL)}.",
    )


def lag_alt(m: WipoTreaties) -> Text:
    lags = m.lags
    slowest = lags.iloc[-1]
    name_ru = treaty_names(m, "ru")[slowest["treaty"]]
    return Text(
        f"Horizontal bar chart of {len(lags)} treaties: "
        f"{int(lags['from_the_start'].sum())} applied by Belarus from the start, the "
        f"longest wait {slowest['lag_years']:.1f} years for the {slowest['treaty']}.",
        f"Горизонтальная столбчатая диаграмма по {counted(len(lags), TREATY_DATIVE)}: "
        f"{int(lags['from_the_start'].sum())} из них Беларусь применяла с самого начала, "
        f"самое долгое ожидание — {years_ru(slowest['lag_years'])} ({name_ru}).",
    )


def reach_alt(m: WipoTreaties) -> Text:
    reach = m.reach
    widest = reach.sort_values("parties_count", ascending=False).iloc[0]
    pending = reach[~reach["in_force"]]
    widest_ru = treaty_names(m, "ru")[widest["treaty"]]
    return Text(
        f"Horizontal bar chart of contracting parties on {format_for_people(m.as_of)} for "
        f"{len(reach)} WIPO treaties, grouped by field; the {widest['treaty']} has "
        f"{widest['parties_count']}"
        + (f", and {len(pending)} treaties not yet in force are drawn hollow"
           if len(pending) else "")
        + "; Belarus's treaties are marked.",
        "Горизонтальная столбчатая диаграмма: число Договаривающихся сторон на "
        f"{RU.date(m.as_of)} для {counted(len(reach), TREATY_GENITIVE)} ВОИС по областям; "
        f"больше всего — {widest['parties_count']} ({widest_ru})"
        + (f"; договоры, еще не вступившие в силу ({len(pending)}), показаны контуром"
           if len(pending) else "")
        + "; договоры с участием Беларуси отмечены.",
    )


def party_growth_alt(m: WipoTreaties) -> Text:
    data = m.party_growth
    last = data.iloc[-1]
    names = [c for c in data.columns if c != "year"]
    russian = treaty_names(m, "ru")
    return Text(
        f"Step lines of contracting parties at the end of each year, {data['year'].min()} "
        f"to {m.as_of.year}, for {len(names)} treaties: "
        + "; ".join(f"{name} {int(last[name])}" for name in names) + ".",
        "Ступенчатые линии: число Договаривающихся сторон на конец каждого года, "
        f"{data['year'].min()}–{m.as_of.year}\u202fгг., "
        f"для {counted(len(names), TREATY_GENITIVE)}: "
        + "; ".join(f"{russian[name]} — {int(last[name])}" for name in names) + ".",
    )


def cooperation_alt(m: WipoTreaties) -> Text:
    recent = belarus.cooperation_events(m.events)
    kinds = recent["category"].str.replace("_", " ").value_counts()
    kinds_ru = recent["category"].value_counts()
    first, last = recent["date"].min().year, recent["date"].max().year
    return Text(
        f"Timeline of {len(recent)} Belarus-WIPO events from {first} "
        f"to {last}, one row each, labelled with its date and what "
        "happened: " + in_words([f"{count_of(n, kind)}" for kind, n in kinds.items()])
        + ".",
        f"Хронология {counted(len(recent), EVENT_GENITIVE)} в отношениях Беларуси и ВОИС с "
        f"{first} по {last}\u202fг., по одному в строке, с датой и кратким описанием: "
        + RU.words([counted(n, EVENT_KINDS_RU[kind]) for kind, n in kinds_ru.items()]) + ".",
    )
