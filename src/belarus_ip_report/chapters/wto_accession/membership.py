"""The WTO's growth and every accession's length: members dated from `wto_members`, the
counts sources state, and the years from application to membership for each government.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from belarus_ip_report.foundation.dates import (
    Elapsed,
    PartialDate,
    decimal_year,
    end_of_day_year,
)


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


def reported_member_counts(key_figures: pd.DataFrame) -> pd.DataFrame:
    """The WTO member counts that sources state (key figures counting `wto_members`), in date
    order, with their possible period."""
    figures = key_figures[key_figures["quantity"].eq("wto_members") & key_figures["as_of"].notna()]
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


def russian_names(members: pd.DataFrame, accessions: pd.DataFrame) -> dict[str, str]:
    """Each government's and member's name as the data writes it in Russian (the tables'
    `government_ru` and `member_ru` companions), keyed by the English name."""
    names = dict(zip(members["member"], members["member_ru"], strict=True))
    names.update(zip(accessions["government"], accessions["government_ru"], strict=True))
    return names


def peer_accessions(members: pd.DataFrame, accessions: pd.DataFrame, as_of: date
                    ) -> pd.DataFrame:
    """Belarus and its peers in the WTO: each one's application, membership and the years
    between, or the years it has been waiting on `as_of`; an original member has no
    accession."""
    from belarus_ip_report.chapters.peers import COMPARED
    from belarus_ip_report.curated import status

    joined = members.set_index("member")
    applied = accessions.set_index("government")
    names_ru = russian_names(members, accessions)
    rows = []
    for peer in COMPARED:
        name = peer.wto_name
        member = joined.loc[name] if name in joined.index else None
        route = None if member is None else member["route"]
        application = applied.loc[name, "application_date"] if name in applied.index else None
        membership = None if member is None else member["membership_date"]
        if membership is not None and not status.on_or_before(membership, as_of):
            membership = None
        years = None
        if isinstance(application, PartialDate):
            end = membership if isinstance(membership, PartialDate) else PartialDate.day(as_of)
            years = Elapsed.between(application, end).years(1)[1]
        rows.append({"peer": peer.label, "peer_ru": names_ru.get(name, pd.NA),
                     "route": route or "acceding",
                     "application_date": application if isinstance(application, PartialDate)
                     else None, "membership_date": membership, "years": years,
                     "waiting": membership is None})
    return pd.DataFrame(rows)
