"""The WIPO chapter's charts: treaty growth, Belarus's participation, accession lag, reach.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

from belarus_ip_report.chapters import figures as charts
from belarus_ip_report.chapters.figures import Chart
from belarus_ip_report.chapters.prose import short_label
from belarus_ip_report.chapters.wipo_treaties import model, words
from belarus_ip_report.chapters.wipo_treaties.belarus import (
    belarus_parties,
    continuity_date,
    cooperation_events,
    participation_moments,
)
from belarus_ip_report.chapters.wipo_treaties.fields import FIELDS
from belarus_ip_report.chapters.wipo_treaties.model import WipoTreaties
from belarus_ip_report.chapters.wipo_treaties.system import years_count_held
from belarus_ip_report.foundation.dates import PartialDate, decimal_year, format_for_people


def growth(m: WipoTreaties) -> Chart:
    """Treaties by year of adoption and field; the Foreign Ministry page's count is marked where
    the total held it."""
    growth, treaties, as_of = m.growth, m.treaties, m.as_of
    document_count = m.ministry["administered"]
    fig, ax = plt.subplots(figsize=(8, 4.8))
    years = growth["year"]
    first = int(years.min())
    bottom = pd.Series(0, index=growth.index)
    for field, style in FIELDS.items():
        ax.fill_between(years, bottom, bottom + growth[field], step="post", color=style.colour,
                        alpha=0.85, hatch=style.hatch, edgecolor="white", linewidth=0,
                        label=f"{style.label} (adopted)")
        bottom = bottom + growth[field]
    ax.step(years, growth["in_force_total"], where="post", color="black", linewidth=1.6,
            linestyle="--", label="In force (all fields)")
    held = years_count_held(growth, document_count)
    if held:
        ax.axvspan(held[0], held[1] + 1, color="#dddddd", alpha=0.6, zorder=0)
        ax.annotate(f"{document_count} treaties, the count in the Foreign\n"
                    f"Ministry page ({held[0]}–{held[1]})",
                    xy=(held[0], document_count),
                    xytext=(held[0] - (held[0] - first) * 0.68, document_count - 2),
                    fontsize=8, arrowprops={"arrowstyle": "->", "color": "#333333"})
    last = growth.iloc[-1]
    ax.annotate(f"{int(last['adopted_total'])} adopted,\n{int(last['in_force_total'])} in force",
                xy=(last["year"], last["adopted_total"]), xytext=(last["year"] - 12, 30),
                fontsize=8, ha="right", arrowprops={"arrowstyle": "->", "color": "#333333"})
    ax.set_xlim(first, as_of.year + 1)
    ax.set_ylim(0, max(growth["adopted_total"].max(), document_count) + 4)
    title, source = charts.titled(
        fig, ax, f"The WIPO treaty system grew from one convention to "
                 f"{int(last['adopted_total'])}", charts.source_text(treaties, m.sources))
    ax.set_xlabel("Year")
    ax.set_ylabel("Treaties (cumulative)")
    ax.legend(loc="upper left")
    return Chart("01-treaty-growth", fig, title, words.growth_alt(m), source, growth)


def participation(m: WipoTreaties) -> Chart:
    participation, treaties, as_of, events = m.participation, m.treaties, m.as_of, m.events
    fig, ax = plt.subplots(figsize=(8, 4.8))
    years = participation["year"]
    ax.step(years, participation["in_force_worldwide"], where="post", color=charts.GREY,
            linewidth=2, linestyle="--", label="WIPO treaties in force worldwide")
    ax.step(years, participation["in_force_for_belarus"], where="post", color=charts.BLUE,
            linewidth=2.4, label="In force for Belarus (date known)")
    parties = belarus_parties(treaties)
    undated = int(parties["belarus_in_force"].isna().sum())
    undated_note = f", {undated} of them with no date found" if undated else ""
    ax.plot([as_of.year], [len(parties)], marker="D", markersize=7, color=charts.RED,
            linestyle="none", label=f"Belarus a party in {as_of.year}: {len(parties)} treaties"
                                    f"{undated_note}")
    moments = participation_moments(treaties)
    first, last_year = moments["continued"][:2]
    span = f"{first}–{str(last_year)[-2:]}" if last_year != first else f"{first}"
    notes = [  # (year marked, label, label's offset in years and in treaties)
        (moments["membership"][0], f"{moments['membership'][0]}: the Byelorussian SSR\n"
         f"becomes a WIPO member", 1, 3),
        (first, f"{span}: independent Belarus\ncontinues the USSR's treaties", 1, 5),
        (moments["newest"][0], f"{moments['newest'][0]}: {moments['newest'][2]}", -14, -1.5),
    ]
    for year, text, dx, dy in notes:
        value = int(participation.loc[participation["year"] == year,
                                      "in_force_for_belarus"].iloc[0])
        ax.annotate(text, xy=(year, value), xytext=(year + dx, value + dy),
                    fontsize=8, arrowprops={"arrowstyle": "->", "color": "#333333"})
    ax.set_xlim(years.min(), as_of.year + 1)
    ax.set_ylim(0, participation["in_force_worldwide"].max() + 3)
    title, source = charts.titled(
        fig, ax, "Belarus is party to most WIPO treaties in force",
        charts.source_text(pd.concat([treaties, events]), m.sources))
    ax.set_xlabel("Year")
    ax.set_ylabel("Treaties in force (cumulative)")
    ax.legend(loc="upper left")
    return Chart("01-belarus-participation", fig, title, words.participation_alt(m), source,
                 participation)


def lag(m: WipoTreaties) -> Chart:
    lags, treaties = m.lags, m.treaties
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(lags) + 1.6))
    for position, row in enumerate(lags.itertuples(index=False)):
        colour, hatch = FIELDS[row.field].colour, FIELDS[row.field].hatch
        if row.from_the_start:
            ax.plot([0], [position], marker="o", color=colour, markersize=7,
                    markeredgecolor="#333333")
            ax.text(0.5, position, "from the start", va="center", fontsize=8)
            continue
        ax.barh(position, row.lag_years, color=colour, hatch=hatch, edgecolor="white")
        ax.text(row.lag_years + 0.3, position, f"{row.lag_years:.1f} years", va="center",
                fontsize=8)
    ax.set_yticks(range(len(lags)), lags["treaty"], fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlim(-0.5, lags["lag_years"].max() + 4)
    title, source = charts.titled(fig, ax, "How long Belarus took to join each treaty",
                                  charts.source_text(belarus_parties(treaties), m.sources))
    continuity = format_for_people(continuity_date(treaties))
    ax.set_xlabel(f"Years from the treaty's entry into force (or from {continuity})")
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=s.colour, hatch=s.hatch,
                             edgecolor="white", label=s.label)
               for f, s in FIELDS.items() if f in set(lags["field"])]
    ax.legend(handles=handles, loc="upper right")
    ax.grid(axis="y", visible=False)
    return Chart("01-accession-lag", fig, title, words.lag_alt(m), source, lags)


def reach(m: WipoTreaties) -> Chart:
    """Contracting parties of every treaty on the model's date, by field; a treaty not yet in
    force is drawn hollow (its parties are the instruments deposited so far)."""
    data = m.reach
    fig, ax = plt.subplots(figsize=(8, 0.25 * len(data) + 1.8))
    for position, row in enumerate(data.itertuples(index=False)):
        style = FIELDS[row.field]
        drawn = row.parties_count if row.in_force else row.instruments_deposited
        ax.barh(position, drawn, color=style.colour if row.in_force else "white",
                edgecolor="white" if row.in_force else style.colour,
                hatch=style.hatch if row.in_force else "xx", linewidth=1)
        mark = "   ● Belarus" if row.belarus_party else ""
        label = f"{drawn}{mark}" if row.in_force else f"{drawn} instruments deposited"
        ax.text(drawn + 2, position, label, va="center", fontsize=7.5)
    ax.set_yticks(range(len(data)), data["treaty"], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, data["parties_count"].max() + 45)
    title, source = charts.titled(fig, ax, "How many states each WIPO treaty binds",
                                  charts.source_text(parties_cited(m), m.sources))
    ax.set_xlabel(f"Contracting parties in force on {format_for_people(m.as_of)}")
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=s.colour, hatch=s.hatch,
                             edgecolor="white", label=s.label) for s in FIELDS.values()]
    if not data["in_force"].all():
        handles.append(plt.Rectangle((0, 0), 1, 1, facecolor="white", edgecolor="#333333",
                                     hatch="xx", label="Not yet in force: instruments deposited"))
    ax.legend(handles=handles, loc="center right", fontsize=8)
    ax.grid(axis="y", visible=False)
    return Chart("01-treaty-reach", fig, title, words.reach_alt(m), source, data)


def parties_cited(m: WipoTreaties) -> pd.DataFrame:
    """The dated rows the model counts, with their source in the `source_ids` form that
    `figures.source_text` reads."""
    return m.parties.assign(source_ids=m.parties["source_id"])


def party_growth(m: WipoTreaties) -> Chart:
    """Contracting parties of a few treaties at the end of each year: how the founding
    conventions and the newer systems spread. Each line is labelled at its end (not by colour
    alone) and has its own line style."""
    data = m.party_growth
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
        ax.text(data["year"].max() + 1, y, f"{name} {value}", fontsize=7.5, va="center",
                color=colour)
    ax.set_xlim(data["year"].min(), data["year"].max() + 24)
    ax.set_xticks([year for year in ax.get_xticks() if year <= data["year"].max()])
    drawn = parties_cited(m)
    drawn = drawn[drawn["treaty_id"].isin(model.GROWTH_TREATIES)]
    title, source = charts.titled(fig, ax, "How far the main treaties reach: contracting "
                                  "parties over time", charts.source_text(drawn, m.sources))
    ax.set_xlabel(f"Year (parties in force at the end of each year; the last on "
                  f"{format_for_people(m.as_of)})")
    ax.set_ylabel("Contracting parties")
    return Chart("01-treaty-parties-growth", fig, title, words.party_growth_alt(m), source, data)


def cooperation(m: WipoTreaties) -> Chart:
    """Belarus–WIPO cooperation beyond membership, one row per event, newest at the bottom;
    each label is the event's date and its description from the data, shortened."""
    recent = cooperation_events(m.events)
    fig, ax = plt.subplots(figsize=(8, 0.36 * len(recent) + 1.5))
    markers = {"treaty_instrument": "s", "agreement": "^", "memorandum": "D", "visit": "v"}
    colours = {"treaty_instrument": charts.ORANGE, "agreement": charts.RED,
               "memorandum": charts.PURPLE, "visit": charts.BROWN}
    dates = recent["date"]
    first, last = dates.min().year, dates.max().year
    middle = (first + last + 1) / 2
    shown = set()
    for position, (row, when) in enumerate(zip(recent.itertuples(index=False), dates,
                                               strict=True)):
        y = len(recent) - position
        x = decimal_year(when.midpoint)
        label = row.category.replace("_", " ").capitalize() if row.category not in shown \
            else None
        shown.add(row.category)
        colour = colours.get(row.category, charts.GREY)
        ax.plot([x], [y], marker=markers.get(row.category, "o"), color=colour, markersize=7,
                linestyle="none", label=label,
                markerfacecolor=colour if when.precision == "day" else "white")
        end = row.date_end if isinstance(row.date_end, PartialDate) else None
        text = f"{format_for_people(row.date, end)}: {short_text(row.description)}"
        right = x < middle
        ax.text(x + (0.3 if right else -0.3), y, text, fontsize=7, va="center",
                ha="left" if right else "right")
    ax.set_xlim(first - 0.5, last + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0.3, len(recent) + 0.9)
    ax.set_yticks([])
    ax.grid(axis="y", visible=False)
    title, source = charts.titled(
        fig, ax, f"Belarus and WIPO, {first}–{last}: visits, agreements and treaty steps",
        charts.source_text(recent, m.sources))
    ax.set_xlabel("Year (hollow marker: only the month is known)")
    ax.legend(loc="upper center", fontsize=7.5, ncols=4, bbox_to_anchor=(0.5, -0.16),
              frameon=False)
    return Chart("01-wipo-cooperation", fig, title, words.cooperation_alt(m), source, recent)


def short_text(text: str, limit: int = 62) -> str:
    """A description cut at a word to fit beside its marker."""
    return short_label(text.split(";")[0].split(":")[0].strip(), limit)
