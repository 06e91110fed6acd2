"""The overview's chart: the three stories on one time axis.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.lines import Line2D

from belarus_ip_report.chapters import figures as charts
from belarus_ip_report.chapters.figures import Chart
from belarus_ip_report.chapters.language import RU, Text
from belarus_ip_report.chapters.overview import words
from belarus_ip_report.chapters.overview.model import Overview, as_year_fraction
from belarus_ip_report.foundation.dates import PartialDate

#: One lane per story, top to bottom, with its name in each language and the marker and
#: colour its events are drawn in.
LANES = {
    "wipo": (Text("WIPO: treaties in\nforce for Belarus", "ВОИС: договоры\nс участием\n"
                  "Беларуси"), "o", charts.BLUE),
    "wto": (Text("WTO accession\nmilestones", "ВТО: этапы\nприсоединения"), "s", charts.RED),
    "brip": (Text("Belarus–Russia\nIP instruments", "Беларусь и Россия:\nдокументы в сфере ИС"),
             "D", charts.PURPLE),
}

#: The chart's own words, in each language.
TITLE = Text("Three stories on one time line, {first}–{last}",
             "Три сюжета на одной временной шкале, {first}–{last}\u202fгг.")
X_LABEL = Text("Year (hollow marker: only the month or year is known)",
               "Год (полый маркер: известен только месяц или год)")


def summary(o: Overview, lang: str = "en") -> Chart:
    """The three stories on one axis from the year of the first event, with their key moments
    annotated; every word in `lang`."""
    events, as_of, sources = o.events, o.as_of, o.sources
    notes = key_moments(o, lang)
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
    ax.set_yticks(list(lane_y.values()), [LANES[lane][0][lang] for lane in lane_y])
    ax.set_ylim(0.4, len(LANES) + 0.85)
    first = int(events["year"].min())
    ax.set_xlim(first - 1, as_of.year + 1)
    ax.grid(axis="y", visible=False)
    title, source = charts.titled(fig, ax, TITLE[lang].format(first=first, last=as_of.year),
                                  charts.source_text(events, sources, lang=lang), lang)
    ax.set_xlabel(X_LABEL[lang])
    handles = [Line2D([], [], marker=m, color=c, linestyle="none",
                      label=label[lang].replace("\n", " "))
               for label, m, c in LANES.values()]
    ax.legend(handles=handles, loc="lower left", fontsize=7.5)
    return Chart("00-three-stories", fig, title, words.summary_alt(o)[lang], source, events)


def key_moments(o: Overview, lang: str = "en") -> list[tuple[str, PartialDate, str]]:
    """The annotations of the summary chart, each a (lane, date, label) read from the models:
    WIPO membership and the newest accession; the GATT application and the last numbered
    meeting; the first and the latest Belarus–Russia IP instrument."""
    from belarus_ip_report.chapters.wipo_treaties import belarus as wipo_belarus
    from belarus_ip_report.chapters.wipo_treaties import system as wipo_system
    from belarus_ip_report.chapters.wto_accession.words import ordinal

    treaties = o.wipo.treaties
    convention = wipo_system.founding_convention(treaties)
    parties = wipo_belarus.belarus_parties(treaties).dropna(subset=["belarus_in_force"])
    newest = parties.loc[parties["belarus_in_force"].idxmax()]
    last_meeting = o.wto.meetings.iloc[-1]
    items = o.ip.items
    first, latest = items.iloc[0], items.iloc[-1]
    if lang == "ru":
        return [
            ("wipo", convention["belarus_in_force"], "Член ВОИС"),
            ("wipo", newest["belarus_in_force"],
             str(newest["short_name_ru"]).replace(" ", "\n", 1)),
            ("wto", o.wto.headline["application_date"], "Заявка на присоединение\nк ГАТТ"),
            ("wto", last_meeting["date"],
             f"{RU.ordinal(int(last_meeting['meeting_number']))} заседание"),
            ("brip", first["date"], f"Соглашение {first['date'].year}\u202fг."),
            ("brip", latest["date"], f"Соглашение об ИС {latest['date'].year}\u202fг."),
        ]
    return [
        ("wipo", convention["belarus_in_force"], "WIPO member"),
        ("wipo", newest["belarus_in_force"], str(newest["short_name"]).split(" ")[0]),
        ("wto", o.wto.headline["application_date"], "GATT application"),
        ("wto", last_meeting["date"], f"{ordinal(int(last_meeting['meeting_number']))} meeting"),
        ("brip", first["date"], f"{first['date'].year} agreement"),
        ("brip", latest["date"], f"{latest['date'].year} IP agreement"),
    ]
