"""The WTO chapter's charts: the milestone timeline (drawn in `timeline`), the working party's
rhythm, WTO membership and accession durations, each a `Chart` drawn from the model.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from belarus_ip_report.chapters import figures as charts
from belarus_ip_report.chapters.figures import Chart
from belarus_ip_report.chapters.wto_accession import GOVERNMENT, words
from belarus_ip_report.chapters.wto_accession.membership import membership_chart_data
from belarus_ip_report.chapters.wto_accession.model import (
    SOURCE_DOCUMENT_MEMBER_FIGURE,
    WtoAccession,
)
from belarus_ip_report.chapters.wto_accession.timeline import timeline
from belarus_ip_report.foundation.dates import decimal_year, format_for_people

#: The chapter's four charts, in the order the notebook shows them.
__all__ = ["timeline", "rhythm", "membership", "durations"]

TITLE_RHYTHM = "Belarus's working party: meetings per year and the gaps between them"

def rhythm(m: WtoAccession) -> Chart:
    """Meetings per year, then the months between consecutive numbered meetings."""
    per_year, intervals = m.per_year, m.intervals
    working_party = m.milestones[m.milestones["category"] == "working_party_meeting"]
    source = charts.source_text(working_party, m.sources)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 6.8), height_ratios=[1, 1.15])
    years = per_year["year"]
    top.bar(years, per_year["numbered"], color=charts.RED, width=0.75,
            label="Numbered (formal) meetings")
    top.bar(years, per_year["informal"], bottom=per_year["numbered"], color="white",
            edgecolor=charts.GREY, hatch="///", width=0.75, label="Informal rounds")
    top.set_title(TITLE_RHYTHM)
    top.set_xlabel("Year")
    top.set_ylabel("Meetings")
    top.set_ylim(0, (per_year["numbered"] + per_year["informal"]).max() + 1)
    top.yaxis.get_major_locator().set_params(integer=True)
    top.legend(loc="upper right")
    top.grid(axis="x", visible=False)

    labels = [f"{a}→{b}" for a, b in zip(intervals["from_meeting"], intervals["to_meeting"],
                                         strict=True)]
    positions = range(len(intervals))
    uncertain = intervals["months_max"] - intervals["months_min"] > 0.5
    bottom.bar(positions, intervals["months"], color=charts.BLUE, width=0.65,
               label="Months between meetings")
    errors = [intervals["months"] - intervals["months_min"],
              intervals["months_max"] - intervals["months"]]
    bottom.errorbar([p for p, u in zip(positions, uncertain, strict=True) if u],
                    intervals.loc[uncertain, "months"],
                    yerr=[errors[0][uncertain], errors[1][uncertain]], fmt="none",
                    ecolor="#222222", capsize=3, linewidth=1,
                    label="Possible range (a meeting known only to the month)")
    for position, row in zip(positions, intervals.itertuples(index=False), strict=True):
        bottom.text(position, row.months_max + 2, f"{row.months:.0f}", ha="center",
                    va="bottom", fontsize=7.5)
    bottom.set_xticks(list(positions), labels, fontsize=8)
    bottom.set_xlabel("Between numbered meetings")
    bottom.set_ylabel("Months")
    bottom.set_ylim(0, intervals["months_max"].max() * 1.15 + 4)
    bottom.legend(loc="upper left")
    bottom.grid(axis="x", visible=False)
    charts.add_source_line(fig, source)
    return Chart("02-working-party-rhythm", fig, TITLE_RHYTHM, words.rhythm_alt(m), source,
                 intervals)


def membership(m: WtoAccession) -> Chart:
    """Dated members as a step line, the undated added as a bound, stated counts as markers."""
    steps, reported, undated = m.steps, m.reported, len(m.undated_members)
    wto_start, as_of = m.wto_start, m.as_of
    drawn = m.members.dropna(subset=["membership_date"])
    source = charts.source_text(pd.concat([drawn, reported]), m.sources)
    fig, ax = plt.subplots(figsize=(8, 4.9))
    x = [decimal_year(day) for day in steps["date"]] + [decimal_year(as_of)]
    y = list(steps["dated_members"]) + [int(steps["dated_members"].iloc[-1])]
    ax.step(x, y, where="post", color=charts.BLUE, linewidth=2,
            label="Members with a known date (wto_members)")
    ax.step(x, [v + undated for v in y], where="post", color=charts.BLUE, linewidth=1.2,
            linestyle=":", label=f"Adding the {undated} members with no date in the sources")
    exact = reported[reported["precision"] == "day"]
    ax.plot(exact["x_mid"], exact["value"], marker="D", color=charts.ORANGE, markersize=7,
            markeredgecolor="#333333", linestyle="none", label="Count stated by a source")
    loose = reported[reported["precision"] != "day"]
    for row in loose.itertuples(index=False):
        ax.plot([row.x_first, row.x_last], [row.value, row.value], color=charts.ORANGE,
                linewidth=1.6, zorder=3)
        for end in (row.x_first, row.x_last):
            ax.plot([end, end], [row.value - 2.5, row.value + 2.5], color=charts.ORANGE,
                    linewidth=1.4, zorder=3)
    ax.plot(loose["x_mid"], loose["value"], marker="D", color=charts.ORANGE,
            markerfacecolor="white", markersize=7, markeredgewidth=1.5, linestyle="none",
            label="Count stated for a year (bar: the year)")
    source_figure = reported[reported["figure_id"] == SOURCE_DOCUMENT_MEMBER_FIGURE]
    if not source_figure.empty:
        row = source_figure.iloc[0]
        ax.annotate(f"{row['value']} in {format_for_people(row['as_of'])}:\nthe Foreign "
                    "Ministry page's count", xy=(row["x_mid"], row["value"]),
                    xytext=(row["x_mid"] - 8, row["value"] - 45), fontsize=8,
                    arrowprops={"arrowstyle": "->", "color": "#333333"})
    latest = reported.iloc[-1]
    ax.annotate(f"{latest['value']} from\n{format_for_people(latest['as_of'])}",
                xy=(latest["x_mid"], latest["value"]),
                xytext=(latest["x_mid"] - 3.2, latest["value"] - 42), fontsize=8,
                arrowprops={"arrowstyle": "->", "color": "#333333"})
    first = reported.iloc[0]
    ax.annotate(f"{first['value']} on the first day,\n"
                f"{format_for_people(wto_start)}",
                xy=(first["x_mid"], first["value"]), xytext=(first["x_mid"] + 1.5,
                                                             first["value"] - 8),
                fontsize=8, arrowprops={"arrowstyle": "->", "color": "#333333"})
    ax.set_xlim(decimal_year(wto_start) - 0.5, decimal_year(as_of) + 0.5)
    ax.set_ylim(0, max(y[-1] + undated, reported["value"].max()) + 12)
    title, source = charts.titled(fig, ax, f"WTO membership since {wto_start.year}", source)
    ax.set_xlabel("Year")
    ax.set_ylabel("Members")
    ax.legend(loc="lower right", fontsize=8)
    return Chart("02-wto-membership", fig, title, words.membership_alt(m), source,
                 membership_chart_data(steps, reported, undated))


def durations(m: WtoAccession) -> Chart:
    """One bar per accession, longest at the top; open ones hatched and hollow up to the
    report's date."""
    durations, as_of, highlight = m.durations, m.as_of, GOVERNMENT
    fig, ax = plt.subplots(figsize=(8, 0.2 * len(durations) + 1.9))
    positions = range(len(durations))
    for position, row in zip(positions, durations.itertuples(index=False), strict=True):
        mine = row.government == highlight
        if row.still_acceding:
            ax.barh(position, row.years, color="white", edgecolor=charts.RED if mine
                    else charts.ORANGE, hatch="////", linewidth=1.6 if mine else 1, height=0.72)
        else:
            ax.barh(position, row.years, color=charts.BLUE, height=0.72)
        if row.years_max - row.years_min > 0.1:
            ax.plot([row.years_min, row.years_max], [position, position], color="#222222",
                    linewidth=0.9)
        if mine:
            ax.text(row.years_max + 0.5, position,
                    f"{highlight}: {row.years:.1f} years and counting", va="center",
                    fontsize=8.5, fontweight="bold", color=charts.RED)
    ax.set_yticks(list(positions), durations["government"], fontsize=7)
    for label in ax.get_yticklabels():
        if label.get_text() == highlight:
            label.set_fontweight("bold")
            label.set_color(charts.RED)
    ax.invert_yaxis()
    ax.set_ylim(len(durations) - 0.4, -0.6)
    ax.set_xlim(0, durations["years_max"].max() + 1.5)
    title, source = charts.titled(fig, ax, "How long WTO accessions take: application to "
                                  "membership", charts.source_text(durations, m.sources))
    ax.set_xlabel(f"Years from application (open accessions: to "
                  f"{format_for_people(as_of)})")
    ax.set_ylabel("")
    ax.grid(axis="y", visible=False)
    handles = [
        Patch(facecolor=charts.BLUE, label="Became a member"),
        Patch(facecolor="white", edgecolor=charts.ORANGE, hatch="////",
              label="Still acceding (open bar)"),
        Line2D([], [], color="#222222", linewidth=0.9,
               label="Possible range (date known only to the month or year)"),
    ]
    ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=True, framealpha=0.95,
              edgecolor="none")
    return Chart("02-accession-durations", fig, title, words.duration_alt(m), source, durations)
