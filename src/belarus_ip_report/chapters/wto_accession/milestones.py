"""Belarus's accession milestone by milestone: each milestone's span (partial dates kept
partial), the numbered working-party meetings, the intervals between them and the longest pause,
meetings per year, and what the timeline shows.
"""

from __future__ import annotations

import pandas as pd

from belarus_ip_report.foundation.dates import (
    Elapsed,
    PartialDate,
    decimal_year,
    end_of_day_year,
    years_of,
)

HALT_MILESTONE = "accession-work-halted-2020"


JOINT_STATEMENTS = ("joint-statement-suspension-2022", "joint-statement-unfit-2022")


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


def _moment(spans: pd.DataFrame, milestone_id: str) -> pd.Series | None:
    found = spans[spans["milestone_id"] == milestone_id]
    return found.iloc[0] if not found.empty else None
