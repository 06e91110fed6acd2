"""The WIPO chapter's charts: treaty growth, Belarus's participation, accession lag, reach.
"""

from __future__ import annotations

from datetime import date

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from belarus_ip_report.chapters import figures as charts
from belarus_ip_report.chapters.prose import short_label
from belarus_ip_report.chapters.wipo_treaties.model import (
    belarus_parties,
    continuity_date,
    cooperation_events,
    participation_moments,
    years_count_held,
)
from belarus_ip_report.chapters.wipo_treaties.words import FIELD_LABELS
from belarus_ip_report.foundation.dates import PartialDate, decimal_year, format_for_people

FIELD_STYLE = {  # colour, hatch: fields differ by both
    "industrial_property": (charts.BLUE, ""),
    "copyright_and_related_rights": (charts.ORANGE, "//"),
    "wipo_convention": (charts.GREY, ".."),
}


def growth_chart(growth: pd.DataFrame, treaties: pd.DataFrame, as_of: date,
                 document_count: int, sources: pd.DataFrame) -> Figure:
    """`document_count`: the Foreign Ministry page's count, marked where the total held it."""
    fig, ax = plt.subplots(figsize=(8, 4.8))
    years = growth["year"]
    first = int(years.min())
    bottom = pd.Series(0, index=growth.index)
    for field, label in FIELD_LABELS.items():
        colour, hatch = FIELD_STYLE[field]
        ax.fill_between(years, bottom, bottom + growth[field], step="post", color=colour,
                        alpha=0.85, hatch=hatch, edgecolor="white", linewidth=0,
                        label=f"{label} (adopted)")
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
    ax.set_title(f"The WIPO treaty system grew from one convention to "
                 f"{int(last['adopted_total'])}")
    ax.set_xlabel("Year")
    ax.set_ylabel("Treaties (cumulative)")
    ax.legend(loc="upper left")
    charts.add_source_line(fig, charts.source_text(treaties, sources))
    return fig


def participation_chart(participation: pd.DataFrame, treaties: pd.DataFrame, as_of: date,
                        events: pd.DataFrame, sources: pd.DataFrame) -> Figure:
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
    ax.set_title("Belarus is party to most WIPO treaties in force")
    ax.set_xlabel("Year")
    ax.set_ylabel("Treaties in force (cumulative)")
    ax.legend(loc="upper left")
    charts.add_source_line(fig, charts.source_text(pd.concat([treaties, events]), sources))
    return fig


def lag_chart(lags: pd.DataFrame, treaties: pd.DataFrame, sources: pd.DataFrame) -> Figure:
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(lags) + 1.6))
    for position, row in enumerate(lags.itertuples(index=False)):
        colour, hatch = FIELD_STYLE[row.field]
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
    ax.set_title("How long Belarus took to join each treaty")
    continuity = format_for_people(continuity_date(treaties))
    ax.set_xlabel(f"Years from the treaty's entry into force (or from {continuity})")
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=FIELD_STYLE[f][0], hatch=FIELD_STYLE[f][1],
                             edgecolor="white", label=FIELD_LABELS[f])
               for f in FIELD_LABELS if f in set(lags["field"])]
    ax.legend(handles=handles, loc="upper right")
    ax.grid(axis="y", visible=False)
    charts.add_source_line(fig, charts.source_text(belarus_parties(treaties), sources))
    return fig


def reach_chart(reach_data: pd.DataFrame, treaties: pd.DataFrame, as_of_note: str,
                sources: pd.DataFrame) -> Figure:
    fig, ax = plt.subplots(figsize=(8, 0.25 * len(reach_data) + 1.8))
    undated = reach_data["parties_count_as_of"].isna()
    for position, row in enumerate(reach_data.itertuples(index=False)):
        colour, hatch = FIELD_STYLE[row.field]
        dated = isinstance(row.parties_count_as_of, PartialDate)
        ax.barh(position, row.parties_count, color=colour if dated else "white",
                edgecolor="white" if dated else colour, hatch=hatch if dated else "xx",
                linewidth=1)
        mark = "   ● Belarus" if row.belarus_party else ""
        ax.text(row.parties_count + 2, position, f"{row.parties_count}{mark}", va="center",
                fontsize=7.5)
    ax.set_yticks(range(len(reach_data)), reach_data["treaty"], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, reach_data["parties_count"].max() + 45)
    ax.set_title("How many states each WIPO treaty binds")
    ax.set_xlabel(f"Contracting parties ({as_of_note})")
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=FIELD_STYLE[f][0], hatch=FIELD_STYLE[f][1],
                             edgecolor="white", label=FIELD_LABELS[f]) for f in FIELD_LABELS]
    if undated.any():
        handles.append(plt.Rectangle((0, 0), 1, 1, facecolor="white", edgecolor="#333333",
                                     hatch="xx", label="Count from an undated page"))
    ax.legend(handles=handles, loc="center right", fontsize=8)
    ax.grid(axis="y", visible=False)
    counted = treaties.dropna(subset=["parties_count"])
    charts.add_source_line(fig, charts.source_text(counted, sources))
    return fig


def cooperation_timeline_chart(events: pd.DataFrame, sources: pd.DataFrame) -> Figure:
    """Belarus–WIPO cooperation beyond membership, one row per event, newest at the bottom;
    each label is the event's date and its description from the data, shortened."""
    recent = cooperation_events(events)
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
    ax.set_title(f"Belarus and WIPO, {first}–{last}: visits, agreements and treaty steps")
    ax.set_xlabel("Year (hollow marker: only the month is known)")
    ax.legend(loc="upper center", fontsize=7.5, ncols=4, bbox_to_anchor=(0.5, -0.16),
              frameon=False)
    charts.add_source_line(fig, charts.source_text(recent, sources))
    return fig


def short_text(text: str, limit: int = 62) -> str:
    """A description cut at a word to fit beside its marker."""
    return short_label(text.split(";")[0].split(":")[0].strip(), limit)
