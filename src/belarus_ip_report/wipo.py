"""The WIPO chapter: how the treaty system grew, and where Belarus stands in it.

Every series is computed from the `wipo_treaties` and `belarus_wipo_events` tables; charts are
built from those series. Dates in these tables are full days, except where a value is missing.
"""

from __future__ import annotations

from datetime import date, timedelta

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from . import charts
from .dates import decimal_year, format_for_people, parse_partial_date

FIELD_LABELS = {
    "industrial_property": "Industrial property",
    "copyright_and_related_rights": "Copyright and related rights",
    "wipo_convention": "WIPO Convention",
}
GROUP_LABELS = {
    "ip_protection": "IP protection",
    "global_protection_system": "Global protection system",
    "classification": "Classification",
    "wipo_convention": "WIPO Convention",
}
FIRST_YEAR = 1883
#: The count the Foreign Ministry page gives: 17 industrial property, 8 copyright, 1 convention.
SOURCE_DOCUMENT_TREATY_COUNT = 26
#: WIPO's tables date Belarus's continued application of the treaties the USSR had joined
#: (Paris, Nairobi, PCT) from this day; the chapter uses it as the start of independent Belarus.
CONTINUITY_DATE = date(1991, 12, 25)
FIELD_STYLE = {  # colour, hatch: fields differ by both
    "industrial_property": (charts.BLUE, ""),
    "copyright_and_related_rights": (charts.ORANGE, "//"),
    "wipo_convention": (charts.GREY, ".."),
}


def _day(value: object) -> date | None:
    return parse_partial_date(value).first if isinstance(value, str) else None


def treaty_growth(treaties: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Per year: treaties adopted so far, by field, and how many of them are in force.

    Treaties without a known adoption date are left out of the adopted counts (see
    `undated_treaties`); they are still counted in force from their entry into force.
    """
    years = range(FIRST_YEAR, as_of.year + 1)
    adopted = treaties.assign(_adopted=treaties["adopted"].map(_day))
    in_force = treaties["in_force"].map(_day)
    rows = []
    for year in years:
        end = min(date(year, 12, 31), as_of)
        row = {"year": year}
        for field in FIELD_LABELS:
            of_field = adopted[adopted["field"] == field]["_adopted"].dropna()
            row[field] = int((of_field <= end).sum())
        row["adopted_total"] = sum(row[field] for field in FIELD_LABELS)
        row["in_force_total"] = int(in_force.dropna().le(end).sum())
        rows.append(row)
    return pd.DataFrame(rows)


def undated_treaties(treaties: pd.DataFrame) -> list[str]:
    return treaties.loc[treaties["adopted"].isna(), "short_name"].tolist()


def years_count_held(growth: pd.DataFrame, count: int) -> tuple[int, int] | None:
    """First and last year in which the adopted total equalled `count`."""
    held = growth.loc[growth["adopted_total"] == count, "year"]
    return (int(held.min()), int(held.max())) if not held.empty else None


def belarus_parties(treaties: pd.DataFrame) -> pd.DataFrame:
    return treaties[treaties["belarus_status"] == "party"]


def belarus_participation(treaties: pd.DataFrame, as_of: date, first_year: int = 1970
                          ) -> pd.DataFrame:
    """Per year: treaties in force for Belarus (where the date is known) against all in force."""
    belarus_dates = belarus_parties(treaties)["belarus_in_force"].map(_day).dropna()
    in_force = treaties["in_force"].map(_day).dropna()
    rows = []
    for year in range(first_year, as_of.year + 1):
        end = min(date(year, 12, 31), as_of)
        rows.append({
            "year": year,
            "in_force_for_belarus": int(belarus_dates.le(end).sum()),
            "in_force_worldwide": int(in_force.le(end).sum()),
        })
    return pd.DataFrame(rows)


def accession_lag(treaties: pd.DataFrame) -> pd.DataFrame:
    """Years from when Belarus could have joined to when the treaty entered into force for it.

    The clock starts at the treaty's entry into force, or on 25 December 1991 for treaties
    older than independent Belarus (or with no known date). A Belarus date on or before that
    start (an original party, continued application) counts as zero: joined from the start.
    """
    parties = belarus_parties(treaties).dropna(subset=["belarus_in_force"])
    rows = []
    for treaty in parties.itertuples(index=False):
        treaty_start = _day(treaty.in_force)
        belarus_start = _day(treaty.belarus_in_force)
        counted_from = max(treaty_start or CONTINUITY_DATE, CONTINUITY_DATE)
        rows.append({
            "treaty": treaty.short_name,
            "field": treaty.field,
            "counted_from": counted_from.isoformat(),
            "belarus_in_force": treaty.belarus_in_force,
            "lag_years": round(max((belarus_start - counted_from).days, 0) / 365.25, 1),
            "from_the_start": belarus_start <= counted_from,
        })
    return pd.DataFrame(rows).sort_values(["lag_years", "treaty"], kind="stable",
                                          ignore_index=True)


def not_joined(treaties: pd.DataFrame) -> pd.DataFrame:
    out = treaties[treaties["belarus_status"] != "party"]
    return out[["short_name", "field", "adopted", "in_force", "belarus_status"]].reset_index(
        drop=True)


def headline(treaties: pd.DataFrame, as_of: date) -> dict[str, object]:
    administered = treaties[treaties["adopted"].isna() | treaties["adopted"].le(as_of.isoformat())]
    parties = belarus_parties(administered)
    dated = parties.dropna(subset=["belarus_in_force"])
    newest = dated.loc[dated["belarus_in_force"].idxmax()]
    return {
        "administered": len(administered),
        "in_force": int(administered["in_force"].notna().sum()),
        "belarus_parties": len(parties),
        "belarus_parties_dated": len(dated),
        "share": len(parties) / len(administered),
        "newest_name": newest["short_name"],
        "newest_date": newest["belarus_in_force"],
        "signatory_only": administered.loc[administered["belarus_status"] == "signatory",
                                           "short_name"].tolist(),
    }


def parties_before(treaties: pd.DataFrame, day: date) -> int:
    """Treaties Belarus is party to, leaving out those that entered into force for it after `day`.

    Treaties whose date for Belarus is unknown are counted: all of them predate 2021.
    """
    parties = belarus_parties(treaties)
    later = parties["belarus_in_force"].map(_day).dropna().gt(day)
    return len(parties) - int(later.sum())


def parties_before_newest_accession(treaties: pd.DataFrame) -> int:
    """How many treaties Belarus was party to the day before its newest one entered into force."""
    newest = belarus_parties(treaties)["belarus_in_force"].dropna().max()
    return parties_before(treaties, date.fromisoformat(newest) - timedelta(days=1))


def status_table(treaties: pd.DataFrame) -> pd.DataFrame:
    """Belarus's status in every treaty, grouped by field and sorted by date, for readers."""
    order = {field: i for i, field in enumerate(FIELD_LABELS)}
    table = treaties.assign(_order=treaties["field"].map(order)).sort_values(
        ["_order", "adopted", "short_name"], kind="stable", na_position="last")
    status = table["belarus_status"].map({
        "party": "Party", "signatory": "Signed, not ratified", "not_party": "Not a party",
        "unverified": "Not shown as a party (unverified)"})
    instrument = table["belarus_instrument"].map({
        "accession": "accession", "ratification": "ratification",
        "continued_application": "continued application", "signature": "signature"})
    return pd.DataFrame({
        "Field": table["field"].map(FIELD_LABELS),
        "Treaty": table["short_name"],
        "Adopted": table["adopted"].map(lambda v: format_for_people(v) if isinstance(v, str)
                                        else "not found"),
        "In force": table["in_force"].map(lambda v: format_for_people(v) if isinstance(v, str)
                                          else "not yet"),
        "Belarus": status,
        "Instrument": instrument.fillna("—"),
        "In force for Belarus": table["belarus_in_force"].map(
            lambda v: format_for_people(v) if isinstance(v, str) else "—"),
        "Sources": table["source_ids"].str.replace(";", "; "),
    }).reset_index(drop=True)


def reach(treaties: pd.DataFrame) -> pd.DataFrame:
    """Contracting parties per treaty, grouped by field, largest first within each field."""
    order = {field: i for i, field in enumerate(FIELD_LABELS)}
    data = treaties.dropna(subset=["parties_count"]).assign(_order=treaties["field"].map(order))
    data = data.sort_values(["_order", "parties_count", "short_name"],
                            ascending=[True, False, True], kind="stable")
    return pd.DataFrame({
        "treaty": data["short_name"],
        "field": data["field"],
        "parties_count": data["parties_count"].astype(int),
        "parties_count_as_of": data["parties_count_as_of"],
        "belarus_party": data["belarus_status"].eq("party"),
        "source_ids": data["source_ids"],
    }).reset_index(drop=True)


# --- Charts -------------------------------------------------------------------------------


def growth_chart(growth: pd.DataFrame, treaties: pd.DataFrame, as_of: date) -> Figure:
    fig, ax = plt.subplots(figsize=(8, 4.8))
    years = growth["year"]
    bottom = pd.Series(0, index=growth.index)
    for field, label in FIELD_LABELS.items():
        colour, hatch = FIELD_STYLE[field]
        ax.fill_between(years, bottom, bottom + growth[field], step="post", color=colour,
                        alpha=0.85, hatch=hatch, edgecolor="white", linewidth=0,
                        label=f"{label} (adopted)")
        bottom = bottom + growth[field]
    ax.step(years, growth["in_force_total"], where="post", color="black", linewidth=1.6,
            linestyle="--", label="In force (all fields)")
    held = years_count_held(growth, SOURCE_DOCUMENT_TREATY_COUNT)
    if held:
        ax.axvspan(held[0], held[1] + 1, color="#dddddd", alpha=0.6, zorder=0)
        ax.annotate(f"{SOURCE_DOCUMENT_TREATY_COUNT} treaties, the count in the Foreign\n"
                    f"Ministry page ({held[0]}–{held[1]})",
                    xy=(held[0], SOURCE_DOCUMENT_TREATY_COUNT), xytext=(1925, 24),
                    fontsize=8, arrowprops={"arrowstyle": "->", "color": "#333333"})
    last = growth.iloc[-1]
    ax.annotate(f"{int(last['adopted_total'])} adopted,\n{int(last['in_force_total'])} in force",
                xy=(last["year"], last["adopted_total"]), xytext=(last["year"] - 12, 30),
                fontsize=8, ha="right", arrowprops={"arrowstyle": "->", "color": "#333333"})
    ax.set_xlim(FIRST_YEAR, as_of.year + 1)
    ax.set_ylim(0, max(growth["adopted_total"].max(), SOURCE_DOCUMENT_TREATY_COUNT) + 4)
    ax.set_title("The WIPO treaty system grew from one convention to 28")
    ax.set_xlabel("Year")
    ax.set_ylabel("Treaties (cumulative)")
    ax.legend(loc="upper left")
    charts.add_source_line(fig, charts.source_text(treaties))
    return fig


def participation_chart(participation: pd.DataFrame, treaties: pd.DataFrame, as_of: date,
                        events: pd.DataFrame) -> Figure:
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
    notes = [
        (1970, "1970: the Byelorussian SSR\nbecomes a WIPO member", 4),
        (1991, "1991–93: independent Belarus\ncontinues the USSR's treaties", 11),
        (2021, "2021: Hague\nAgreement", 16.5),
    ]
    for year, text, y in notes:
        value = int(participation.loc[participation["year"] == year,
                                      "in_force_for_belarus"].iloc[0])
        ax.annotate(text, xy=(year, value), xytext=(year - (14 if year > 2000 else -1), y),
                    fontsize=8, arrowprops={"arrowstyle": "->", "color": "#333333"})
    ax.set_xlim(years.min(), as_of.year + 1)
    ax.set_ylim(0, participation["in_force_worldwide"].max() + 3)
    ax.set_title("Belarus is party to most WIPO treaties in force")
    ax.set_xlabel("Year")
    ax.set_ylabel("Treaties in force (cumulative)")
    ax.legend(loc="upper left")
    charts.add_source_line(fig, charts.source_text(pd.concat([treaties, events])))
    return fig


def lag_chart(lags: pd.DataFrame, treaties: pd.DataFrame) -> Figure:
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
    ax.set_xlabel("Years from the treaty's entry into force (or from 25 December 1991)")
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=FIELD_STYLE[f][0], hatch=FIELD_STYLE[f][1],
                             edgecolor="white", label=FIELD_LABELS[f])
               for f in FIELD_LABELS if f in set(lags["field"])]
    ax.legend(handles=handles, loc="upper right")
    ax.grid(axis="y", visible=False)
    charts.add_source_line(fig, charts.source_text(belarus_parties(treaties)))
    return fig


def reach_chart(reach_data: pd.DataFrame, treaties: pd.DataFrame, as_of_note: str) -> Figure:
    fig, ax = plt.subplots(figsize=(8, 0.25 * len(reach_data) + 1.8))
    undated = reach_data["parties_count_as_of"].isna()
    for position, row in enumerate(reach_data.itertuples(index=False)):
        colour, hatch = FIELD_STYLE[row.field]
        dated = isinstance(row.parties_count_as_of, str)
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
    charts.add_source_line(fig, charts.source_text(treaties.dropna(subset=["parties_count"])))
    return fig


def cooperation_timeline_chart(events: pd.DataFrame, labels: dict[str, str]) -> Figure:
    """A small timeline of Belarus–WIPO cooperation, one labelled marker per event.

    `labels` names each event briefly, by event_id; the date is added from the data.
    """
    fig, ax = plt.subplots(figsize=(8, 3.6))
    markers = {"membership": "o", "treaty_instrument": "s", "agreement": "^",
               "memorandum": "D", "visit": "v"}
    colours = {"membership": charts.BLUE, "treaty_instrument": charts.ORANGE,
               "agreement": charts.RED, "memorandum": charts.PURPLE, "visit": charts.BROWN}
    shown = set()
    recent = events[events["date"].str[:4].astype(int) >= 2003].reset_index(drop=True)
    for i, row in recent.iterrows():
        when = parse_partial_date(row["date"])
        x = decimal_year(when.midpoint)
        level = [1, 2, 3, 1.5, 2.5][i % 5]
        label = (row["category"].replace("_", " ").capitalize()
                 if row["category"] not in shown else None)
        shown.add(row["category"])
        ax.plot([x], [level], marker=markers[row["category"]], color=colours[row["category"]],
                markersize=8, linestyle="none", markerfacecolor="white"
                if when.precision != "day" else colours[row["category"]], label=label)
        ax.vlines(x, 0, level, color="#bbbbbb", linewidth=0.8, zorder=0)
        when_text = format_for_people(row["date"], row["date_end"]
                                      if isinstance(row["date_end"], str) else None)
        ax.text(x + 0.15, level, f"{labels.get(row['event_id'], '')}\n{when_text}".strip(),
                fontsize=7, va="center")
    ax.set_ylim(0, 3.6)
    ax.set_yticks([])
    ax.set_xlim(2002, 2024.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Belarus and WIPO since 2003: visits, agreements, the Hague Agreement")
    ax.set_xlabel("Year (hollow marker: only the month is known)")
    ax.legend(loc="upper left", ncols=3, fontsize=8)
    ax.grid(axis="y", visible=False)
    ax.spines["left"].set_visible(False)
    charts.add_source_line(fig, charts.source_text(recent))
    return fig
