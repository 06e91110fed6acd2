"""The Belarus–Russia chapter's words: every sentence the chapter writes from its model, the
alt text of its chart and its tables for readers. Each function reads the model only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from belarus_ip_report.chapters.belarus_russia_ip.kinds import KINDS, LEVEL_NAMES
from belarus_ip_report.chapters.prose import escape, fact_table, people_dates, source_list
from belarus_ip_report.foundation.dates import PartialDate, format_for_people, years_of

if TYPE_CHECKING:
    from belarus_ip_report.chapters.belarus_russia_ip.model import BelarusRussiaIp

def instrument_table(m: BelarusRussiaIp) -> pd.DataFrame:
    """The instruments for readers: date, parties, kind, subject, sources."""
    table = m.table
    return fact_table(pd.DataFrame({
        "Date": people_dates(table, "date"),
        "Instrument": table["title"],
        "Parties": table["parties"],
        "Kind": table["kind"].map(lambda kind: KINDS[kind].label),
        "Subject": table["subject"],
        "Sources": source_list(table["source_ids"]),
    }), "belarus_russia_ip", table["instrument_id"], {"Date": "date"}, disputed=m.disputed)


def ip_law_table(m: BelarusRussiaIp) -> pd.DataFrame:
    """Belarus's own IP acts and the regional instruments it joined, for readers."""
    table = m.ip_law_table
    return fact_table(pd.DataFrame({
        "Adopted or signed": people_dates(table, "date"),
        "In force for Belarus": people_dates(table, "in_force", missing="not found"),
        "Instrument": table["title"],
        "Level": table["level"].map(LEVEL_NAMES),
        "What it does": table["subject"],
        "Sources": source_list(table["source_ids"]),
    }), "belarus_ip_instruments", table["instrument_id"],
        {"Adopted or signed": "date", "In force for Belarus": "in_force"}, disputed=m.disputed)


def pace_paragraph(m: BelarusRussiaIp) -> str:
    """How the instruments are spread over time, in a paragraph (Markdown, numbers only)."""
    pace = m.pace
    return (
        f"The {pace.count} IP instruments span {pace.last_year - pace.first_year} years, but "
        f"they are bunched at the end: after the {pace.first_year} agreement on industrial "
        f"property, the next instrument came {pace.longest_gap} years later, and "
        f"{pace.since_offices} of the {pace.count} date from {pace.offices_from} or later. The "
        f"integration treaties of {pace.integration_from}–{pace.integration_to} created the "
        f"{escape(pace.integration_name)} but no IP instrument of their own; the IP offices "
        f"filled the gap with agreements and memoranda from {pace.offices_from}, and the "
        + (f"governments concluded their next instrument only in {pace.governments_again}."
           if pace.governments_again else "governments have concluded none since.")
    )


def agreement_paragraph(m: BelarusRussiaIp) -> str:
    """How the dates of the latest agreement fit together, and what is not shown."""
    draft, signed, approved = m.steps["draft"], m.steps["signed"], m.steps["approved"]
    as_of = m.as_of
    return (
        f"The dates come from different sources and fit together as steps: Belarus's government "
        f"approved a draft as the basis for negotiations on {format_for_people(draft['date'])} "
        f"[{cite(draft)}]; the agreement itself is dated {format_for_people(signed['date'])} "
        f"[{cite(signed)}]; and its approval is reported for "
        f"{format_for_people(approved['date'])} [{cite(approved)}], which no official page "
        f"among the stored sources confirms. As of {format_for_people(as_of)}, no act approving "
        f"the agreement, no notification between the two governments and no notice of its entry "
        f"into force is among the sources in reach, so this report treats it as signed but not "
        f"shown to be in force."
    )


def frames_paragraph(m: BelarusRussiaIp) -> str:
    """The regional frames' dates, and the forum where a memorandum was signed."""
    patent_signed, patent_in_force = m.frames["patent_signed"], m.frames["patent_in_force"]
    trademark_signed = m.frames["trademark_signed"]
    trademark_in_force, forum = m.frames["trademark_in_force"], m.forum
    return (
        f"Both frames have firm dates. The Eurasian Patent Convention, a regional patent system "
        f"that Belarus and Russia both belong to, was signed on "
        f"{format_for_people(patent_signed['date'])} and entered into force on "
        f"{format_for_people(patent_in_force['date'])} [{cite(patent_in_force)}]. The EAEU "
        f"treaty on trademarks and appellations of origin was signed on "
        f"{format_for_people(trademark_signed['date'])} and entered into force on "
        f"{format_for_people(trademark_in_force['date'])} [{cite(trademark_in_force)}]. The "
        f"memorandum on information systems was one of the documents of a forum "
        f"({format_for_people(forum['as_of'])}): {escape(forum['description'])} "
        f"[{cite(forum)}]."
    )


def law_paragraph(m: BelarusRussiaIp) -> str:
    """What the table of Belarus's IP law holds, first and last."""
    regional, national = m.law["eurasian"], m.law["national"]
    first = national.iloc[0]
    took_effect = (f" and took effect on {format_for_people(first['in_force'])}"
                   if isinstance(first["in_force"], PartialDate) else "")
    return (
        f"The table holds {len(regional)} regional instruments, from the "
        f"{escape(regional.iloc[0]['title'])} of {regional.iloc[0]['date'].year} to the "
        f"{escape(regional.iloc[-1]['title'])} of {regional.iloc[-1]['date'].year}, and "
        f"{len(national)} Belarusian acts. The first of them, {escape(first['title'])}, is dated "
        f"{format_for_people(first['date'])}{took_effect} [{cite(first)}]; the latest is dated "
        f"{format_for_people(national.iloc[-1]['date'])}."
    )


def cite(row: pd.Series) -> str:
    return escape(row["source_ids"])


def timeline_alt(m: BelarusRussiaIp) -> str:
    from belarus_ip_report.chapters.belarus_russia_ip.model import integration_span

    items = m.items
    start, end = integration_span(m.table)
    years = years_of(items["date"])
    recent = years >= years.iloc[len(years) // 2]
    return (f"Timeline from {years.min()} to {years.max()} of {len(items)} Belarus–Russia IP "
            f"instruments in two lanes, governments and IP offices, with the "
            f"{start.first.year}–{end.last.year} integration treaties as a shaded band; "
            f"{int(recent.sum())} of the {len(items)} instruments date from "
            f"{years.iloc[len(years) // 2]} onwards.")
