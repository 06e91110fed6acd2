"""An executed notebook read as the report's structure (headings, prose, figures, tables), in
one edition: English from the outputs themselves, Russian from what `prose.say`,
`prose.show_table` and `figures.show` keep beside the English and from each Markdown cell's
`translation` metadata. Nothing is translated here: a passage without its Russian stops the
Russian edition with the notebook, the cell and the English it needs translated.
"""

from __future__ import annotations

import html
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pandas as pd
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from belarus_ip_report.chapters import CHAPTERS, CLEANING, label
from belarus_ip_report.chapters.prose import (
    EVIDENCE_PAGE,
    RUSSIAN_HTML,
    RUSSIAN_MARKDOWN,
    TRANSLATION,
)
from belarus_ip_report.foundation import paths
from belarus_ip_report.publishing.checks import ReportError
from belarus_ip_report.publishing.sanitize import clean_html


class MissingTranslation(ReportError):
    """A passage of a notebook has no text in the edition's language."""


@dataclass
class Figure:
    number: int
    name: str
    png: str
    alt: str
    title: str
    source: str
    data: pd.DataFrame | None

    @property
    def anchor(self) -> str:
        return f"figure-{self.name}"

    @property
    def csv_href(self) -> str:
        text = self.data.to_csv(index=False, lineterminator="\n") if self.data is not None else ""
        return "data:text/csv;charset=utf-8," + urllib.parse.quote(text)


@dataclass
class Table:
    number: int
    caption: str
    body: str

    @property
    def anchor(self) -> str:
        return f"table-{self.number}"


@dataclass
class Block:
    kind: str  # "html", "heading", "figure", "table"
    html: str = ""
    level: int = 0
    anchor: str = ""
    text: str = ""
    figure: Figure | None = None
    table: Table | None = None


@dataclass
class Chapter:
    stem: str
    label: str
    title: str = ""
    blocks: list[Block] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return self.stem

    @property
    def sections(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading" and b.level == 2]


class Counter:
    def __init__(self) -> None:
        self.figures = 0
        self.tables = 0


def slug(text: str) -> str:
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in text).split()
    return "-".join(words) or "section"


def link_chapters(markdown: str) -> str:
    """A link to another notebook, which works in JupyterLab, points at that chapter here."""
    for chapter in CHAPTERS:
        page = EVIDENCE_PAGE if chapter.stem == CLEANING else ""
        markdown = markdown.replace(f"]({chapter.stem}.ipynb)", f"]({page}#{chapter.stem})")
    return markdown


def prose(markdown: str) -> str:
    """Markdown a notebook holds, as HTML that passed the sanitizer (`sanitize`); a link to a
    source's reference points at the second page, which holds the references."""
    markdown = link_chapters(markdown).replace("](#source-", f"]({EVIDENCE_PAGE}#source-")
    return clean_html(markdown2html_mistune(markdown))


def read_chapter(notebook: Path, counter: Counter, lang: str = "en") -> Chapter:
    """The chapter a notebook tells, in the edition `lang`. Headings keep the same anchors in
    every edition (they are made from the English), so a cited place is the same in both."""
    chapter = Chapter(notebook.stem, label(notebook.stem, lang))
    node = nbformat.read(notebook, as_version=4)
    for number, cell in enumerate(node.cells, start=1):
        where = f"notebooks/{notebook.name}, cell {number}"
        if cell.cell_type == "markdown":
            _markdown_blocks(chapter, cell.source, _cell_text(cell, lang, where))
        elif cell.cell_type == "code":
            for output in cell.get("outputs", []):
                _output_block(chapter, output, counter, lang, where)
    return chapter


def _cell_text(cell: nbformat.NotebookNode, lang: str, where: str) -> str:
    if lang == "en":
        return cell.source
    text = cell.metadata.get(TRANSLATION, {}).get(lang, "")
    if not text.strip():
        raise MissingTranslation(
            f"{where}: this Markdown cell has no {lang} text; add it to the cell's metadata as "
            f'"{TRANSLATION}": {{"{lang}": "..."}}. The English to translate: '
            f"{cell.source.strip()[:200]!r}")
    return text


def _headings(source: str) -> list[str]:
    return [line[len(line) - len(line.lstrip("#")) + 1:].strip() for line in source.splitlines()
            if 1 <= len(line) - len(line.lstrip("#")) <= 3
            and line[len(line) - len(line.lstrip("#")):][:1] == " "]


def _markdown_blocks(chapter: Chapter, english: str, source: str) -> None:
    """Headings become blocks of their own (they make the contents); the rest is prose. A
    heading's anchor comes from the English heading in the same place, in every edition."""
    text: list[str] = []
    english_headings = iter(_headings(english))
    if len(_headings(english)) != len(_headings(source)):
        raise MissingTranslation(
            f"notebooks/{chapter.stem}.ipynb: a Markdown cell's translation has "
            f"{len(_headings(source))} headings, its English {len(_headings(english))}: "
            f"translate each heading in its place ({_headings(english)})")

    def flush() -> None:
        if "".join(text).strip():
            chapter.blocks.append(Block("html", html=prose("\n".join(text))))
        text.clear()

    for line in source.splitlines():
        hashes = len(line) - len(line.lstrip("#"))
        if 1 <= hashes <= 3 and line[hashes:hashes + 1] == " ":
            flush()
            title, anchor_title = line[hashes + 1:].strip(), next(english_headings)
            if hashes == 1:
                chapter.title = title
                continue
            anchor = f"{chapter.stem}--{slug(anchor_title)}"
            chapter.blocks.append(Block("heading", level=hashes, anchor=anchor, text=title))
        else:
            text.append(line)
    flush()


def _missing(where: str, lang: str, english: str) -> MissingTranslation:
    return MissingTranslation(
        f"{where}: an output has no {lang} text; make the words function that writes it return "
        f"a Text (or a Table) with its {lang}. The English to translate: {english.strip()[:200]!r}")


def _output_block(chapter: Chapter, output: dict, counter: Counter, lang: str,
                  where: str) -> None:
    data = output.get("data", {})
    metadata = output.get("metadata", {})
    if "image/png" in data:
        _figure_block(chapter, data, metadata.get("image/png", {}), counter, lang, where)
    elif "table" in metadata:
        counter.tables += 1
        caption, body = metadata["table"]["caption"], "".join(data["text/html"])
        if lang != "en":
            if RUSSIAN_HTML not in data:
                raise _missing(where, lang, caption)
            caption = metadata[TRANSLATION][lang]["caption"]
            body = "".join(data[RUSSIAN_HTML])
        chapter.blocks.append(Block("table", table=Table(counter.tables, caption,
                                                         clean_html(body))))
    elif "text/markdown" in data:
        text = "".join(data["text/markdown"])
        if lang != "en":
            if RUSSIAN_MARKDOWN not in data:
                raise _missing(where, lang, text)
            text = "".join(data[RUSSIAN_MARKDOWN])
        chapter.blocks.append(Block("html", html=prose(text)))
    elif "text/html" in data:
        if lang != "en":
            raise _missing(where, lang, "".join(data["text/html"]))
        chapter.blocks.append(Block("html", html=clean_html("".join(data["text/html"]))))
    elif output.get("output_type") == "stream" and output.get("name") == "stdout":
        if lang != "en":
            raise _missing(where, lang, output["text"])
        chapter.blocks.append(Block("html", html=f"<pre>{html.escape(output['text'])}</pre>"))


def _figure_block(chapter: Chapter, data: dict, image: dict, counter: Counter, lang: str,
                  where: str) -> None:
    name = image.get("figure_name", "")
    words = image if lang == "en" else image.get(TRANSLATION, {}).get(lang)
    if words is None:
        raise _missing(where, lang, f"figure {name}: {image.get('title', '')}")
    if not words.get("alt", "").strip():
        raise ReportError(f"notebooks/{chapter.stem}.ipynb: an image has no alt text")
    counter.figures += 1
    csv = paths.FIGURES / f"{name}.csv"
    frame = (pd.read_csv(csv, dtype=str, keep_default_na=False) if name and csv.exists()
             else None)
    png = data["image/png"] if lang == "en" else words["png"]
    chapter.blocks.append(Block("figure", figure=Figure(
        counter.figures, name or f"{chapter.stem}-{counter.figures}", png,
        words["alt"], words.get("title", ""), words.get("source", ""), frame)))
