"""The Belarus–Russia chapter's model: every number the chapter states, computed once from the
tables it declares (`TABLES`), as one frozen value the notebook, the chart and the words read.

IP instruments against political integration, and Belarus's own IP law.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from belarus_ip_report.chapters.belarus_russia_ip import TABLES
from belarus_ip_report.curated import claims
from belarus_ip_report.foundation.dates import PartialDate, years_of

#: Instruments concluded or decided by the governments (the other kinds are the IP offices').
GOVERNMENT_KINDS = ("intergovernmental_agreement", "government_decision")


def instruments(table: pd.DataFrame) -> pd.DataFrame:
    """The IP instruments (everything but the integration treaties), oldest first."""
    return table[table["kind"] != "integration_treaty"].reset_index(drop=True)


def integration_treaties(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["kind"] == "integration_treaty"].reset_index(drop=True)


def integration_span(table: pd.DataFrame) -> tuple[PartialDate, PartialDate]:
    treaties = integration_treaties(table)["date"]
    return min(treaties), max(treaties)


def first_years(items: pd.DataFrame) -> pd.Series:
    """The year of each instrument's (possibly partial) date."""
    return years_of(items["date"])


def years_between_instruments(items: pd.DataFrame) -> pd.Series:
    """Gaps between successive instruments, in whole years of their (first) dates."""
    return first_years(items).diff().dropna().astype(int)


@dataclass(frozen=True)
class Pace:
    """How the IP instruments are spread over time."""

    count: int
    first_year: int
    last_year: int
    longest_gap: int
    #: The year the IP offices concluded their first instrument, and how many came from then.
    offices_from: int
    since_offices: int
    integration_from: int
    integration_to: int
    #: The last integration treaty's short name ('Union State'), and in Russian.
    integration_name: str
    integration_name_ru: str
    #: The year of the governments' next instrument after their first (None: none yet).
    governments_again: int | None


def pace(table: pd.DataFrame) -> Pace:
    items = instruments(table)
    years = first_years(items)
    offices = years[~items["kind"].isin(GOVERNMENT_KINDS)]
    governments = years[items["kind"].isin(GOVERNMENT_KINDS)]
    start, end = integration_span(table)
    return Pace(
        count=len(items), first_year=int(years.min()), last_year=int(years.max()),
        longest_gap=int(years_between_instruments(items).max()),
        offices_from=int(offices.min()), since_offices=int((years >= offices.min()).sum()),
        integration_from=start.first.year, integration_to=end.last.year,
        integration_name=integration_treaties(table).iloc[-1]["short_name"],
        integration_name_ru=integration_treaties(table).iloc[-1]["short_name_ru"],
        governments_again=int(governments.iloc[1]) if len(governments) > 1 else None,
    )


def agreement_steps(table: pd.DataFrame) -> dict[str, pd.Series]:
    """The latest intergovernmental agreement and the government decisions around it: the
    draft approved before it was signed, and its approval after."""
    items = instruments(table)
    agreements = items[items["kind"] == "intergovernmental_agreement"]
    signed = agreements.iloc[-1]
    decisions = items[items["kind"] == "government_decision"]
    return {"draft": decisions[decisions["date"] < signed["date"]].iloc[-1], "signed": signed,
            "approved": decisions[decisions["date"] > signed["date"]].iloc[0]}


def ip_law(table: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Belarus's national IP acts and the regional instruments it joined, each oldest first."""
    ordered = table.sort_values("date", kind="stable")
    return {level: ordered[ordered["level"] == level].reset_index(drop=True)
            for level in ("national", "eurasian")}


#: The context events and key figure the chapter's frames paragraph cites, by id.
FRAME_EVENTS = {
    "patent_signed": "eurasian-patent-convention-signed",
    "patent_in_force": "eurasian-patent-convention-in-force",
    "trademark_signed": "eaeu-trademark-treaty-signed",
    "trademark_in_force": "eaeu-trademark-treaty-in-force",
}
FORUM_FIGURE = "forum-russian-regions"


@dataclass(frozen=True)
class BelarusRussiaIp:
    """Chapter 3's numbers, each computed once."""

    as_of: date
    table: pd.DataFrame
    ip_law_table: pd.DataFrame
    sources: pd.DataFrame
    items: pd.DataFrame
    pace: Pace
    steps: dict[str, pd.Series]
    law: dict[str, pd.DataFrame]
    frames: dict[str, pd.Series]
    forum: pd.Series
    #: The values on which sources disagree (table, row key, column), as recorded.
    disputed: set


def build(tables: dict[str, pd.DataFrame], as_of: date) -> BelarusRussiaIp:
    table = tables["belarus_russia_ip"]
    context = tables["context_events"].set_index("event_id")
    return BelarusRussiaIp(
        as_of=as_of, table=table, ip_law_table=tables["belarus_ip_instruments"],
        sources=tables["sources"], items=instruments(table), pace=pace(table),
        steps=agreement_steps(table), law=ip_law(tables["belarus_ip_instruments"]),
        frames={name: context.loc[event] for name, event in FRAME_EVENTS.items()},
        forum=tables["key_figures"].set_index("figure_id").loc[FORUM_FIGURE],
        disputed=claims.disputed(tables["discrepancies"]),
    )


def load(as_of: date | None = None) -> BelarusRussiaIp:
    """The model from the clean tables, on the report's date unless another is given."""
    from belarus_ip_report.curated.tables import load_table
    from belarus_ip_report.foundation import settings

    return build({name: load_table(name) for name in TABLES}, as_of or settings.AS_OF)
