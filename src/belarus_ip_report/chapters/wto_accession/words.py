"""The WTO chapter's words: every sentence the chapter writes from its model, the alt text of
its charts, the milestone table for readers, ordinals and ranks in words.

Each function reads the model only (`WtoAccession`), so prose and charts state the same
numbers; values from the data are escaped before they enter Markdown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from belarus_ip_report.chapters.prose import (
    count_of,
    escape,
    fact_table,
    in_words,
    people_dates,
    source_list,
)
from belarus_ip_report.chapters.wto_accession import GOVERNMENT
from belarus_ip_report.chapters.wto_accession.lanes import LANES
from belarus_ip_report.foundation.dates import format_for_people

if TYPE_CHECKING:
    from belarus_ip_report.chapters.wto_accession.model import WtoAccession


def ordinal(number: int) -> str:
    """1 → '1st', 12 → '12th', 22 → '22nd'."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th")
    return f"{number}{suffix}"


def rank_words(rank: int, superlative: str = "longest") -> str:
    """1 → 'longest', 2 → 'second-longest', 11 → '11th-longest': a rank as prose."""
    if rank < 1:
        raise ValueError(f"a rank starts at 1, not {rank}")
    if rank == 1:
        return superlative
    words = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}
    return f"{words.get(rank, ordinal(rank))}-{superlative}"


def milestone_table(m: WtoAccession) -> pd.DataFrame:
    """Every milestone for readers: dates as people write them, lanes by name."""
    ordered = m.spans
    return fact_table(pd.DataFrame({
        "Date": people_dates(ordered, "date", "date_end"),
        "Event": ordered["description"],
        "Category": ordered["category"].map(lambda c: LANES[c].label.replace("\n", " ")),
        "Meeting": ordered["meeting_number"],
        "Sources": source_list(ordered["source_ids"]),
    }), "wto_accession_milestones", ordered["milestone_id"],
        {"Date": "date", "Meeting": "meeting_number"}, disputed=m.disputed)


def peer_table(m: WtoAccession) -> pd.DataFrame:
    """Belarus and its peers in the WTO, for readers."""
    peers = m.peers
    route = {"original": "original member (from the GATT)", "accession": "accession",
             "acceding": "still acceding"}
    return pd.DataFrame({
        "Country": peers["peer"],
        "Route": peers["route"].map(route),
        "Applied": people_dates(peers, "application_date", missing="—"),
        "Member since": people_dates(peers, "membership_date", missing="—"),
        "Years": [("—" if pd.isna(y) else f"{y:.1f}" + (" so far" if w else ""))
                  for y, w in zip(peers["years"], peers["waiting"], strict=True)],
    })


def peer_paragraph(m: WtoAccession) -> str:
    peers = m.peers[m.peers["peer"] != GOVERNMENT]
    done = peers[~peers["waiting"] & peers["years"].notna()]
    original = peers[peers["route"] == "original"]
    waiting = peers[peers["waiting"]]
    slowest = done.loc[done["years"].idxmax()]
    text = (f"Of Belarus's {len(peers)} peers, {len(done)} joined the WTO by accession, taking "
            f"{done['years'].min():.1f} to {done['years'].max():.1f} years (the longest, "
            f"{escape(slowest['peer'])})")
    if len(original):
        text += (f"; {in_words([escape(p) for p in original['peer']])} joined as "
                 + ("an original member" if len(original) == 1 else "original members"))
    if len(waiting):
        text += (f"; {in_words([escape(p) for p in waiting['peer']])}, like Belarus, "
                 + ("are" if len(waiting) > 1 else "is") + " still waiting")
    return text + f" on {format_for_people(m.as_of)}."


# --- Paragraphs -----------------------------------------------------------------------------

def headline(m: WtoAccession) -> str:
    head = m.headline
    return (
        f"As of {format_for_people(m.as_of)}, Belarus has been seeking membership for "
        f"**{head['years_since_application']} years**, since "
        f"{format_for_people(head['application_date'])}. Its working party has held "
        f"**{head['meetings_held']} numbered meetings**, the last on "
        f"{format_for_people(head['last_meeting_date'])}. The Foreign Ministry reports bilateral "
        f"market-access talks concluded with **{head['bilateral_concluded']} WTO members**, "
        f"{head['bilateral_since_2017']} of them since 2017. Of the {head['of']} accessions "
        f"completed since {head['since_year']} or still open, with a known application date, "
        f"Belarus's is the **{rank_words(head['rank'])}**; "
        + ("no completed accession took as long as Belarus has waited so far."
           if head["completed_longer"] == 0 else
           f"{head['completed_longer']} completed accessions took longer than Belarus has "
           "waited.")
    )


def timeline_paragraph(m: WtoAccession) -> str:
    story, pause = m.story, m.pause
    return (
        f"The table holds {story['milestones']} dated milestones; {story['partial']} of them "
        f"are known only to the month or year, and {story['ranges']} span several days. The "
        f"first {pause['from_meeting']} meetings of the working party fell between "
        f"{story['first_meeting_year']} and {story['pause_from_year']}. Then "
        f"{pause['years']:.1f} years went by without a formal meeting, broken only by "
        f"{story['informal_during_pause']} informal rounds, until the "
        f"{ordinal(pause['to_meeting'])} meeting on {format_for_people(pause['to_date'])}. "
        f"The next {story['resumed_meetings']} meetings, from "
        f"{format_for_people(story['resumed_first'])} to "
        f"{format_for_people(story['resumed_last'])}, came with seminars, bilateral rounds and "
        f"new observer roles. After {format_for_people(story['halt_date'])} the table has "
        f"{story['after_halt']} further milestones; the latest, from "
        f"{format_for_people(story['last_date'])}, reads: {escape(story['last_description'])}."
    )


def rhythm_paragraph(m: WtoAccession) -> str:
    pause, intervals, story = m.pause, m.intervals, m.story
    early = intervals[intervals["to_meeting"] <= pause["from_meeting"]]
    late = intervals[intervals["from_meeting"] >= pause["to_meeting"]]
    others = intervals.drop(pause.name)["months"].max()
    return (
        f"Before the long pause, consecutive meetings were {early['months'].min():.0f} to "
        f"{early['months'].max():.0f} months apart. After it they were "
        f"{late['months'].min():.0f} to {late['months'].max():.0f} months apart, a steadier "
        f"pace that ended with the {ordinal(story['last_number'])} meeting. The "
        f"{pause['months']:.0f} months between meetings {pause['from_meeting']} and "
        f"{pause['to_meeting']} are more than {int(pause['months'] // others)} times any other "
        f"gap. No numbered meeting is recorded after "
        f"{format_for_people(story['resumed_last'])}."
    )


def membership_paragraph(m: WtoAccession, source_document_figure: str) -> str:
    reported, steps, growth = m.reported, m.steps, m.growth
    first, latest = reported.iloc[0], reported.iloc[-1]
    stated = reported.set_index("figure_id").loc[source_document_figure]
    on_first_day = int(steps.loc[steps["date"] == m.wto_start, "dated_members"].sum())
    since_start = growth[growth["year"] > m.wto_start.year]
    listed = len(m.members)
    undated = m.undated_members
    return (
        f"The WTO opened on {format_for_people(m.wto_start)} with {first['value']} members "
        f"according to the sources, and the members table dates {on_first_day} to that day. "
        f"By the end of {m.wto_start.year} it dates {growth['dated_members'].iloc[0]}, and "
        f"{int(since_start['joined'].sum())} more joined after that. The Foreign Ministry's "
        f"count of {stated['value']} refers to {format_for_people(stated['as_of'])}; the latest "
        f"stated count is {latest['value']}, from {format_for_people(latest['as_of'])}, and the "
        f"members table lists {listed} members, "
        f"{'the same number' if listed == latest['value'] else 'a different number'}. "
        + (f"For {count_of(len(undated), 'member')} no source gives a date of membership "
           f"({in_words([escape(name) for name in undated])}); the chart does not guess one."
           if undated else "Every one of them has its date of membership in the table.")
    )


def durations_paragraph(m: WtoAccession) -> str:
    durations, head = m.durations, m.headline
    completed = durations[~durations["still_acceding"]]
    still_open = durations[durations["still_acceding"]]
    longer = durations.iloc[: head["rank"] - 1]
    return (
        f"The {len(completed)} completed accessions took between "
        f"{completed['years'].min():.1f} and {completed['years'].max():.1f} years, "
        f"{completed['years'].median():.1f} at the median. {m.acceding_now} governments are "
        f"still acceding; the chart draws the {len(still_open)} of them whose application date "
        f"is known. Belarus, at {m.own_duration:.1f} years, ranks "
        f"{head['rank']} of {head['of']}"
        + (f", behind only {', '.join(escape(g) for g in longer['government'])}"
           if len(longer) else "")
        + f". Left out for lack of an application date: "
        f"{', '.join(escape(g) for g in m.excluded)} ({len(m.excluded)} in all)."
    )


# --- Alt text ------------------------------------------------------------------------------

def busiest_years(spans: pd.DataFrame, width: int = 4) -> tuple[int, int]:
    """The `width`-year window holding the most milestones (the earliest such window)."""
    years = spans["first"].map(lambda day: day.year)
    windows = {start: int(years.between(start, start + width - 1).sum())
               for start in range(years.min(), years.max() + 1)}
    start = max(windows, key=lambda y: (windows[y], -y))
    return start, start + width - 1


def timeline_alt(m: WtoAccession) -> str:
    spans, pause = m.spans, m.pause
    counts = spans["category"].value_counts()
    lanes = "; ".join(f"{lane.label.replace(chr(10), ' ').lower()}: {counts.get(c, 0)}"
                      for c, lane in LANES.items())
    partial = int((spans["kind"] == "partial").sum())
    busiest = busiest_years(spans)
    return (f"Timeline of {len(spans)} dated milestones of Belarus's WTO accession from "
            f"{spans['first'].min().year} to {spans['last'].max().year}, in six lanes "
            f"({lanes}). {partial} milestones are known only to the month or year and are "
            f"drawn as hollow markers with a bar over the possible period. The longest gap "
            f"between numbered working-party meetings, {pause['years']:.1f} years, separates "
            f"meeting {pause['from_meeting']} ({format_for_people(pause['from_date'])}) from "
            f"meeting {pause['to_meeting']} ({format_for_people(pause['to_date'])}); most "
            f"milestones fall between {busiest[0]} and {busiest[1]}.")


def rhythm_alt(m: WtoAccession) -> str:
    per_year, intervals, pause = m.per_year, m.intervals, m.pause
    busiest = per_year.loc[per_year["numbered"].idxmax()]
    shortest = intervals.loc[intervals["months"].idxmin()]
    numbered, informal = per_year["numbered"].sum(), per_year["informal"].sum()
    return (f"Two panels. Top: numbered working-party meetings per year, "
            f"{per_year['year'].min()} to {per_year['year'].max()}, {numbered} in all, at most "
            f"{busiest['numbered']} in a year (first in {busiest['year']}), with {informal} "
            f"informal rounds shown separately. Bottom: months between "
            f"consecutive meetings, from {shortest['months']:.0f} months "
            f"(meetings {shortest['from_meeting']} to {shortest['to_meeting']}) to "
            f"{pause['months']:.0f} months (meetings {pause['from_meeting']} to "
            f"{pause['to_meeting']}).")


def membership_alt(m: WtoAccession) -> str:
    first, last = m.growth.iloc[0], m.growth.iloc[-1]
    stated = "; ".join(f"{r.value} ({format_for_people(r.as_of)})"
                       for r in m.reported.itertuples(index=False))
    return (f"Step chart of WTO members with a known membership date, from "
            f"{first['dated_members']} at the end of {first['year']} to "
            f"{last['dated_members']} in {last['year']}, with a dotted line adding the "
            f"{len(m.undated_members)} members whose date no source gives. Counts stated by "
            f"sources are marked: {stated}.")


def duration_alt(m: WtoAccession) -> str:
    durations, rank = m.durations, m.headline
    longest = durations.iloc[0]
    completed = durations[~durations["still_acceding"]]
    return (f"Horizontal bars for {len(durations)} accessions, longest first: "
            f"{len(completed)} completed (from {completed['years'].min():.1f} to "
            f"{completed['years'].max():.1f} years) and {rank['of_open']} still open, drawn "
            f"hatched up to the report date. Belarus has waited {m.own_duration:.1f} years, "
            f"rank {rank['rank']} of {rank['of']}; the longest is {longest['government']} at "
            f"{longest['years']:.1f} years. {len(m.excluded)} accessions without an application "
            f"date are left out.")
