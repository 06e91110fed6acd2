"""The report's appendices, made from the clean tables: the references with the values each
source backs, the tables behind the key findings, the data files, and how to cite."""

from __future__ import annotations

import html

import pandas as pd

from belarus_ip_report.chapters import chapter_showing
from belarus_ip_report.chapters.prose import people_dates, table_html
from belarus_ip_report.curated.provenance import facts_per_source
from belarus_ip_report.curated.schemas import TABLES
from belarus_ip_report.curated.tables import load_table
from belarus_ip_report.foundation import settings
from belarus_ip_report.foundation.dates import PartialDate, format_for_people
from belarus_ip_report.publishing.datapackage import CODE_LICENCE, DATA_LICENCE


def _backlinks(facts: list[tuple[str, str, str]]) -> str:
    """Which values rest on a source, grouped by table, each group linked to its chapter."""
    by_table: dict[str, list[str]] = {}
    for table, row_key, column in facts:
        by_table.setdefault(table, []).append(f"{row_key} › {column}")
    parts = []
    for table, places in by_table.items():
        shown = (", ".join(html.escape(place) for place in places) if len(places) <= 6
                 else f"{len(places)} values")
        parts.append(f'<a href="#{chapter_showing(table)}">{html.escape(table)}</a>: {shown}')
    return "; ".join(parts)


def references() -> list[dict[str, str]]:
    sources = load_table("sources")
    backs = facts_per_source(load_table("evidence"))
    disputed = set(load_table("discrepancies")["source_id"])
    items = []
    for row in sources.itertuples(index=False):
        items.append({
            "id": row.source_id,
            "tier": row.tier,
            "publisher": row.publisher,
            "published": format_for_people(row.published) if isinstance(row.published, PartialDate)
            else "",
            "title": row.title,
            "url": row.url if isinstance(row.url, str) else "",
            "copy_url": row.copy_url if isinstance(row.copy_url, str) else "",
            "copy_date": format_for_people(row.copy_date) if isinstance(row.copy_date, PartialDate)
            else "",
            "accessed": format_for_people(row.accessed),
            "backs": _backlinks(backs.get(row.source_id, [])),
            "disputed": row.source_id in disputed,
        })
    return items


def appendix_tables() -> list[dict[str, str]]:
    """The tables behind the key findings, for readers who want the numbers themselves."""
    figures = load_table("key_figures")
    accessions = load_table("wto_accessions")
    members = load_table("wto_members")
    return [
        {"anchor": "table-a1", "number": "A1",
         "caption": "Key figures the sources state, with the date each refers to",
         "body": table_html(pd.DataFrame({
             "Figure": figures["description"], "Value": figures["value"],
             "As of": people_dates(figures, "as_of", missing=""),
             "Sources": figures["source_ids"]}))},
        {"anchor": "table-a2", "number": "A2",
         "caption": "Accessions to the WTO since 1995, completed and open",
         "body": table_html(pd.DataFrame({
             "Government": accessions["government"],
             "Applied": people_dates(accessions, "application_date", missing=""),
             "Working party": people_dates(accessions, "working_party_established",
                                          missing=""),
             "Member since": people_dates(accessions, "membership_date", missing=""),
             "Status": accessions["status"], "Sources": accessions["source_ids"]}))},
        {"anchor": "table-a3", "number": "A3", "caption": "WTO members and the date each joined",
         "body": table_html(pd.DataFrame({
             "Member": members["member"], "Member since": people_dates(members, "membership_date",
                                                          missing=""),
             "Route": members["route"], "Sources": members["source_ids"]}))},
    ]


def data_files() -> list[dict[str, str]]:
    return [{"file": spec.file_name, "rows": str(len(load_table(spec.name))),
             "description": spec.description} for spec in TABLES]


def citation() -> dict[str, str]:
    as_of = format_for_people(settings.AS_OF)
    key = f"belarus-ip-report-{settings.AS_OF.year}"
    bibtex = (f"@misc{{{key},\n  title = {{{settings.REPORT_TITLE}: a reproducible data "
              f"report}},\n  year = {{{settings.AS_OF.year}}},\n  version = "
              f"{{{settings.VERSION}}},\n  note = {{Data as of {as_of}. Code: {CODE_LICENCE}; "
              f"data: {DATA_LICENCE['name']}}}\n}}")
    return {"as_of": as_of, "version": settings.VERSION, "bibtex": bibtex,
            "data_licence": DATA_LICENCE["title"], "code_licence": CODE_LICENCE}
