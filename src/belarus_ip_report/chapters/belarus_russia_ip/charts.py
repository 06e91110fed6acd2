"""The Belarus–Russia chapter's chart: the instruments on one time line, by level.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from belarus_ip_report.chapters import figures as charts
from belarus_ip_report.chapters.belarus_russia_ip import words
from belarus_ip_report.chapters.belarus_russia_ip.kinds import KINDS, LANE_LABELS
from belarus_ip_report.chapters.belarus_russia_ip.model import (
    BelarusRussiaIp,
    integration_span,
    integration_treaties,
)
from belarus_ip_report.chapters.figures import Chart
from belarus_ip_report.chapters.language import Text
from belarus_ip_report.foundation.dates import decimal_year

#: A short name longer than this is drawn on three lines (the Russian names run longer).
THREE_LINES = 34


def label(short_name: str) -> str:
    """A short name as drawn beside its marker: on two lines of about equal length, unless it
    is short enough for one, or so long that it needs three."""
    words = short_name.split()
    if len(short_name) <= 14 or len(words) == 1:
        return short_name
    lines = 3 if len(short_name) > THREE_LINES and len(words) >= 3 else 2
    cuts = [(at,) for at in range(1, len(words))] if lines == 2 else [
        (a, b) for a in range(1, len(words) - 1) for b in range(a + 1, len(words))]

    def pieces(cut: tuple[int, ...]) -> list[str]:
        edges = [0, *cut, len(words)]
        return [" ".join(words[i:j]) for i, j in zip(edges, edges[1:], strict=False)]

    best = min(cuts, key=lambda cut: max(len(piece) for piece in pieces(cut)))
    return "\n".join(pieces(best))


#: The chart's own words, in each language.
TITLE = Text("Belarus–Russia IP instruments, {first}–{last}",
             "Документы Беларуси и России в сфере ИС, {first}–{last}\u202fгг.")
BAND = Text("Integration\ntreaties:\n{names}", "Интеграционные\nдоговоры:\n{names}")
BAND_ENTRY = Text("{name} {year}", "{name}, {year}")
X_LABEL = Text("Year (hollow marker and bar: only the month or year is known)",
               "Год (полый маркер и полоса: известен только месяц или год)")
BAND_LEGEND = Text("Integration treaties (context)", "Интеграционные договоры")


def timeline(m: BelarusRussiaIp, lang: str = "en") -> Chart:
    """IP instruments by date and level (labelled with their short names), the integration
    treaties as a shaded band; every word in `lang`."""
    short_name = "short_name" if lang == "en" else f"short_name_{lang}"
    table = m.table
    fig, ax = plt.subplots(figsize=(8.4, 5.2))
    start, end = integration_span(table)
    ax.axvspan(decimal_year(start.first), decimal_year(end.last), color="#e8e8e8",
               zorder=0)
    treaties = integration_treaties(table)
    names = ",\n".join(BAND_ENTRY[lang].format(name=name, year=d.year)
                        for name, d in zip(treaties[short_name], treaties["date"], strict=True))
    ax.text(decimal_year(start.first) + 0.15, 1.5, BAND[lang].format(names=names),
            fontsize=7.5, va="center", color="#333333")
    items = m.items
    offsets: dict[int, int] = {}
    same_date: dict[tuple[int, str], int] = {}
    for row in items.itertuples(index=False):
        when = row.date
        kind = KINDS[row.kind]
        marker, colour, lane = kind.marker, kind.colour, kind.lane
        # Instruments with the same (partial) date are dodged so none hides another.
        dodge = same_date.get((lane, row.date), 0)
        same_date[(lane, row.date)] = dodge + 1
        level = lane + 0.14 * dodge
        x = decimal_year(when.midpoint)
        exact = when.precision == "day"
        if not exact:
            ax.hlines(level, decimal_year(when.first), decimal_year(when.last),
                      color=colour, linewidth=3, alpha=0.5)
        ax.plot([x], [level], marker=marker, markersize=9, color=colour, linestyle="none",
                markerfacecolor=colour if exact else "white", markeredgewidth=1.6)
        turn = offsets.get(lane, 0)
        offsets[lane] = turn + 1
        # Government labels go above their lane, agency labels below, on four staggered tiers.
        dy = (0.25, 0.45, 0.65, 0.85)[turn % 4] * (1 if lane == max(LANE_LABELS) else -1)
        if lang == "ru" and turn % 4 == 0 and turn:  # the Russian labels run wider: the
            dy *= 0.6                                 # fifth of a lane sits just above it
        ax.annotate(label(getattr(row, short_name)), xy=(x, level), xytext=(x, lane + dy),
                    fontsize=7, ha="center", va="center",
                    arrowprops={"arrowstyle": "-", "color": "#999999", "linewidth": 0.6})
    ax.set_yticks(list(LANE_LABELS), [name[lang] for name in LANE_LABELS.values()])
    ax.set_ylim(0.0, 3.0)
    first, last = items["date"].min().year, items["date"].max().year
    ax.set_xlim(int(first) - 1, int(last) + 2.5)
    ax.grid(axis="y", visible=False)
    title, source = charts.titled(fig, ax, TITLE[lang].format(first=first, last=last),
                                  charts.source_text(table, m.sources, lang=lang), lang)
    ax.set_xlabel(X_LABEL[lang])
    handles = [Line2D([], [], marker=kind.marker, color=kind.colour, linestyle="none",
                      markersize=8, label=kind.label[lang])
               for kind in KINDS.values() if kind.lane]
    handles.append(Patch(color="#e8e8e8", label=BAND_LEGEND[lang]))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 1.0), fontsize=7.5,
              ncols=2)
    return Chart("03-belarus-russia-timeline", fig, title, words.timeline_alt(m)[lang], source,
                 table)
