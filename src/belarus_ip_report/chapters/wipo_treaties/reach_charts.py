"""The WIPO chapter's charts of how far the treaties reach and of Belarus's cooperation with
WIPO: contracting parties per treaty, their growth over time, the cooperation timeline. Each
draws every word in `lang` (English or Russian)."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from belarus_ip_report.chapters import figures as charts
from belarus_ip_report.chapters.figures import Chart
from belarus_ip_report.chapters.language import Speaker
from belarus_ip_report.chapters.prose import short_label
from belarus_ip_report.chapters.wipo_treaties import alt_text, model
from belarus_ip_report.chapters.wipo_treaties.belarus import cooperation_events
from belarus_ip_report.chapters.wipo_treaties.fields import FIELDS
from belarus_ip_report.chapters.wipo_treaties.model import WipoTreaties
from belarus_ip_report.chapters.wipo_treaties.names import treaty_names
from belarus_ip_report.foundation.dates import PartialDate, decimal_year

#: The kinds of Belarus–WIPO events as the cooperation chart's legend names them in Russian.
EVENT_LABELS_RU = {"membership": "Членство", "treaty_instrument": "Шаг по договору",
                   "agreement": "Соглашение", "memorandum": "Меморандум", "visit": "Визит",
                   "statement": "Заявление"}


def reach(m: WipoTreaties, lang: str = "en") -> Chart:
    """Contracting parties of every treaty on the model's date, by field; a treaty not yet in
    force is drawn hollow (its parties are the instruments deposited so far)."""
    ru = lang == "ru"
    data = m.reach
    fig, ax = plt.subplots(figsize=(8, 0.25 * len(data) + 1.8))
    for position, row in enumerate(data.itertuples(index=False)):
        style = FIELDS[row.field]
        drawn = row.parties_count if row.in_force else row.instruments_deposited
        ax.barh(position, drawn, color=style.colour if row.in_force else "white",
                edgecolor="white" if row.in_force else style.colour,
                hatch=style.hatch if row.in_force else "xx", linewidth=1)
        mark = ("   ● Беларусь" if ru else "   ● Belarus") if row.belarus_party else ""
        label = (f"{drawn}{mark}" if row.in_force
                 else f"сдано документов: {drawn}" if ru
                 else f"{drawn} instruments deposited")
        ax.text(drawn + 2, position, label, va="center", fontsize=7.5)
    names = data["treaty"].map(treaty_names(m, lang))
    if ru:  # the longer Russian names on two lines, so the axes keep their width
        names = names.map(lambda name: textwrap.fill(name, 36))
    ax.set_yticks(range(len(data)), names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, data["parties_count"].max() + 45)
    title, source = charts.titled(
        fig, ax, "Сколько государств связывает каждый договор ВОИС" if ru
        else "How many states each WIPO treaty binds",
        charts.source_text(parties_cited(m), m.sources, lang=lang), lang)
    on = Speaker(lang).date(m.as_of)
    ax.set_xlabel(f"Договаривающиеся стороны на {on}" if ru
                  else f"Contracting parties in force on {on}")
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=s.colour, hatch=s.hatch,
                             edgecolor="white", label=s.name(lang)) for s in FIELDS.values()]
    if not data["in_force"].all():
        handles.append(plt.Rectangle((0, 0), 1, 1, facecolor="white", edgecolor="#333333",
                                     hatch="xx",
                                     label="Еще не в силе: сдано документов" if ru
                                     else "Not yet in force: instruments deposited"))
    ax.legend(handles=handles, loc="center right", fontsize=8)
    ax.grid(axis="y", visible=False)
    return Chart("01-treaty-reach", fig, title, alt_text.reach_alt(m)[lang], source, data)


def parties_cited(m: WipoTreaties) -> pd.DataFrame:
    """The dated rows the model counts, with their source in the `source_ids` form that
    `figures.source_text` reads."""
    return m.parties.assign(source_ids=m.parties["source_id"])


def party_growth(m: WipoTreaties, lang: str = "en") -> Chart:
    """Contracting parties of a few treaties at the end of each year: how the founding
    conventions and the newer systems spread. Each line is labelled at its end (not by colour
    alone) and has its own line style."""
    ru = lang == "ru"
    data = m.party_growth
    shown_name = treaty_names(m, lang)
    fig, ax = plt.subplots(figsize=(8, 4.8))
    styles = ["-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1))]
    names = [c for c in data.columns if c != "year"]
    ends = []
    for position, name in enumerate(names):
        shown = data[data[name] > 0]
        if shown.empty:
            continue
        line = ax.step(shown["year"], shown[name], where="post", linewidth=1.8,
                       linestyle=styles[position % len(styles)])[0]
        last = shown.iloc[-1]
        ends.append((int(last[name]), name, line.get_color()))
    # End labels, top down, kept at least `gap` parties apart so that none hides another.
    gap, floor = 9, None
    for value, name, colour in sorted(ends, reverse=True):
        y = value if floor is None else min(value, floor - gap)
        floor = y
        ax.text(data["year"].max() + 1, y, f"{shown_name[name]} {value}", fontsize=7.5,
                va="center", color=colour)
    ax.set_xlim(data["year"].min(), data["year"].max() + 24)
    ax.set_xticks([year for year in ax.get_xticks() if year <= data["year"].max()])
    drawn = parties_cited(m)
    drawn = drawn[drawn["treaty_id"].isin(model.GROWTH_TREATIES)]
    title, source = charts.titled(
        fig, ax, "Как росло число участников основных договоров" if ru
        else "How far the main treaties reach: contracting parties over time",
        charts.source_text(drawn, m.sources, lang=lang), lang)
    on = Speaker(lang).date(m.as_of)
    ax.set_xlabel(f"Год (стороны на конец каждого года; последнее значение — на {on})" if ru
                  else f"Year (parties in force at the end of each year; the last on {on})")
    ax.set_ylabel("Договаривающиеся стороны" if ru else "Contracting parties")
    return Chart("01-treaty-parties-growth", fig, title, alt_text.party_growth_alt(m)[lang],
                 source, data)


def cooperation(m: WipoTreaties, lang: str = "en") -> Chart:
    """Belarus–WIPO cooperation beyond membership, one row per event, newest at the bottom;
    each label is the event's date and its description from the data, shortened."""
    ru = lang == "ru"
    speaker = Speaker(lang)
    recent = cooperation_events(m.events)
    fig, ax = plt.subplots(figsize=(8, 0.36 * len(recent) + 1.5))
    markers = {"treaty_instrument": "s", "agreement": "^", "memorandum": "D", "visit": "v"}
    colours = {"treaty_instrument": charts.ORANGE, "agreement": charts.RED,
               "memorandum": charts.PURPLE, "visit": charts.BROWN}
    dates = recent["date"]
    first, last = dates.min().year, dates.max().year
    middle = (first + last + 1) / 2
    shown = set()
    described = recent["description_ru" if ru else "description"]
    for position, (row, when, description) in enumerate(zip(
            recent.itertuples(index=False), dates, described, strict=True)):
        y = len(recent) - position
        x = decimal_year(when.midpoint)
        kind = (EVENT_LABELS_RU[row.category] if ru
                else row.category.replace("_", " ").capitalize())
        label = kind if row.category not in shown else None
        shown.add(row.category)
        colour = colours.get(row.category, charts.GREY)
        ax.plot([x], [y], marker=markers.get(row.category, "o"), color=colour, markersize=7,
                linestyle="none", label=label,
                markerfacecolor=colour if when.precision == "day" else "white")
        end = row.date_end if isinstance(row.date_end, PartialDate) else None
        text = f"{speaker.date(row.date, end)}: {short_text(description)}"
        text = text[0].upper() + text[1:]  # a Russian month's name starts a label
        right = x < middle
        ax.text(x + (0.3 if right else -0.3), y, text, fontsize=7, va="center",
                ha="left" if right else "right")
    ax.set_xlim(first - 0.5, last + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0.3, len(recent) + 0.9)
    ax.set_yticks([])
    ax.grid(axis="y", visible=False)
    title, source = charts.titled(
        fig, ax, f"Беларусь и ВОИС, {first}–{last}\u202fгг.: визиты, соглашения и шаги по "
        "договорам" if ru
        else f"Belarus and WIPO, {first}–{last}: visits, agreements and treaty steps",
        charts.source_text(recent, m.sources, lang=lang), lang)
    ax.set_xlabel("Год (полый маркер: известен только месяц)" if ru
                  else "Year (hollow marker: only the month is known)")
    ax.legend(loc="upper center", fontsize=7.5, ncols=4, bbox_to_anchor=(0.5, -0.16),
              frameon=False)
    return Chart("01-wipo-cooperation", fig, title, alt_text.cooperation_alt(m)[lang], source,
                 recent)


def short_text(text: str, limit: int = 62) -> str:
    """A description cut at a word to fit beside its marker."""
    return short_label(text.split(";")[0].split(":")[0].strip(), limit)
