"""The WTO chapter's model: every number the chapter states, computed once from the tables it
declares (`TABLES`), as one frozen value the notebook, the charts and the words read.

Belarus's accession since 1993 against the WTO's growth and every other accession. A partial
date is never turned into an invented day: counts use the first or last day it may stand for,
whichever makes the statement certain; open-ended spans run to the report's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from belarus_ip_report.chapters.wto_accession import GOVERNMENT, TABLES, membership, milestones
from belarus_ip_report.curated import claims, status
from belarus_ip_report.foundation.dates import Elapsed, PartialDate, whole_years_between

#: Key figures the chapter quotes as the Foreign Ministry states them.
BILATERAL_FIGURE = "bilateral-talks-concluded"
BILATERAL_SINCE_2017_FIGURE = "bilateral-talks-concluded-since-2017"
#: The member count the Foreign Ministry's WTO page gives (a source document of the project).
SOURCE_DOCUMENT_MEMBER_FIGURE = "wto-members-2019"


@dataclass(frozen=True)
class WtoAccession:
    """Chapter 2's numbers, each computed once."""

    as_of: date
    wto_start: date
    milestones: pd.DataFrame
    members: pd.DataFrame
    accessions: pd.DataFrame
    key_figures: pd.DataFrame
    sources: pd.DataFrame
    spans: pd.DataFrame
    meetings: pd.DataFrame
    intervals: pd.DataFrame
    pause: pd.Series
    story: dict
    per_year: pd.DataFrame
    steps: pd.DataFrame
    undated_members: list[str]
    reported: pd.DataFrame
    growth: pd.DataFrame
    durations: pd.DataFrame
    excluded: list[str]
    headline: dict
    #: Members on the WTO's first day and on the report's date, by the one rule
    #: (`curated.status`): counted from the dated rows, never typed.
    members_first_day: int
    members_now: int
    #: Governments acceding on the report's date, by the same rule.
    acceding_now: int
    #: Belarus and its peers: application, membership, years taken or waited so far.
    peers: pd.DataFrame
    #: The values on which sources disagree (table, row key, column), as recorded.
    disputed: set

    @property
    def own_duration(self) -> float:
        return float(self.durations.set_index("government").at[GOVERNMENT, "years"])


def build(tables: dict[str, pd.DataFrame], as_of: date) -> WtoAccession:
    """The model from the chapter's tables (`load_tables(TABLES)`), on `as_of`."""
    table = tables["wto_accession_milestones"]
    members, accessions = tables["wto_members"], tables["wto_accessions"]
    key_figures = tables["key_figures"]
    wto_start = membership.wto_first_day(members)
    spans = milestones.milestone_spans(table)
    meetings = milestones.numbered_meetings(table)
    intervals = milestones.meeting_intervals(meetings)
    story = milestones.timeline_summary(table)
    durations = membership.accession_durations(accessions, as_of, wto_start)
    return WtoAccession(
        as_of=as_of, wto_start=wto_start, milestones=table, members=members,
        accessions=accessions, key_figures=key_figures, sources=tables["sources"],
        spans=spans, meetings=meetings, intervals=intervals,
        pause=milestones.longest_interval(intervals), story=story,
        per_year=milestones.meetings_per_year(table, story["first_meeting_year"],
                                              story["halt_date"].year),
        steps=membership.member_steps(members),
        undated_members=membership.undated_members(members),
        reported=membership.reported_member_counts(key_figures),
        growth=membership.members_per_year(members, wto_start.year, as_of),
        durations=durations,
        excluded=membership.without_application_date(accessions),
        headline=headline(meetings, accessions, key_figures, durations, as_of, wto_start),
        members_first_day=status.members_on(members, wto_start),
        members_now=status.members_on(members, as_of),
        acceding_now=len(status.acceding_on(accessions, as_of)),
        peers=membership.peer_accessions(members, accessions, as_of),
        disputed=claims.disputed(tables["discrepancies"]),
    )


def headline(meetings: pd.DataFrame, accessions: pd.DataFrame, key_figures: pd.DataFrame,
             durations: pd.DataFrame, as_of: date, since: date,
             government: str = GOVERNMENT) -> dict[str, object]:
    """The chapter's headline figures; accessions are compared from `since`, the WTO's first
    day."""
    own = accessions.loc[accessions["government"] == government]
    if len(own) != 1 or pd.isna(own["application_date"].iloc[0]):
        raise ValueError(f"wto_accessions needs one row for {government} with an application "
                         "date")
    applied = own["application_date"].iloc[0]
    figures = key_figures.set_index("figure_id")["value"]
    last_meeting = meetings.iloc[-1]
    return {
        "application_date": applied,
        # Counted from the last day the application may have been made: certainly elapsed.
        "years_since_application": whole_years_between(applied.last, as_of),
        "years_since_application_decimal": Elapsed.between(applied,
                                                           PartialDate.day(as_of)).years(1)[1],
        "since_year": since.year,
        "meetings_held": len(meetings),
        "last_meeting_number": int(last_meeting["meeting_number"]),
        "last_meeting_date": last_meeting["date"],
        "bilateral_concluded": int(figures[BILATERAL_FIGURE]),
        "bilateral_since_2017": int(figures[BILATERAL_SINCE_2017_FIGURE]),
        **membership.duration_rank(durations, government),
    }


def load(as_of: date | None = None) -> WtoAccession:
    """The model from the clean tables, on the report's date unless another is given."""
    from belarus_ip_report.curated.tables import load_table
    from belarus_ip_report.foundation import settings

    return build({name: load_table(name) for name in TABLES}, as_of or settings.AS_OF)
