"""The Belarus–Russia chapter's words: kinds and levels for readers, the instrument tables.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from belarus_ip_report.chapters.belarus_russia_ip.model import Pace
from belarus_ip_report.chapters.prose import escape, people_dates
from belarus_ip_report.foundation.dates import PartialDate, format_for_people

KIND_LABELS = {
    "integration_treaty": "Integration treaty",
    "intergovernmental_agreement": "Intergovernmental agreement",
    "agency_agreement": "Agency agreement",
    "memorandum": "Memorandum",
    "government_decision": "Government decision",
}


def instrument_table(table: pd.DataFrame) -> pd.DataFrame:
    """The instruments for readers: date, parties, kind, subject, sources."""
    return pd.DataFrame({
        "Date": people_dates(table, "date"),
        "Instrument": table["title"],
        "Parties": table["parties"],
        "Kind": table["kind"].map(KIND_LABELS),
        "Subject": table["subject"],
        "Sources": table["source_ids"].str.replace(";", "; "),
    })


LEVEL_NAMES = {"national": "Belarusian law", "eurasian": "Eurasian (regional)",
               "bilateral": "Bilateral"}


def ip_law_table(table: pd.DataFrame) -> pd.DataFrame:
    """Belarus's own IP acts and the regional instruments it joined, for readers."""
    return pd.DataFrame({
        "Adopted or signed": people_dates(table, "date"),
        "In force for Belarus": people_dates(table, "in_force", missing="not found"),
        "Instrument": table["title"],
        "Level": table["level"].map(LEVEL_NAMES),
        "What it does": table["subject"],
        "Sources": table["source_ids"].str.replace(";", "; "),
    })


def pace_paragraph(pace: Pace) -> str:
    """How the instruments are spread over time, in a paragraph (Markdown, numbers only)."""
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


def agreement_paragraph(steps: dict[str, pd.Series], as_of: date) -> str:
    """How the dates of the latest agreement fit together, and what is not shown."""
    draft, signed, approved = steps["draft"], steps["signed"], steps["approved"]
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


def frames_paragraph(patent_signed: pd.Series, patent_in_force: pd.Series,
                     trademark_signed: pd.Series, trademark_in_force: pd.Series,
                     forum: pd.Series) -> str:
    """The regional frames' dates, and the forum where a memorandum was signed."""
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


def law_paragraph(law: dict[str, pd.DataFrame]) -> str:
    """What the table of Belarus's IP law holds, first and last."""
    regional, national = law["eurasian"], law["national"]
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
