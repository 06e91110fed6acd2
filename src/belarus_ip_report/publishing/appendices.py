"""The report's appendices, made from the clean tables: the references with the values each
source backs, the tables behind the key findings, the data files, and how to cite."""

from __future__ import annotations

import html
import re

import pandas as pd

from belarus_ip_report.chapters.language import Speaker
from belarus_ip_report.chapters.prose import fact_table, people_dates, source_list, table_html
from belarus_ip_report.curated.dictionary import table_description
from belarus_ip_report.curated.schemas import TABLES
from belarus_ip_report.curated.tables import load_table
from belarus_ip_report.foundation import settings
from belarus_ip_report.foundation.dates import PartialDate
from belarus_ip_report.publishing.datapackage import CODE_LICENCE, DATA_LICENCE
from belarus_ip_report.publishing.translation import translations


def references(lang: str = "en") -> list[dict[str, str]]:
    """Every source, with its tier, how it was read and the values it backs (each linked to its
    evidence entry); the snapshot sources also back the rows of treaty_parties. A source's
    title and publisher stay in their language, marked with it where it is not the page's."""
    from belarus_ip_report.publishing.evidence import (
        backs_by_source,
        marked,
        parties_backed,
        read_words,
        tier_words,
    )

    speaker = Speaker(lang)
    read, tiers = read_words(lang), tier_words(lang)
    sources = load_table("sources")
    backs = backs_by_source()
    imported = parties_backed(load_table("treaty_parties"))
    disputed = set(load_table("discrepancies")["source_id"])
    items = []
    for row in sources.itertuples(index=False):
        items.append({
            "id": row.source_id,
            "tier": row.tier,
            "tier_words": tiers[row.tier],
            "read_as": read[row.read_as],
            "publisher": marked(row.publisher, lang),
            "published": speaker.date(row.published) if isinstance(row.published, PartialDate)
            else "",
            "title": marked(row.title, lang),
            "url": row.url if isinstance(row.url, str) else "",
            "copy_url": row.copy_url if isinstance(row.copy_url, str) else "",
            "copy_date": speaker.date(row.copy_date) if isinstance(row.copy_date, PartialDate)
            else "",
            "accessed": speaker.date(row.accessed),
            "backs": backs.get(row.source_id, ""),
            "imported": imported.get(row.source_id, 0),
            "disputed": row.source_id in disputed,
        })
    return items


def appendix_tables(lang: str = "en") -> list[dict[str, str]]:
    """The tables behind the key findings, for readers who want the numbers themselves."""
    _ = translations(lang).gettext
    ru = lang == "ru"
    figures = load_table("key_figures")
    accessions = load_table("wto_accessions")
    members = load_table("wto_members")
    statuses = {"member": _("member"), "acceding": _("acceding")}
    routes = {"original": _("original member"), "accession": _("accession")}
    a1 = {_("What the source states"): figures["description_ru" if ru else "description"],
          _("Value"): figures["value"],
          _("As of"): people_dates(figures, "as_of", missing="", lang=lang),
          _("Sources"): source_list(figures["source_ids"])}
    a2 = {_("Government"): accessions["government_ru" if ru else "government"],
          _("Applied"): people_dates(accessions, "application_date", missing="", lang=lang),
          _("Working party"): people_dates(accessions, "working_party_established",
                                           missing="", lang=lang),
          _("Member since"): people_dates(accessions, "membership_date", missing="", lang=lang),
          _("Status"): accessions["status"].map(statuses),
          _("Sources"): source_list(accessions["source_ids"])}
    a3 = {_("Member"): members["member_ru" if ru else "member"],
          _("Member since"): people_dates(members, "membership_date", missing="", lang=lang),
          _("Route"): members["route"].map(routes),
          _("Sources"): source_list(members["source_ids"])}
    return [
        {"anchor": "table-a1", "number": "A1",
         "caption": _("Figures the sources state, with the date each refers to (each is the "
                      "source's claim, compared with the dated rows in the chapters)"),
         "body": table_html(fact_table(
             pd.DataFrame(a1), "key_figures", figures["figure_id"],
             {_("Value"): "value", _("As of"): "as_of"}, sources=_("Sources")), lang=lang)},
        {"anchor": "table-a2", "number": "A2",
         "caption": _("Accessions to the WTO since 1995, completed and open"),
         "body": table_html(fact_table(
             pd.DataFrame(a2), "wto_accessions", accessions["government"],
             {_("Applied"): "application_date", _("Working party"): "working_party_established",
              _("Member since"): "membership_date", _("Status"): "status"},
             sources=_("Sources")), lang=lang)},
        {"anchor": "table-a3", "number": "A3",
         "caption": _("WTO members and the date each joined"),
         "body": table_html(fact_table(
             pd.DataFrame(a3), "wto_members", members["member"],
             {_("Member since"): "membership_date"}, sources=_("Sources")), lang=lang)},
    ]


def data_files(lang: str = "en") -> list[dict[str, str]]:
    """The clean tables, as the page links them: copies in report/data/ beside the English
    pages (the Russian pages, in ru/, link the same files), so that no link leaves the
    publication."""
    root = "" if lang == "en" else "../"
    return [{"file": spec.file_name, "href": f"{root}data/{spec.file_name}",
             "rows": len(load_table(spec.name)),
             "description": table_description(spec, lang)}
            for spec in TABLES]


def citation(fingerprint: str, lang: str = "en") -> dict[str, str]:
    from belarus_ip_report.publishing import citation as cite

    return {"as_of": Speaker(lang).date(settings.AS_OF), "version": settings.VERSION,
            "sentence": sentence_html(cite.sentence(lang)), "bibtex": cite.bibtex(fingerprint),
            "fingerprint": fingerprint, "author": settings.AUTHORS[lang],
            "repository": settings.REPOSITORY or "",
            "data_licence": DATA_LICENCE["title"], "code_licence": CODE_LICENCE}


def sentence_html(markdown: str) -> str:
    """The citation sentence (its Markdown: *title*, `path`) as the page's HTML."""
    text = html.escape(markdown, quote=False)
    text = re.sub(r"\*([^*]+)\*", r"<em>\1</em>", text)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
