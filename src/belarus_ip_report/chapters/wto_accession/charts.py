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
from belarus_ip_report.chapters.language import Speaker
from belarus_ip_report.chapters.wto_accession import GOVERNMENT, alt
from belarus_ip_report.chapters.wto_accession.chartwords import (
    WORDS,
    decimal,
    number,
    still_counting,
    undated_members,
)
from belarus_ip_report.chapters.wto_accession.membership import membership_chart_data
from belarus_ip_report.chapters.wto_accession.model import (
    SOURCE_DOCUMENT_MEMBER_FIGURE,
    WtoAccession,
)
from belarus_ip_report.chapters.wto_accession.timeline import timeline
from belarus_ip_report.chapters.wto_accession.words import ru_name
from belarus_ip_report.foundation.dates import decimal_year

#: The chapter's four charts, in the order the notebook shows them.
__all__ = ["timeline", "rhythm", "membership", "durations"]


def rhythm(m: WtoAccession, lang: str = "en") -> Chart:
    """Meetings per year, then the months between consecutive numbered meetings."""
    per_year, intervals, w = m.per_year, m.intervals, WORDS[lang]
    working_party = m.milestones[m.milestones["category"] == "working_party_meeting"]
    source = charts.source_text(working_party, m.sources, lang=lang)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 6.8), height_ratios=[1, 1.15])
    years = per_year["year"]
    top.bar(years, per_year["numbered"], color=charts.RED, width=0.75,
            label=w["numbered"])
    top.bar(years, per_year["informal"], bottom=per_year["numbered"], color="white",
            edgecolor=charts.GREY, hatch="///", width=0.75, label=w["informal"])
    top.set_title(w["rhythm_title"])
    top.set_xlabel(w["year"])
    top.set_ylabel(w["meetings"])
    top.set_ylim(0, (per_year["numbered"] + per_year["informal"]).max() + 1)
    top.yaxis.get_major_locator().set_params(integer=True)
    top.legend(loc="upper right")
    top.grid(axis="x", visible=False)

    labels = [f"{a}→{b}" for a, b in zip(intervals["from_meeting"], intervals["to_meeting"],
                                         strict=True)]
    positions = range(len(intervals))
    uncertain = intervals["months_max"] - intervals["months_min"] > 0.5
    bottom.bar(positions, intervals["months"], color=charts.BLUE, width=0.65,
               label=w["months_between"])
    errors = [intervals["months"] - intervals["months_min"],
              intervals["months_max"] - intervals["months"]]
    bottom.errorbar([p for p, u in zip(positions, uncertain, strict=True) if u],
                    intervals.loc[uncertain, "months"],
                    yerr=[errors[0][uncertain], errors[1][uncertain]], fmt="none",
                    ecolor="#222222", capsize=3, linewidth=1,
                    label=w["months_range"])
    for position, row in zip(positions, intervals.itertuples(index=False), strict=True):
        bottom.text(position, row.months_max + 2, decimal(row.months, 0, lang), ha="center",
                    va="bottom", fontsize=7.5)
    bottom.set_xticks(list(positions), labels, fontsize=8)
    bottom.set_xlabel(w["between_numbered"])
    bottom.set_ylabel(w["months"])
    bottom.set_ylim(0, intervals["months_max"].max() * 1.15 + 4)
    bottom.legend(loc="upper left")
    bottom.grid(axis="x", visible=False)
    charts.add_source_line(fig, source, lang)
    return Chart("02-working-party-rhythm", fig, w["rhythm_title"], alt.rhythm_alt(m)[lang],
                 source, intervals)


def membership(m: WtoAccession, lang: str = "en") -> Chart:
    """Dated members as a step line, the undated added as a bound, stated counts as markers."""
    steps, reported, undated = m.steps, m.reported, len(m.undated_members)
    wto_start, as_of, w, say = m.wto_start, m.as_of, WORDS[lang], Speaker(lang)
    drawn = m.members.dropna(subset=["membership_date"])
    source = charts.source_text(pd.concat([drawn, reported]), m.sources, lang=lang)
    fig, ax = plt.subplots(figsize=(8, 4.9))
    x = [decimal_year(day) for day in steps["date"]] + [decimal_year(as_of)]
    y = list(steps["dated_members"]) + [int(steps["dated_members"].iloc[-1])]
    ax.step(x, y, where="post", color=charts.BLUE, linewidth=2,
            label=w["dated_members"])
    ax.step(x, [v + undated for v in y], where="post", color=charts.BLUE, linewidth=1.2,
            linestyle=":", label=undated_members(undated, lang))
    exact = reported[reported["precision"] == "day"]
    ax.plot(exact["x_mid"], exact["value"], marker="D", color=charts.ORANGE, markersize=7,
            markeredgecolor="#333333", linestyle="none", label=w["stated_day"])
    loose = reported[reported["precision"] != "day"]
    for row in loose.itertuples(index=False):
        ax.plot([row.x_first, row.x_last], [row.value, row.value], color=charts.ORANGE,
                linewidth=1.6, zorder=3)
        for end in (row.x_first, row.x_last):
            ax.plot([end, end], [row.value - 2.5, row.value + 2.5], color=charts.ORANGE,
                    linewidth=1.4, zorder=3)
    ax.plot(loose["x_mid"], loose["value"], marker="D", color=charts.ORANGE,
            markerfacecolor="white", markersize=7, markeredgewidth=1.5, linestyle="none",
            label=w["stated_year"])
    source_figure = reported[reported["figure_id"] == SOURCE_DOCUMENT_MEMBER_FIGURE]
    if not source_figure.empty:
        row = source_figure.iloc[0]
        ax.annotate(w["ministry_count"].format(value=number(row["value"], lang),
                                               date=say.date(row["as_of"])),
                    xy=(row["x_mid"], row["value"]),
                    xytext=(row["x_mid"] - 8, row["value"] - 45), fontsize=8,
                    arrowprops={"arrowstyle": "->", "color": "#333333"})
    latest = reported.iloc[-1]
    ax.annotate(w["latest_count"].format(value=number(latest["value"], lang),
                                         date=say.date(latest["as_of"])),
                xy=(latest["x_mid"], latest["value"]),
                xytext=(latest["x_mid"] - 3.2, latest["value"] - 42), fontsize=8,
                arrowprops={"arrowstyle": "->", "color": "#333333"})
    first = reported.iloc[0]
    ax.annotate(w["first_day_count"].format(value=number(first["value"], lang),
                                            date=say.date(wto_start)),
                xy=(first["x_mid"], first["value"]), xytext=(first["x_mid"] + 1.5,
                                                             first["value"] - 8),
                fontsize=8, arrowprops={"arrowstyle": "->", "color": "#333333"})
    ax.set_xlim(decimal_year(wto_start) - 0.5, decimal_year(as_of) + 0.5)
    ax.set_ylim(0, max(y[-1] + undated, reported["value"].max()) + 12)
    title, source = charts.titled(fig, ax, w["membership_title"].format(year=wto_start.year),
                                  source, lang)
    ax.set_xlabel(w["year"])
    ax.set_ylabel(w["members"])
    ax.legend(loc="lower right", fontsize=8)
    return Chart("02-wto-membership", fig, title, alt.membership_alt(m)[lang], source,
                 membership_chart_data(steps, reported, undated))


def durations(m: WtoAccession, lang: str = "en") -> Chart:
    """One bar per accession, longest at the top; open ones hatched and hollow up to the
    report's date."""
    durations, as_of, w = m.durations, m.as_of, WORDS[lang]
    names = [g if lang == "en" else ru_name(m, g) for g in durations["government"]]
    highlight = GOVERNMENT if lang == "en" else ru_name(m, GOVERNMENT)
    fig, ax = plt.subplots(figsize=(8, 0.2 * len(durations) + 1.9))
    positions = range(len(durations))
    for position, row in zip(positions, durations.itertuples(index=False), strict=True):
        mine = row.government == GOVERNMENT
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
                    still_counting(highlight, row.years, lang), va="center",
                    fontsize=8.5, fontweight="bold", color=charts.RED)
    ax.set_yticks(list(positions), names, fontsize=7)
    for label in ax.get_yticklabels():
        if label.get_text() == highlight:
            label.set_fontweight("bold")
            label.set_color(charts.RED)
    ax.invert_yaxis()
    ax.set_ylim(len(durations) - 0.4, -0.6)
    ax.set_xlim(0, durations["years_max"].max() + 1.5)
    title, source = charts.titled(fig, ax, w["durations_title"],
                                  charts.source_text(durations, m.sources, lang=lang), lang)
    ax.set_xlabel(w["durations_axis"].format(date=Speaker(lang).date(as_of)))
    ax.set_ylabel("")
    ax.grid(axis="y", visible=False)
    handles = [
        Patch(facecolor=charts.BLUE, label=w["became_member"]),
        Patch(facecolor="white", edgecolor=charts.ORANGE, hatch="////",
              label=w["still_acceding"]),
        Line2D([], [], color="#222222", linewidth=0.9, label=w["duration_range"]),
    ]
    ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=True, framealpha=0.95,
              edgecolor="none")
    return Chart("02-accession-durations", fig, title, alt.duration_alt(m)[lang], source,
                 durations)
