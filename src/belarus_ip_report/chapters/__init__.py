"""The chapters of the report, declared once: their reading order and the tables each reads.

The report's order and numbering, the build's dependencies and the README's table of notebooks
all come from this list.
"""

from __future__ import annotations

from dataclasses import dataclass

from belarus_ip_report.chapters import belarus_russia_ip, overview, wipo_treaties, wto_accession


@dataclass(frozen=True)
class Chapter:
    stem: str
    #: Processed tables the notebook reads (`04_clean_tables` reads every raw table instead).
    reads: tuple[str, ...]
    #: How headings, the contents and cross-references name it, in English and in Russian.
    label: str = ""
    label_ru: str = ""
    #: It reads `sources` only for the rows its other tables cite (its charts' source lines
    #: name their publishers): the build keys it on those rows, not on the whole table.
    cited_sources_only: bool = False


#: Reading order: the overview first, the methods chapter on the curated tables last.
CHAPTERS: tuple[Chapter, ...] = (
    Chapter("00_overview", overview.TABLES, "Overview", "Обзор"),
    Chapter("01_wipo_treaties", wipo_treaties.TABLES, "Chapter 1", "Глава 1",
            cited_sources_only=True),
    Chapter("02_wto_accession", wto_accession.TABLES, "Chapter 2", "Глава 2",
            cited_sources_only=True),
    Chapter("03_belarus_russia_ip", belarus_russia_ip.TABLES, "Chapter 3", "Глава 3",
            cited_sources_only=True),
    Chapter("04_clean_tables", (), "Methods", "Методика"),
)
CLEANING = "04_clean_tables"


def reads_line(chapter: Chapter) -> str:
    """The notebook header's and the README's statement of what a chapter reads."""
    if chapter.stem == CLEANING:
        return "`data/raw/*.csv`"
    return "`data/processed/`: " + ", ".join(f"`{table}.csv`" for table in chapter.reads)


def chapter(stem: str) -> Chapter | None:
    """The declared chapter of a notebook (None for a notebook not declared)."""
    return next((c for c in CHAPTERS if c.stem == stem), None)


def label(stem: str, lang: str = "en") -> str:
    """'Chapter 2', 'Methods' ('Глава 2', 'Методика'): the one name of a chapter in headings
    and links."""
    declared = chapter(stem)
    return declared.label_ru if lang == "ru" else declared.label
