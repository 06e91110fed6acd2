"""The overview's words: when each story peaks, and the disagreements between sources, one
line each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd

from belarus_ip_report.chapters.prose import escape, fact_table, in_words, people_dates
from belarus_ip_report.chapters.wto_accession.milestones import JOINT_STATEMENTS
from belarus_ip_report.chapters.wto_accession.words import ordinal
from belarus_ip_report.foundation.dates import format_for_people, years_of

if TYPE_CHECKING:
    from belarus_ip_report.chapters.overview.model import Overview


def peaks_sentence(o: Overview) -> str:
    """The decades in which each story has most events (`overview.events_per_decade`): the two
    busiest for the treaties, the busiest for the others."""
    per_decade = o.per_decade
    def busiest(lane: str, how_many: int) -> str:
        counts = per_decade[lane].sort_index()
        top = counts.sort_values(ascending=False, kind="stable").index[:how_many]
        return in_words([f"{decade}s" for decade in sorted(top)])

    return (f"The three stories peak at different times: treaty accessions in the "
            f"{busiest('wipo', 2)}, WTO activity in the {busiest('wto', 1)}, and the "
            f"Belarus–Russia instruments in the {busiest('brip', 1)}.")


def summary_alt(o: Overview) -> str:
    events, busiest = o.events, o.per_decade.sum(axis=1).idxmax()
    lanes = events["lane"].value_counts()
    return (f"Timeline from {events['year'].min()} to {o.as_of.year} with three lanes: "
            f"{lanes.get('wipo', 0)} WIPO treaties entering into force for Belarus, "
            f"{lanes.get('wto', 0)} WTO accession milestones and {lanes.get('brip', 0)} "
            f"Belarus-Russia IP instruments; activity is densest in the {busiest}s.")


def per_decade_table(o: Overview) -> pd.DataFrame:
    table = o.per_decade.rename(columns={"wipo": "WIPO treaties", "wto": "WTO milestones",
                                         "brip": "Belarus–Russia instruments"})
    table.index = [f"{decade}s" for decade in table.index]
    return table.rename_axis("decade").reset_index()


def key_findings(o: Overview, link: Callable[[str], str]) -> str:
    """The overview's findings as a Markdown list, every number a field of a chapter's model;
    `link(stem)` writes the link to the chapter that backs a finding."""
    w, a, ip = o.wipo, o.wto, o.ip
    head, wto_head = w.headline, a.headline
    outside = w.reach.loc[~w.reach["belarus_party"], "parties_count"]
    longer = a.durations.loc[a.durations["years"] > a.own_duration, "government"].tolist()
    longer_note = (f"only {', '.join(escape(g) for g in longer)} has taken longer"
                   if len(longer) == 1 else f"{len(longer)} have taken longer" if longer
                   else "none has taken longer")
    pause = a.pause
    statements = a.spans[a.spans["milestone_id"].isin(JOINT_STATEMENTS)]
    recent = ip.items[years_of(ip.items["date"]) >= ip.pace.offices_from]
    latest_agreement = ip.steps["signed"]
    return f"""
- **Belarus is party to {head['belarus_parties']} of the {head['administered']} treaties
  WIPO administers** ({head['share']:.0%}); the newest for Belarus is the
  {escape(head['newest_name'])}, in force since {format_for_people(head['newest_date'])}. The
  Foreign Ministry's pages give other counts; {link('01_wipo_treaties')} explains them.
- **The treaties Belarus has not joined are the narrow ones**: it belongs to every WIPO treaty
  with more than {int(outside.max())} contracting parties. {link('01_wipo_treaties')}
- **Belarus applied to join the GATT, the WTO's predecessor, in
  {format_for_people(wto_head['application_date'])}: {wto_head['years_since_application']} years
  ago.** Of {wto_head['of']} accessions since {wto_head['since_year']}, finished or still open,
  {longer_note}. {link('02_wto_accession')}
- **Its working party met {wto_head['meetings_held']} times**, the last on
  {format_for_people(wto_head['last_meeting_date'])}, after a gap of {pause['years']:.1f} years
  between the {ordinal(int(pause['from_meeting']))} and {ordinal(int(pause['to_meeting']))}
  meetings. The Foreign Ministry reports bilateral market-access talks concluded with
  {wto_head['bilateral_concluded']} members, {wto_head['bilateral_since_2017']} of them since
  2017. {link('02_wto_accession')}
- **Work on the accession stopped after {format_for_people(a.story['halt_date'])}**; in
  {format_for_people(statements['date'].min().to_precision('month'))}, {len(statements)} joint
  statements by groups of members declared it suspended. {link('02_wto_accession')}
- **The WTO itself grew from {a.members_first_day} members on its first day to
  {a.members_now}** on {format_for_people(o.as_of)}; {a.acceding_now} governments are still
  acceding. {link('02_wto_accession')}
- **Belarus–Russia IP cooperation is recent**: {len(recent)} of the {len(ip.items)} IP
  instruments since {ip.items['date'].min().year} date from {ip.pace.offices_from} or later,
  ending with an intergovernmental IP agreement in {latest_agreement['date'].year}.
  {link('03_belarus_russia_ip')}
- **Every value is sourced**: {len(o.sources)} sources back the data, each value with the place
  in its source where it stands, and {o.discrepancies['discrepancy_id'].nunique()} points on which
  sources disagree are recorded with the value used. {link('04_clean_tables')}
"""


def source_documents_table(o: Overview) -> pd.DataFrame:
    documents = o.sources[o.sources["kind"] == "source_document"]
    return fact_table(pd.DataFrame({
        "Source document": documents["title"],
        "Publisher": documents["publisher"],
        "Published": people_dates(documents, "published", missing="not dated"),
        "Id": documents["source_id"],
    }), "sources", documents["source_id"], sources="Id")


def sources_sentence(o: Overview) -> str:
    sources = o.sources
    documents = int((sources["kind"] == "source_document").sum())
    by_tier = sources["tier"].value_counts()
    return (
        f"Beyond these {documents} documents, the data cites {len(sources) - documents} "
        f"sources: {by_tier.get('primary', 0)} primary records, {by_tier.get('official', 0)} "
        f"official pages, {by_tier.get('press', 0)} press reports, "
        f"{by_tier.get('reference', 0)} reference works and {by_tier.get('copy', 0)} copies "
        "(the five documents included); all are listed under References with their tier."
    )
