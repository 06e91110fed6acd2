"""The report's appendices, made from the clean tables: the references with the values each
source backs, the tables behind the key findings, the data files, and how to cite."""

from __future__ import annotations

import pandas as pd

from belarus_ip_report.chapters.prose import fact_table, people_dates, source_list, table_html
from belarus_ip_report.curated.schemas import TABLES
from belarus_ip_report.curated.tables import load_table
from belarus_ip_report.foundation import settings
from belarus_ip_report.foundation.dates import PartialDate, format_for_people
from belarus_ip_report.publishing.datapackage import CODE_LICENCE, DATA_LICENCE


def references() -> list[dict[str, str]]:
    """Every source, with its tier, how it was read and the values it backs (each linked to its
    evidence entry); the snapshot sources also back the rows of treaty_parties."""
    from belarus_ip_report.publishing.evidence import READ_WORDS, backs_by_source, parties_backed

    sources = load_table("sources")
    backs = backs_by_source()
    imported = parties_backed(load_table("treaty_parties"))
    disputed = set(load_table("discrepancies")["source_id"])
    items = []
    for row in sources.itertuples(index=False):
        rows = imported.get(row.source_id, 0)
        items.append({
            "id": row.source_id,
            "tier": row.tier,
            "read_as": READ_WORDS[row.read_as],
            "publisher": row.publisher,
            "published": format_for_people(row.published) if isinstance(row.published, PartialDate)
            else "",
            "title": row.title,
            "lang": language_of(row.title),
            "url": row.url if isinstance(row.url, str) else "",
            "copy_url": row.copy_url if isinstance(row.copy_url, str) else "",
            "copy_date": format_for_people(row.copy_date) if isinstance(row.copy_date, PartialDate)
            else "",
            "accessed": format_for_people(row.accessed),
            "backs": backs.get(row.source_id, ""),
            "imported": (f"{rows} rows of treaty_parties (the contracting parties it lists)"
                         if rows else ""),
            "disputed": row.source_id in disputed,
        })
    return items


def language_of(text: str) -> str:
    """The language of a title, where its script tells it: Belarusian, Ukrainian or Russian
    by their letters, Chinese; '' for Latin-script titles (English, or unknown)."""
    if any("\u0400" <= ch <= "\u04ff" for ch in text):
        if any(ch in "іўІЎ" for ch in text):
            return "be"
        if any(ch in "їєґЇЄҐ" for ch in text):
            return "uk"
        return "ru"
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "zh"
    return ""


def appendix_tables() -> list[dict[str, str]]:
    """The tables behind the key findings, for readers who want the numbers themselves."""
    figures = load_table("key_figures")
    accessions = load_table("wto_accessions")
    members = load_table("wto_members")
    return [
        {"anchor": "table-a1", "number": "A1",
         "caption": "Figures the sources state, with the date each refers to (each is the "
                    "source's claim, compared with the dated rows in the chapters)",
         "body": table_html(fact_table(pd.DataFrame({
             "What the source states": figures["description"], "Value": figures["value"],
             "As of": people_dates(figures, "as_of", missing=""),
             "Sources": source_list(figures["source_ids"])}),
             "key_figures", figures["figure_id"], {"Value": "value", "As of": "as_of"}))},
        {"anchor": "table-a2", "number": "A2",
         "caption": "Accessions to the WTO since 1995, completed and open",
         "body": table_html(fact_table(pd.DataFrame({
             "Government": accessions["government"],
             "Applied": people_dates(accessions, "application_date", missing=""),
             "Working party": people_dates(accessions, "working_party_established",
                                          missing=""),
             "Member since": people_dates(accessions, "membership_date", missing=""),
             "Status": accessions["status"],
             "Sources": source_list(accessions["source_ids"])}),
             "wto_accessions", accessions["government"],
             {"Applied": "application_date", "Working party": "working_party_established",
              "Member since": "membership_date", "Status": "status"}))},
        {"anchor": "table-a3", "number": "A3", "caption": "WTO members and the date each joined",
         "body": table_html(fact_table(pd.DataFrame({
             "Member": members["member"], "Member since": people_dates(members, "membership_date",
                                                          missing=""),
             "Route": members["route"], "Sources": source_list(members["source_ids"])}),
             "wto_members", members["member"], {"Member since": "membership_date"}))},
    ]


def data_files() -> list[dict[str, str]]:
    """The clean tables, as the page links them: copies in report/data/ beside the pages, so
    that no link leaves the publication."""
    return [{"file": spec.file_name, "href": f"data/{spec.file_name}",
             "rows": str(len(load_table(spec.name))), "description": spec.description}
            for spec in TABLES]


def citation(fingerprint: str) -> dict[str, str]:
    from belarus_ip_report.publishing import citation as cite

    return {"as_of": format_for_people(settings.AS_OF), "version": settings.VERSION,
            "sentence": cite.sentence().replace("*", ""), "bibtex": cite.bibtex(fingerprint),
            "fingerprint": fingerprint, "author": settings.AUTHOR,
            "repository": settings.REPOSITORY or "",
            "data_licence": DATA_LICENCE["title"], "code_licence": CODE_LICENCE}
