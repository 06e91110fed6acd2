"""The WTO chapter's charts: the milestone timeline, the working party's rhythm, WTO
membership, accession durations; their styles and alt text.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from belarus_ip_report.chapters import figures as charts
from belarus_ip_report.chapters.figures import Chart
from belarus_ip_report.chapters.wto_accession import words
from belarus_ip_report.chapters.wto_accession.lanes import LANES
from belarus_ip_report.chapters.wto_accession.membership import membership_chart_data
from belarus_ip_report.chapters.wto_accession.milestones import JOINT_STATEMENTS
from belarus_ip_report.chapters.wto_accession.model import (
    GOVERNMENT,
    SOURCE_DOCUMENT_MEMBER_FIGURE,
    WtoAccession,
)
from belarus_ip_report.foundation.dates import decimal_year, format_for_people

TITLE_RHYTHM = "Belarus's working party: meetings per year and the gaps between them"

#: Shortest drawn length of a several-day bar, in years, so that it stays visible.
MIN_RANGE_WIDTH_YEARS = 0.07


def _lane_positions() -> dict[str, int]:
    return {c: len(LANES) - 1 - i for i, c in enumerate(LANES)}


def _draw_milestones(ax: plt.Axes, spans: pd.DataFrame, min_width: float) -> None:
    lanes = _lane_positions()
    for row in spans.itertuples(index=False):
        colour, marker = LANES[row.category].colour, LANES[row.category].marker
        y = lanes[row.category]
        if row.kind == "day":
            ax.plot(row.x_mid, y, marker=marker, color=colour, markersize=6.5,
                    linestyle="none", markeredgecolor="white", markeredgewidth=0.5, zorder=3)
        elif row.kind == "range":
            width = max(row.x_last - row.x_first, min_width)
            middle = (row.x_first + row.x_last) / 2
            ax.plot([middle - width / 2, middle + width / 2], [y, y], color=colour,
                    linewidth=6, solid_capstyle="butt", zorder=3)
        else:
            ax.plot([row.x_first, row.x_last], [y, y], color=colour, linewidth=1.3, zorder=2)
            for end in (row.x_first, row.x_last):
                ax.plot([end, end], [y - 0.14, y + 0.14], color=colour, linewidth=1.1, zorder=2)
            ax.plot(row.x_mid, y, marker=marker, color=colour, markersize=6.5,
                    markerfacecolor="white", markeredgewidth=1.4, linestyle="none", zorder=4)


def _label_meetings(ax: plt.Axes, spans: pd.DataFrame, lo: float, hi: float) -> None:
    lane = _lane_positions()["working_party_meeting"]
    shown = spans[spans["meeting_number"].notna() & spans["x_mid"].between(lo, hi)]
    for i, row in enumerate(shown.sort_values("x_mid").itertuples(index=False)):
        above = i % 2 == 0
        ax.text(row.x_mid, lane + (0.27 if above else -0.27), str(row.meeting_number),
                ha="center", va="bottom" if above else "top", fontsize=7, color="#222222")


def _annotate(ax: plt.Axes, text: str, x: float, y: float, xytext: tuple[float, float],
              ha: str = "left") -> None:
    ax.annotate(text, xy=(x, y), xytext=xytext, fontsize=7.5, ha=ha, va="bottom",
                arrowprops={"arrowstyle": "->", "color": "#333333", "linewidth": 0.8},
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none",
                      "alpha": 0.85})


def timeline(m: WtoAccession, zoom_from: float | None = None) -> Chart:
    """Every dated milestone in lanes by category: the whole story, then, enlarged, the years
    from shortly before the formal meetings resumed after their longest pause."""
    spans, meetings, intervals, as_of = m.spans, m.meetings, m.intervals, m.as_of
    lanes = _lane_positions()
    if zoom_from is None:
        resumed = m.pause["to_date"].first
        zoom_from = round(decimal_year(resumed) - 1.4, 1)
    end = decimal_year(as_of)
    start = math.floor(spans["x_first"].min()) - 0.5
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9.5, 9.2), height_ratios=[1, 1.05])
    panels = ((top, start, end + 0.3, 0.2), (bottom, zoom_from, end + 0.3,
                                              MIN_RANGE_WIDTH_YEARS))
    for ax, lo, hi, min_width in panels:
        _draw_milestones(ax, spans, min_width)
        _label_meetings(ax, spans, lo, hi)
        ax.set_xlim(lo, hi)
        ax.set_ylim(-0.6, len(lanes) + (1.2 if ax is top else 0.9))
        ax.set_yticks(list(lanes.values()), [LANES[c].label for c in lanes], fontsize=8)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel("Year")
        ax.axvline(end, color="#777777", linestyle=":", linewidth=1)
    top.text(end - 0.15, -0.5, f"as of\n{format_for_people(as_of)}", ha="right",
             va="bottom", fontsize=7, color="#555555")
    top.axvspan(zoom_from, end + 0.3, color="#f1f1f1", zorder=0)
    top.text(zoom_from + 0.2, len(lanes) + 0.55, "enlarged below", fontsize=7,
             color="#555555", va="center")
    title, source = charts.titled(fig, top, "Belarus's WTO accession, step by step",
                                  charts.source_text(m.milestones, m.sources))
    bottom.set_title(f"The same milestones from {math.ceil(zoom_from)}: the push and the halt",
                     fontsize=10.5)
    top_lane = len(lanes) + 0.1
    # The milestones the data gives a chart note: before the enlarged years in the whole
    # story, after it in the enlargement, each written above the lanes from near its date.
    noted = spans.merge(m.milestones[["milestone_id", "chart_note"]].dropna(),
                        on="milestone_id")
    for row in noted.itertuples(index=False):
        caption = f"{format_for_people(row.date)}: {_two_lines(row.chart_note)}"
        if row.x_mid < zoom_from:
            _annotate(top, caption, row.x_mid, lanes[row.category], (row.x_mid + 0.6, top_lane))
        else:
            _annotate(bottom, caption, row.x_mid, lanes[row.category],
                      (max(row.x_mid - 0.65, zoom_from + 0.05), top_lane), "left")
    pause = m.pause if not intervals.empty else None
    if pause is not None:
        left = meetings.set_index("meeting_number").loc[pause["from_meeting"], "x_mid"]
        right = meetings.set_index("meeting_number").loc[pause["to_meeting"], "x_mid"]
        y = lanes["working_party_meeting"] + 0.45
        top.annotate("", xy=(left, y), xytext=(right, y),
                     arrowprops={"arrowstyle": "<->", "color": "#333333", "linewidth": 0.9})
        # Below the meetings' lane, where the years of the pause leave room.
        top.text((left + right) / 2, lanes["working_party_meeting"] - 0.68,
                 f"{pause['years']:.1f} years without a formal meeting\n"
                 f"(between meetings {pause['from_meeting']} and {pause['to_meeting']})",
                 ha="center", va="center", fontsize=7.5,
                 bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0})
    last = spans[spans["meeting_number"] == meetings["meeting_number"].max()].iloc[0]
    _annotate(bottom, f"Meeting {last['meeting_number']}, the last one:\n"
              f"{format_for_people(last['date'])}", last["x_mid"],
              lanes["working_party_meeting"],
              (last["x_mid"] + 1.1, lanes["bilateral_market_access"] + 0.3), "left")
    statements = spans[spans["milestone_id"].isin(JOINT_STATEMENTS)]
    if not statements.empty:
        first = statements.iloc[0]
        month = format_for_people(first["date"].to_precision("month"))
        _annotate(bottom, f"{month}: {len(statements)} joint "
                  "statements\nby WTO members halt the accession", first["x_mid"],
                  lanes[first["category"]],
                  (first["x_mid"] - 0.6, lanes["working_party_meeting"] + 0.3), "left")
    handles = [
        Line2D([], [], marker="o", color="#333333", linestyle="none", label="Known day"),
        Line2D([], [], color="#333333", linewidth=6,
               label="Several days (bar, widened to be seen)"),
        Line2D([], [], marker="o", color="#333333", markerfacecolor="white", linewidth=1.2,
               label="Month or year only (bar: possible period)"),
    ]
    top.legend(handles=handles, loc="upper left", fontsize=7.5, frameon=True,
               framealpha=0.95, edgecolor="none", title="How each date is drawn",
               title_fontsize=7.5,
               bbox_to_anchor=(start + (end - start) * 0.35, len(lanes) + 1.15),
               bbox_transform=top.transData)
    return Chart("03-accession-timeline", fig, title, words.timeline_alt(m), source, m.spans)


def _two_lines(note: str) -> str:
    """A note broken after its first colon or comma, else near its middle."""
    for mark in (": ", ", "):
        if mark in note:
            head, tail = note.split(mark, 1)
            return f"{head}{mark.strip()}\n{tail}"
    words = note.split()
    middle = len(words) // 2
    return " ".join(words[:middle]) + "\n" + " ".join(words[middle:])


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
    return Chart("03-working-party-rhythm", fig, TITLE_RHYTHM, words.rhythm_alt(m), source,
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
    return Chart("03-wto-membership", fig, title, words.membership_alt(m), source,
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
    return Chart("03-accession-durations", fig, title, words.duration_alt(m), source, durations)
