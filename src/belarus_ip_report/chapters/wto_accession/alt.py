"""The alt text of the WTO chapter's charts, in English and Russian: what each chart shows, in
numbers computed by the model, for readers who cannot see it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from belarus_ip_report.chapters.language import RU, YEAR, YEARS, Text
from belarus_ip_report.chapters.wto_accession.lanes import LANES
from belarus_ip_report.chapters.wto_accession.russian import (
    forms,
    ru_count,
    ru_decimal,
    ru_name,
    ru_years,
)
from belarus_ip_report.foundation.dates import format_for_people

if TYPE_CHECKING:
    from belarus_ip_report.chapters.wto_accession.model import WtoAccession


def busiest_years(spans: pd.DataFrame, width: int = 4) -> tuple[int, int]:
    """The `width`-year window holding the most milestones (the earliest such window)."""
    years = spans["first"].map(lambda day: day.year)
    windows = {start: int(years.between(start, start + width - 1).sum())
               for start in range(years.min(), years.max() + 1)}
    start = max(windows, key=lambda y: (windows[y], -y))
    return start, start + width - 1


def timeline_alt(m: WtoAccession) -> Text:
    spans, pause = m.spans, m.pause
    counts = spans["category"].value_counts()
    lanes = "; ".join(f"{lane.label.replace(chr(10), ' ').lower()}: {counts.get(c, 0)}"
                      for c, lane in LANES.items())
    partial = int((spans["kind"] == "partial").sum())
    busiest = busiest_years(spans)
    english = (
        f"Timeline of {len(spans)} dated milestones of Belarus's WTO accession from "
        f"{spans['first'].min().year} to {spans['last'].max().year}, in six lanes "
        f"({lanes}). {partial} milestones are known only to the month or year and are "
        f"drawn as hollow markers with a bar over the possible period. The longest gap "
        f"between numbered working-party meetings, {pause['years']:.1f} years, separates "
        f"meeting {pause['from_meeting']} ({format_for_people(pause['from_date'])}) from "
        f"meeting {pause['to_meeting']} ({format_for_people(pause['to_date'])}); most "
        f"milestones fall between {busiest[0]} and {busiest[1]}.")
    lanes_ru = "; ".join(f"{lane.one_line('ru')[0].lower()}{lane.one_line('ru')[1:]}: "
                         f"{RU.number(counts.get(c, 0))}" for c, lane in LANES.items())
    russian = (
        "Временная шкала: "
        + ru_count(len(spans), "датированный этап", "датированных этапа",
                   "датированных этапов")
        + f" присоединения Беларуси к ВТО с {spans['first'].min().year} по "
        f"{spans['last'].max().year}{YEAR} в шести категориях ({lanes_ru}). "
        f"{RU.count(partial, 'milestone')} {forms(partial, 'известен', 'известны', 'известны')} "
        "лишь с точностью до месяца или года и "
        f"{forms(partial, 'показан', 'показаны', 'показаны')} незакрашенным маркером с "
        "полосой на весь возможный период. Самый длинный промежуток между формальными "
        f"заседаниями Рабочей группы — {ru_years(pause['years'])} — отделяет заседание "
        f"{pause['from_meeting']} ({RU.date(pause['from_date'])}) от заседания "
        f"{pause['to_meeting']} ({RU.date(pause['to_date'])}); больше всего этапов приходится "
        f"на {busiest[0]}–{busiest[1]}{YEARS}")
    return Text(english, russian)


def rhythm_alt(m: WtoAccession) -> Text:
    per_year, intervals, pause = m.per_year, m.intervals, m.pause
    busiest = per_year.loc[per_year["numbered"].idxmax()]
    shortest = intervals.loc[intervals["months"].idxmin()]
    numbered, informal = per_year["numbered"].sum(), per_year["informal"].sum()
    english = (
        f"Two panels. Top: numbered working-party meetings per year, "
        f"{per_year['year'].min()} to {per_year['year'].max()}, {numbered} in all, at most "
        f"{busiest['numbered']} in a year (first in {busiest['year']}), with {informal} "
        f"informal rounds shown separately. Bottom: months between "
        f"consecutive meetings, from {shortest['months']:.0f} months "
        f"(meetings {shortest['from_meeting']} to {shortest['to_meeting']}) to "
        f"{pause['months']:.0f} months (meetings {pause['from_meeting']} to "
        f"{pause['to_meeting']}).")
    russian = (
        "Две панели. Вверху: формальные заседания Рабочей группы по годам, с "
        f"{per_year['year'].min()} по {per_year['year'].max()}{YEAR}, всего "
        f"{RU.number(numbered)}, не более {RU.number(busiest['numbered'])} в год (впервые — в "
        f"{busiest['year']}{YEAR}); отдельно показаны неформальные раунды: {RU.number(informal)}. "
        "Внизу: число месяцев между соседними заседаниями — от "
        f"{ru_decimal(shortest['months'], 0)} (между заседаниями {shortest['from_meeting']} и "
        f"{shortest['to_meeting']}) до {ru_decimal(pause['months'], 0)} (между заседаниями "
        f"{pause['from_meeting']} и {pause['to_meeting']}).")
    return Text(english, russian)


def membership_alt(m: WtoAccession) -> Text:
    first, last = m.growth.iloc[0], m.growth.iloc[-1]
    undated = len(m.undated_members)
    stated = "; ".join(f"{r.value} ({format_for_people(r.as_of)})"
                       for r in m.reported.itertuples(index=False))
    english = (
        f"Step chart of WTO members with a known membership date, from "
        f"{first['dated_members']} at the end of {first['year']} to "
        f"{last['dated_members']} in {last['year']}, with a dotted line adding the "
        f"{undated} members whose date no source gives. Counts stated by "
        f"sources are marked: {stated}.")
    stated_ru = "; ".join(f"{RU.number(r.value)} ({RU.date(r.as_of)})"
                          for r in m.reported.itertuples(index=False))
    russian = (
        "Ступенчатый график числа членов ВТО с известной датой вступления: от "
        f"{RU.number(first['dated_members'])} на конец {first['year']}{YEAR} до "
        f"{RU.number(last['dated_members'])} в {last['year']}{YEAR}; пунктирная линия показывает "
        f"число с учетом {RU.number(undated)} {forms(undated, 'члена', 'членов', 'членов')}, "
        "дату вступления которых не указывает ни один источник. Отмечены числа, приводимые "
        f"источниками: {stated_ru}.")
    return Text(english, russian)


def duration_alt(m: WtoAccession) -> Text:
    durations, rank = m.durations, m.headline
    longest = durations.iloc[0]
    completed = durations[~durations["still_acceding"]]
    english = (
        f"Horizontal bars for {len(durations)} accessions, longest first: "
        f"{len(completed)} completed (from {completed['years'].min():.1f} to "
        f"{completed['years'].max():.1f} years) and {rank['of_open']} still open, drawn "
        f"hatched up to the report date. Belarus has waited {m.own_duration:.1f} years, "
        f"rank {rank['rank']} of {rank['of']}; the longest is {longest['government']} at "
        f"{longest['years']:.1f} years. {len(m.excluded)} accessions without an application "
        f"date are left out.")
    excluded = len(m.excluded)
    russian = (
        f"Горизонтальные полосы для {RU.number(len(durations))} "
        f"{forms(len(durations), 'присоединения', 'присоединений', 'присоединений')}, от самого "
        f"долгого: {ru_count(len(completed), 'завершенное', 'завершенных', 'завершенных')} (от "
        f"{ru_decimal(completed['years'].min())} до {ru_years(completed['years'].max())}) и "
        f"{ru_count(rank['of_open'], 'незавершенное', 'незавершенных', 'незавершенных')}, "
        "заштрихованных до даты доклада. Беларусь ждет уже "
        f"{ru_years(m.own_duration)} — {RU.ordinal(rank['rank'])} место из "
        f"{RU.number(rank['of'])}; дольше всех — {ru_name(m, longest['government'])}, "
        f"{ru_years(longest['years'])}. {RU.count(excluded, 'accession')} без даты заявки "
        f"не {forms(excluded, 'показано', 'показаны', 'показаны')}.")
    return Text(english, russian)
