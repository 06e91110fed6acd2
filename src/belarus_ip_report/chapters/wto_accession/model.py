"""The WTO chapter's numbers: Belarus's accession since 1993 against the WTO's growth and
other accessions.

Computed from `wto_accession_milestones`, `wto_members`, `wto_accessions`, `key_figures`
and `context_events`. A partial date is never turned into an invented day: counts use the
first or last day it may stand for, whichever makes the statement certain; open-ended spans
run to `settings.AS_OF`, passed in as `as_of`.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from belarus_ip_report.foundation.dates import (
    Elapsed,
    PartialDate,
    decimal_year,
    end_of_day_year,
    whole_years_between,
    years_of,
)

HALT_MILESTONE = "accession-work-halted-2020"


JOINT_STATEMENTS = ("joint-statement-suspension-2022", "joint-statement-unfit-2022")


#: Member counts stated by sources, drawn beside the count computed from `wto_members`.
MEMBER_COUNT_FIGURES = (
    "wto-members-first-day",
    "wto-members-2019",
    "wto-members-comoros",
    "wto-members-timor-leste",
)


SOURCE_DOCUMENT_MEMBER_FIGURE = "wto-members-2019"


BILATERAL_FIGURE = "bilateral-talks-concluded"


BILATERAL_SINCE_2017_FIGURE = "bilateral-talks-concluded-since-2017"


WTO_START_EVENT = "wto-established"








def milestone_spans(milestones: pd.DataFrame) -> pd.DataFrame:
    """Every milestone with the first and last day it may cover and how to draw it.

    `kind` is 'day' (one known day), 'range' (several known days, e.g. 31 October–3 November)
    or 'partial' (the source gives only a month or a year, for one end or both): a partial
    milestone covers its whole possible period and is never pinned to an invented day.
    """
    rows = []
    for row in milestones.itertuples(index=False):
        start = row.date
        end = row.date_end if isinstance(row.date_end, PartialDate) else start
        partial = start.precision != "day" or end.precision != "day"
        kind = "partial" if partial else ("range" if end.last > start.first else "day")
        precision = start.precision if start.precision != "day" else end.precision
        rows.append({
            "milestone_id": row.milestone_id,
            "category": row.category,
            "meeting_number": row.meeting_number,
            "date": row.date,
            "date_end": row.date_end,
            "precision": precision,
            "kind": kind,
            "first": start.first,
            "last": end.last,
            "x_first": decimal_year(start.first),
            "x_last": end_of_day_year(end.last),
            "description": row.description,
            "source_ids": row.source_ids,
        })
    out = pd.DataFrame(rows, columns=[
        "milestone_id", "category", "meeting_number", "date", "date_end", "precision", "kind",
        "first", "last", "x_first", "x_last", "description", "source_ids"])
    out["x_mid"] = (out["x_first"] + out["x_last"]) / 2
    out["meeting_number"] = out["meeting_number"].astype("Int64")
    return out.sort_values(["first", "milestone_id"], kind="stable", ignore_index=True)


def numbered_meetings(milestones: pd.DataFrame) -> pd.DataFrame:
    """The formal working-party meetings, in the order of their numbers.

    Raises ValueError if a number appears twice or if a later number is dated before an
    earlier one: either means a row of the milestone table is wrong.
    """
    meetings = milestones[milestones["meeting_number"].notna()]
    repeated = meetings["meeting_number"][meetings["meeting_number"].duplicated()]
    if not repeated.empty:
        number = int(repeated.iloc[0])
        ids = meetings.loc[meetings["meeting_number"] == number, "milestone_id"].tolist()
        raise ValueError(f"working-party meeting number {number} appears more than once "
                         f"({', '.join(ids)}); each meeting needs its own number")
    spans = milestone_spans(meetings).sort_values("meeting_number", ignore_index=True)
    for earlier, later in zip(spans.itertuples(), spans.iloc[1:].itertuples(), strict=False):
        if later.last < earlier.first:
            raise ValueError(f"meeting {later.meeting_number} ({later.date}) is dated before "
                             f"meeting {earlier.meeting_number} ({earlier.date})")
    spans["meeting_number"] = spans["meeting_number"].astype(int)
    spans["year"] = spans["first"].map(lambda day: day.year)
    return spans[["meeting_number", "milestone_id", "date", "precision", "first", "last",
                  "x_mid", "year", "source_ids"]]


def missing_meeting_numbers(meetings: pd.DataFrame) -> list[int]:
    """Numbers between 1 and the highest with no row: meetings the table does not record."""
    held = set(meetings["meeting_number"].astype(int))
    return [n for n in range(1, max(held, default=0) + 1) if n not in held]


def meeting_intervals(meetings: pd.DataFrame) -> pd.DataFrame:
    """Time between consecutive numbered meetings, in months, with the possible range.

    For a meeting known only to the month the interval is uncertain: `months_min` and
    `months_max` bound it, `months` is measured between midpoints.
    """
    rows = []
    ordered = meetings.sort_values("meeting_number")
    for before, after in zip(ordered.itertuples(), ordered.iloc[1:].itertuples(), strict=False):
        elapsed = Elapsed.between(before, after)  # each meeting's first and last possible day
        months_min, months, months_max = elapsed.months(1)
        rows.append({
            "from_meeting": before.meeting_number,
            "to_meeting": after.meeting_number,
            "from_date": before.date,
            "to_date": after.date,
            "months": months,
            "months_min": months_min,
            "months_max": months_max,
            "years": elapsed.years(1)[1],
            "source_ids": f"{before.source_ids};{after.source_ids}",
        })
    return pd.DataFrame(rows, columns=[
        "from_meeting", "to_meeting", "from_date", "to_date", "months", "months_min",
        "months_max", "years", "source_ids"])


def longest_interval(intervals: pd.DataFrame) -> pd.Series:
    """The longest gap between two numbered meetings (the first, if two are equal)."""
    return intervals.loc[intervals["months"].idxmax()]


def meetings_per_year(milestones: pd.DataFrame, first_year: int, last_year: int
                      ) -> pd.DataFrame:
    """Per year: numbered (formal) meetings and other working-party meetings (informal rounds).

    A partial date still gives its year, so every meeting is counted in a year.
    """
    wp = milestones[milestones["category"] == "working_party_meeting"]
    year = years_of(wp["date"])
    numbered = wp["meeting_number"].notna()
    years = pd.RangeIndex(first_year, last_year + 1, name="year")
    return pd.DataFrame({
        "numbered": year[numbered].value_counts().reindex(years, fill_value=0),
        "informal": year[~numbered].value_counts().reindex(years, fill_value=0),
    }).astype(int).reset_index()


def member_steps(members: pd.DataFrame) -> pd.DataFrame:
    """Dated members, cumulated at each day on which the count certainly rose.

    A member known only by month or year is counted from the last day of that period, the
    first day by which it was certainly a member. Members without a date are left out (see
    `undated_members`).
    """
    dated = members.dropna(subset=["membership_date"])
    certain = dated["membership_date"].map(lambda when: when.last)
    steps = certain.value_counts().sort_index()
    out = pd.DataFrame({"date": list(steps.index),
                        "joined": steps.to_numpy(dtype=int)})
    out["dated_members"] = out["joined"].cumsum()
    return out


def undated_members(members: pd.DataFrame) -> list[str]:
    return sorted(members.loc[members["membership_date"].isna(), "member"])


def members_per_year(members: pd.DataFrame, first_year: int, as_of: date) -> pd.DataFrame:
    """Members with a known date at the end of each year (or on `as_of`), and those joining."""
    steps = member_steps(members)
    undated = len(undated_members(members))
    rows = []
    for year in range(first_year, as_of.year + 1):
        end = min(date(year, 12, 31), as_of)
        in_year = steps["date"].map(lambda day: day.year) == year
        rows.append({
            "year": year,
            "joined": int(steps.loc[in_year & (steps["date"] <= end), "joined"].sum()),
            "dated_members": int(steps.loc[steps["date"] <= end, "joined"].sum()),
            "undated_members": undated,
        })
    return pd.DataFrame(rows)


def reported_member_counts(key_figures: pd.DataFrame,
                           ids: tuple[str, ...] = MEMBER_COUNT_FIGURES) -> pd.DataFrame:
    """The WTO member counts that sources state, in date order, with their possible period."""
    figures = key_figures[key_figures["figure_id"].isin(ids)]
    rows = []
    for row in figures.itertuples(index=False):
        when = row.as_of
        rows.append({
            "figure_id": row.figure_id,
            "value": int(row.value),
            "as_of": row.as_of,
            "precision": when.precision,
            "x_first": decimal_year(when.first),
            "x_last": end_of_day_year(when.last),
            "description": row.description,
            "source_ids": row.source_ids,
        })
    out = pd.DataFrame(rows, columns=["figure_id", "value", "as_of", "precision", "x_first",
                                      "x_last", "description", "source_ids"])
    out["x_mid"] = (out["x_first"] + out["x_last"]) / 2
    return out.sort_values(["as_of", "figure_id"], kind="stable", ignore_index=True)


def membership_chart_data(steps: pd.DataFrame, reported: pd.DataFrame, undated: int
                          ) -> pd.DataFrame:
    """What the membership chart draws, in one long table for the CSV beside it."""
    dated = steps.assign(series="dated members (wto_members)", count=steps["dated_members"],
                         precision="day", source_ids=pd.NA)
    stated = reported.assign(series="count stated by a source", date=reported["as_of"],
                             count=reported["value"])
    columns = ["series", "date", "count", "precision", "source_ids"]
    out = pd.concat([dated[columns], stated[columns]], ignore_index=True)
    out["undated_members"] = undated
    return out


def without_application_date(accessions: pd.DataFrame) -> list[str]:
    return sorted(accessions.loc[accessions["application_date"].isna(), "government"])


def wto_first_day(members: pd.DataFrame) -> date:
    """The WTO's first day, as `wto_members` dates it: its original members joined that day,
    the earliest membership date in the table."""
    return min(members["membership_date"].dropna()).first


def accession_durations(accessions: pd.DataFrame, as_of: date, since: date) -> pd.DataFrame:
    """Years from application to membership, longest first; open accessions run to `as_of`.

    Covers governments that became members on or after `since` (the WTO's first day, from the
    data) and those still acceding.
    Rows without an application date are left out (`without_application_date` names them).
    `years` is measured between midpoints of partial dates; `years_min` and `years_max` bound
    it by their first and last possible days.
    """
    rows = []
    for row in accessions.dropna(subset=["application_date"]).itertuples(index=False):
        start = row.application_date
        joined = row.membership_date if isinstance(row.membership_date, PartialDate) else None
        if joined is not None and joined.last < since:
            continue
        end = joined or PartialDate.day(as_of)
        years_min, years, years_max = Elapsed.between(start, end).years(2)
        rows.append({
            "government": row.government,
            "application_date": row.application_date,
            "membership_date": row.membership_date,
            "still_acceding": joined is None,
            "years": years,
            "years_min": years_min,
            "years_max": years_max,
            "source_ids": row.source_ids,
        })
    out = pd.DataFrame(rows, columns=[
        "government", "application_date", "membership_date", "still_acceding", "years",
        "years_min", "years_max", "source_ids"])
    return out.sort_values(["years", "government"], ascending=[False, True], kind="stable",
                           ignore_index=True)


def duration_rank(durations: pd.DataFrame, government: str) -> dict[str, int]:
    """Where `government` stands among the longest accessions (1 = longest), in all and open."""
    if government not in set(durations["government"]):
        raise ValueError(f"{government} has no accession duration (no application date?)")
    years = durations.set_index("government")["years"]
    own = years[government]
    still_open = durations[durations["still_acceding"]]
    return {
        "rank": int((years > own).sum()) + 1,
        "of": len(years),
        "rank_open": int((still_open["years"] > own).sum()) + 1,
        "of_open": len(still_open),
        "completed_longer": int((durations.loc[~durations["still_acceding"], "years"]
                                 > own).sum()),
    }


def timeline_summary(milestones: pd.DataFrame) -> dict[str, object]:
    """What the timeline shows, as numbers for the prose under it."""
    spans = milestone_spans(milestones)
    meetings = numbered_meetings(milestones)
    pause = longest_interval(meeting_intervals(meetings))
    informal = spans[(spans["category"] == "working_party_meeting")
                     & spans["meeting_number"].isna()
                     & (spans["first"] > pause["from_date"].last)
                     & (spans["last"] < pause["to_date"].first)]
    before = meetings[meetings["meeting_number"] <= pause["from_meeting"]]
    resumed = meetings[meetings["meeting_number"] >= pause["to_meeting"]]
    halt = _moment(spans, HALT_MILESTONE)
    after = spans[spans["first"] > halt["last"]] if halt is not None else spans.iloc[0:0]
    return {
        "milestones": len(spans),
        "partial": int((spans["kind"] == "partial").sum()),
        "ranges": int((spans["kind"] == "range").sum()),
        "first_meeting_year": int(before["year"].min()),
        "pause": pause,
        "pause_from_year": int(before["year"].max()),
        "informal_during_pause": len(informal),
        "resumed_meetings": len(resumed),
        "resumed_first": resumed["date"].iloc[0],
        "resumed_last": resumed["date"].iloc[-1],
        "last_number": int(meetings["meeting_number"].max()),
        "halt_date": None if halt is None else halt["date"],
        "after_halt": len(after),
        "last_date": spans["date"].iloc[-1],
        "last_description": spans["description"].iloc[-1],
    }


def headline(milestones: pd.DataFrame, accessions: pd.DataFrame, key_figures: pd.DataFrame,
             as_of: date, since: date, government: str = "Belarus") -> dict[str, object]:
    """The chapter's headline figures, each computed from the tables; accessions are compared
    from `since`, the WTO's first day."""
    own = accessions.loc[accessions["government"] == government]
    if len(own) != 1 or pd.isna(own["application_date"].iloc[0]):
        raise ValueError(f"wto_accessions needs one row for {government} with an application "
                         "date")
    applied = own["application_date"].iloc[0]
    meetings = numbered_meetings(milestones)
    durations = accession_durations(accessions, as_of, since)
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
        **duration_rank(durations, government),
    }


def _moment(spans: pd.DataFrame, milestone_id: str) -> pd.Series | None:
    found = spans[spans["milestone_id"] == milestone_id]
    return found.iloc[0] if not found.empty else None
