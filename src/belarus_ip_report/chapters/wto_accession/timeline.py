"""The WTO chapter's timeline: every dated milestone in lanes by category, the whole story
and, enlarged, the years of the push and the halt; partial dates drawn over their period.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from belarus_ip_report.chapters import figures as charts
from belarus_ip_report.chapters.figures import Chart
from belarus_ip_report.chapters.language import Speaker
from belarus_ip_report.chapters.wto_accession import alt
from belarus_ip_report.chapters.wto_accession.chartwords import (
    WORDS,
    chart_note,
    joint_statements,
    pause_label,
)
from belarus_ip_report.chapters.wto_accession.lanes import LANES
from belarus_ip_report.chapters.wto_accession.milestones import JOINT_STATEMENTS
from belarus_ip_report.chapters.wto_accession.model import WtoAccession
from belarus_ip_report.foundation.dates import decimal_year

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


def timeline(m: WtoAccession, zoom_from: float | None = None, lang: str = "en") -> Chart:
    """Every dated milestone in lanes by category: the whole story, then, enlarged, the years
    from shortly before the formal meetings resumed after their longest pause."""
    spans, meetings, intervals, as_of = m.spans, m.meetings, m.intervals, m.as_of
    w, say = WORDS[lang], Speaker(lang)
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
        ax.set_yticks(list(lanes.values()), [LANES[c].name(lang) for c in lanes], fontsize=8)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(w["year"])
        ax.axvline(end, color="#777777", linestyle=":", linewidth=1)
    top.text(end - 0.15, -0.5, w["as_of"].format(date=say.date(as_of)), ha="right",
             va="bottom", fontsize=7, color="#555555")
    top.axvspan(zoom_from, end + 0.3, color="#f1f1f1", zorder=0)
    top.text(zoom_from + 0.2, len(lanes) + 0.55, w["enlarged"], fontsize=7,
             color="#555555", va="center")
    title, source = charts.titled(fig, top, w["timeline_title"],
                                  charts.source_text(m.milestones, m.sources, lang=lang), lang)
    bottom.set_title(w["zoom_title"].format(year=math.ceil(zoom_from)), fontsize=10.5)
    top_lane = len(lanes) + 0.1
    # The milestones the data gives a chart note: before the enlarged years in the whole
    # story, after it in the enlargement, each written above the lanes from near its date.
    note = "chart_note" if lang == "en" else f"chart_note_{lang}"
    noted = spans.merge(m.milestones[["milestone_id", note]].dropna(), on="milestone_id")
    for row in noted.itertuples(index=False):
        caption = chart_note(row.date, getattr(row, note), lang)
        if row.x_mid < zoom_from:
            _annotate(top, caption, row.x_mid, lanes[row.category], (row.x_mid + 0.6, top_lane))
        else:
            _annotate(bottom, caption, row.x_mid, lanes[row.category],
                      (max(row.x_mid - 0.65, zoom_from + 0.05), top_lane), "left")
    gap = m.pause if not intervals.empty else None
    if gap is not None:
        left = meetings.set_index("meeting_number").loc[gap["from_meeting"], "x_mid"]
        right = meetings.set_index("meeting_number").loc[gap["to_meeting"], "x_mid"]
        y = lanes["working_party_meeting"] + 0.45
        top.annotate("", xy=(left, y), xytext=(right, y),
                     arrowprops={"arrowstyle": "<->", "color": "#333333", "linewidth": 0.9})
        # Below the meetings' lane, where the years of the pause leave room.
        top.text((left + right) / 2, lanes["working_party_meeting"] - 0.68,
                 pause_label(gap["years"], gap["from_meeting"], gap["to_meeting"], lang),
                 ha="center", va="center", fontsize=7.5,
                 bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0})
    last = spans[spans["meeting_number"] == meetings["meeting_number"].max()].iloc[0]
    _annotate(bottom, w["last_meeting"].format(number=last["meeting_number"],
                                               date=say.date(last["date"])), last["x_mid"],
              lanes["working_party_meeting"],
              (last["x_mid"] + 1.1, lanes["bilateral_market_access"] + 0.3), "left")
    statements = spans[spans["milestone_id"].isin(JOINT_STATEMENTS)]
    if not statements.empty:
        first = statements.iloc[0]
        _annotate(bottom, joint_statements(first["date"].to_precision("month"), len(statements),
                                           lang), first["x_mid"],
                  lanes[first["category"]],
                  (first["x_mid"] - 0.6, lanes["working_party_meeting"] + 0.3), "left")
    handles = [
        Line2D([], [], marker="o", color="#333333", linestyle="none", label=w["known_day"]),
        Line2D([], [], color="#333333", linewidth=6, label=w["several_days"]),
        Line2D([], [], marker="o", color="#333333", markerfacecolor="white", linewidth=1.2,
               label=w["partial"]),
    ]
    top.legend(handles=handles, loc="upper left", fontsize=7.5, frameon=True,
               framealpha=0.95, edgecolor="none", title=w["how_drawn"],
               title_fontsize=7.5,
               bbox_to_anchor=(start + (end - start) * 0.35, len(lanes) + 1.15),
               bbox_transform=top.transData)
    return Chart("02-accession-timeline", fig, title, alt.timeline_alt(m)[lang], source,
                 m.spans)

