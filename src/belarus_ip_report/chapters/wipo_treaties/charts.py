"""The WIPO chapter's charts of the treaty system and Belarus's path in it: treaty growth,
Belarus's participation, accession lag. Each draws every word in `lang` (English or Russian);
the reach of the treaties and Belarus's cooperation with WIPO are in `reach_charts`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from belarus_ip_report.chapters import figures as charts
from belarus_ip_report.chapters.figures import Chart
from belarus_ip_report.chapters.language import RU, Speaker, plural
from belarus_ip_report.chapters.wipo_treaties import alt_text
from belarus_ip_report.chapters.wipo_treaties.belarus import (
    belarus_parties,
    continuity_date,
    participation_moments,
)
from belarus_ip_report.chapters.wipo_treaties.fields import FIELDS
from belarus_ip_report.chapters.wipo_treaties.model import WipoTreaties
from belarus_ip_report.chapters.wipo_treaties.names import treaty_names
from belarus_ip_report.chapters.wipo_treaties.system import years_count_held
from belarus_ip_report.chapters.wipo_treaties.words_belarus import years_ru


def growth(m: WipoTreaties, lang: str = "en") -> Chart:
    """Treaties by year of adoption and field; the Foreign Ministry page's count is marked where
    the total held it."""
    ru = lang == "ru"
    growth, treaties, as_of = m.growth, m.treaties, m.as_of
    document_count = m.ministry["administered"]
    fig, ax = plt.subplots(figsize=(8, 4.8))
    years = growth["year"]
    first = int(years.min())
    bottom = pd.Series(0, index=growth.index)
    for field, style in FIELDS.items():
        ax.fill_between(years, bottom, bottom + growth[field], step="post", color=style.colour,
                        alpha=0.85, hatch=style.hatch, edgecolor="white", linewidth=0,
                        label=(f"{style.name(lang)} (приняты)" if ru
                               else f"{style.label} (adopted)"))
        bottom = bottom + growth[field]
    ax.step(years, growth["in_force_total"], where="post", color="black", linewidth=1.6,
            linestyle="--", label="Действуют (все области)" if ru else "In force (all fields)")
    held = years_count_held(growth, document_count)
    if held:
        ax.axvspan(held[0], held[1] + 1, color="#dddddd", alpha=0.6, zorder=0)
        note = (f"{RU.count(document_count, 'treaty')} — число со страницы\n"
                f"МИД ({held[0]}–{held[1]}\u202fгг.)" if ru else
                f"{document_count} treaties, the count in the Foreign\n"
                f"Ministry page ({held[0]}–{held[1]})")
        ax.annotate(note, xy=(held[0], document_count),
                    # The Russian legend is wider: its note goes lower, clear of it.
                    xytext=(held[0] - (held[0] - first) * 0.68,
                            document_count - (6 if ru else 2)),
                    fontsize=8, arrowprops={"arrowstyle": "->", "color": "#333333"})
    last = growth.iloc[-1]
    adopted, in_force = int(last["adopted_total"]), int(last["in_force_total"])
    ax.annotate(f"принято: {adopted},\nдействуют: {in_force}" if ru
                else f"{adopted} adopted,\n{in_force} in force",
                xy=(last["year"], last["adopted_total"]), xytext=(last["year"] - 12, 30),
                fontsize=8, ha="right", arrowprops={"arrowstyle": "->", "color": "#333333"})
    ax.set_xlim(first, as_of.year + 1)
    ax.set_ylim(0, max(growth["adopted_total"].max(), document_count) + 4)
    title, source = charts.titled(
        fig, ax, f"Система договоров ВОИС выросла от одной конвенции до {adopted}" if ru
        else f"The WIPO treaty system grew from one convention to {adopted}",
        charts.source_text(treaties, m.sources, lang=lang), lang)
    ax.set_xlabel("Год" if ru else "Year")
    ax.set_ylabel("Договоры (нарастающим итогом)" if ru else "Treaties (cumulative)")
    ax.legend(loc="upper left")
    return Chart("01-treaty-growth", fig, title, alt_text.growth_alt(m)[lang], source, growth)


def participation(m: WipoTreaties, lang: str = "en") -> Chart:
    ru = lang == "ru"
    participation, treaties, as_of, events = m.participation, m.treaties, m.as_of, m.events
    fig, ax = plt.subplots(figsize=(8, 4.8))
    years = participation["year"]
    ax.step(years, participation["in_force_worldwide"], where="post", color=charts.GREY,
            linewidth=2, linestyle="--",
            label="Действующие договоры ВОИС в мире" if ru
            else "WIPO treaties in force worldwide")
    ax.step(years, participation["in_force_for_belarus"], where="post", color=charts.BLUE,
            linewidth=2.4, label="Действуют для Беларуси (дата известна)" if ru
            else "In force for Belarus (date known)")
    parties = belarus_parties(treaties)
    undated = int(parties["belarus_in_force"].isna().sum())
    if ru:
        forms = ("договора", "договоров", "договоров")
        marker = (f"Беларусь в {as_of.year}\u202fг.: участница {len(parties)} "
                  f"{plural(len(parties), ('', ''), forms, 'ru')}"
                  + (f", из них без даты: {undated}" if undated else ""))
    else:
        undated_note = f", {undated} of them with no date found" if undated else ""
        marker = f"Belarus a party in {as_of.year}: {len(parties)} treaties{undated_note}"
    ax.plot([as_of.year], [len(parties)], marker="D", markersize=7, color=charts.RED,
            linestyle="none", label=marker)
    moments = participation_moments(treaties)
    first, last_year = moments["continued"][:2]
    span = f"{first}–{str(last_year)[-2:]}" if last_year != first else f"{first}"
    span_ru = f"{first}–{last_year}\u202fгг." if last_year != first else f"{first}\u202fг."
    membership, newest = moments["membership"][0], moments["newest"]
    newest_name = treaty_names(m, "ru")[newest[2]] if ru else newest[2]
    notes = [  # (year marked, label, label's offset in years and in treaties)
        (membership, f"{membership}\u202fг.: Белорусская ССР\nстановится членом ВОИС" if ru
         else f"{membership}: the Byelorussian SSR\nbecomes a WIPO member", 1, 3),
        (first, f"{span_ru}: независимая Беларусь\nпродолжает применять\nдоговоры СССР" if ru
         else f"{span}: independent Belarus\ncontinues the USSR's treaties", 1, 5),
        (newest[0], f"{newest[0]}{chr(0x202f) + 'г.' if ru else ''}: {newest_name}", -14, -1.5),
    ]
    for year, text, dx, dy in notes:
        value = int(participation.loc[participation["year"] == year,
                                      "in_force_for_belarus"].iloc[0])
        ax.annotate(text, xy=(year, value), xytext=(year + dx, value + dy),
                    fontsize=8, arrowprops={"arrowstyle": "->", "color": "#333333"})
    ax.set_xlim(years.min(), as_of.year + 1)
    ax.set_ylim(0, participation["in_force_worldwide"].max() + 3)
    title, source = charts.titled(
        fig, ax, "Беларусь участвует в большинстве действующих договоров ВОИС" if ru
        else "Belarus is party to most WIPO treaties in force",
        charts.source_text(pd.concat([treaties, events]), m.sources, lang=lang), lang)
    ax.set_xlabel("Год" if ru else "Year")
    ax.set_ylabel("Действующие договоры (нарастающим итогом)" if ru
                  else "Treaties in force (cumulative)")
    ax.legend(loc="upper left")
    return Chart("01-belarus-participation", fig, title, alt_text.participation_alt(m)[lang],
                 source, participation)


def lag(m: WipoTreaties, lang: str = "en") -> Chart:
    ru = lang == "ru"
    lags, treaties = m.lags, m.treaties
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(lags) + 1.6))
    for position, row in enumerate(lags.itertuples(index=False)):
        colour, hatch = FIELDS[row.field].colour, FIELDS[row.field].hatch
        if row.from_the_start:
            ax.plot([0], [position], marker="o", color=colour, markersize=7,
                    markeredgecolor="#333333")
            ax.text(0.5, position, "с самого начала" if ru else "from the start",
                    va="center", fontsize=8)
            continue
        ax.barh(position, row.lag_years, color=colour, hatch=hatch, edgecolor="white")
        ax.text(row.lag_years + 0.3, position,
                years_ru(row.lag_years) if ru else f"{row.lag_years:.1f} years", va="center",
                fontsize=8)
    ax.set_yticks(range(len(lags)), lags["treaty"].map(treaty_names(m, lang)), fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlim(-0.5, lags["lag_years"].max() + 4)
    title, source = charts.titled(
        fig, ax, "Сколько лет Беларусь шла к каждому договору" if ru
        else "How long Belarus took to join each treaty",
        charts.source_text(belarus_parties(treaties), m.sources, lang=lang), lang)
    continuity = Speaker(lang).date(continuity_date(treaties))
    ax.set_xlabel(f"Годы с момента вступления договора в силу (или с {continuity})" if ru
                  else f"Years from the treaty's entry into force (or from {continuity})")
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=s.colour, hatch=s.hatch,
                             edgecolor="white", label=s.name(lang))
               for f, s in FIELDS.items() if f in set(lags["field"])]
    ax.legend(handles=handles, loc="upper right")
    ax.grid(axis="y", visible=False)
    return Chart("01-accession-lag", fig, title, alt_text.lag_alt(m)[lang], source, lags)
