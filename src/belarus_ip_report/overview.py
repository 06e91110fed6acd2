"""The overview: the three stories on one time axis, and the key findings' numbers."""

from __future__ import annotations

from datetime import date

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from . import charts, cooperation, wipo
from .dates import decimal_year, parse_partial_date

FIRST_YEAR = 1970
#: One lane per story, top to bottom, with the marker and colour its events are drawn in.
LANES = {
    "wipo": ("WIPO: treaties in\nforce for Belarus", "o", charts.BLUE),
    "wto": ("WTO accession\nmilestones", "s", charts.RED),
    "brip": ("Belarus–Russia\nIP instruments", "D", charts.PURPLE),
}


def as_year_fraction(value: str) -> tuple[float, bool]:
    """Middle of the period a (partial) date stands for, and whether the day is known."""
    when = parse_partial_date(value)
    return decimal_year(when.midpoint), when.precision == "day"


def story_events(treaties: pd.DataFrame, milestones: pd.DataFrame,
                 instruments: pd.DataFrame) -> pd.DataFrame:
    """Every dated event of the three stories in one table: lane, date, label, sources."""
    parties = wipo.belarus_parties(treaties).dropna(subset=["belarus_in_force"])
    rows = [
        *({"lane": "wipo", "date": t.belarus_in_force, "label": t.short_name,
           "source_ids": t.source_ids} for t in parties.itertuples(index=False)),
        *({"lane": "wto", "date": m.date, "label": m.description, "source_ids": m.source_ids}
          for m in milestones.itertuples(index=False)),
        *({"lane": "brip", "date": i.date, "label": i.title, "source_ids": i.source_ids}
          for i in cooperation.instruments(instruments).itertuples(index=False)),
    ]
    events = pd.DataFrame(rows)
    events["year"] = events["date"].str[:4].astype(int)
    return events.sort_values(["lane", "date"], kind="stable", ignore_index=True)


def events_per_decade(events: pd.DataFrame) -> pd.DataFrame:
    decades = (events["year"] // 10 * 10).rename("decade")
    table = events.groupby([decades, events["lane"]]).size().unstack(fill_value=0)
    return table.reindex(columns=list(LANES), fill_value=0)


def summary_chart(events: pd.DataFrame, as_of: date, notes: list[tuple[str, str, str]]
                  ) -> Figure:
    """The three stories on one axis from 1970. `notes` are (lane, date, text) annotations."""
    fig, ax = plt.subplots(figsize=(8.4, 4.2))
    lane_y = {lane: len(LANES) - i for i, lane in enumerate(LANES)}
    for lane, (_, marker, colour) in LANES.items():
        of_lane = events[events["lane"] == lane]
        for value in of_lane["date"]:
            x, exact = as_year_fraction(value)
            ax.plot([x], [lane_y[lane]], marker=marker, color=colour, markersize=6.5,
                    alpha=0.8, linestyle="none",
                    markerfacecolor=colour if exact else "white", markeredgewidth=1.2)
    for lane, value, text in notes:
        x, _ = as_year_fraction(value)
        ax.annotate(text, xy=(x, lane_y[lane]), xytext=(x, lane_y[lane] + 0.42), fontsize=7.5,
                    ha="center", arrowprops={"arrowstyle": "-", "color": "#888888",
                                             "linewidth": 0.7})
    ax.set_yticks(list(lane_y.values()), [LANES[lane][0] for lane in lane_y])
    ax.set_ylim(0.4, len(LANES) + 0.85)
    ax.set_xlim(FIRST_YEAR - 1, as_of.year + 1)
    ax.grid(axis="y", visible=False)
    ax.set_title(f"Three stories on one time line, {FIRST_YEAR}–{as_of.year}")
    ax.set_xlabel("Year (hollow marker: only the month or year is known)")
    handles = [Line2D([], [], marker=m, color=c, linestyle="none", label=label.replace("\n", " "))
               for label, m, c in LANES.values()]
    ax.legend(handles=handles, loc="lower left", fontsize=7.5)
    charts.add_source_line(fig, charts.source_text(events))
    return fig


def discrepancy_table(claims: pd.DataFrame) -> pd.DataFrame:
    """One line per disagreement for readers: where it sits, each source's claim, the decision."""
    rows = []
    for _, group in claims.groupby("discrepancy_id", sort=True):
        first = group.iloc[0]
        rows.append({
            "Topic": first["topic"],
            "Where in the data": f"{first['table']} › {first['row_key']} › {first['column']}",
            "What the sources say": "; ".join(
                f"{claim} [{source}]" for claim, source in zip(group["claim"], group["source_id"],
                                                               strict=True)),
            "Value used": first["value_used"],
            "Why": first["reason"],
        })
    return pd.DataFrame(rows, columns=["Topic", "Where in the data", "What the sources say",
                                       "Value used", "Why"])
