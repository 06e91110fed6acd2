"""The HTML report: two self-contained, offline pages built from structure: the story
(`index.html`) and its evidence (`evidence.html`).

The build reads each executed notebook into a structure (headings, prose, figures, tables),
numbers chapters, figures and tables in reading order (`chapters.CHAPTERS`), and renders the
page with the Jinja2 template `templates/page.html.j2`. Nothing rewrites HTML after the fact:
prose is converted from the Markdown the notebooks hold, figures and tables are set from the
metadata `figures.publish` and `prose.show_table` attach to them. Each notebook also gets a light
page with its code under `report/code/`. Every piece of HTML taken from a notebook passes an
allowlist sanitizer (`sanitize`), and each finished page is checked against its promises
(`checks.check_page`). The appendices are made in `appendices`.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import nbformat
import pandas as pd
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from belarus_ip_report.chapters import CHAPTERS, CLEANING, label
from belarus_ip_report.chapters.prose import EVIDENCE_PAGE
from belarus_ip_report.foundation import paths, settings
from belarus_ip_report.foundation.atomic import write_bytes_atomically, write_text_atomically
from belarus_ip_report.foundation.dates import format_for_people
from belarus_ip_report.publishing.appendices import (
    appendix_tables,
    citation,
    data_files,
    references,
)
from belarus_ip_report.publishing.checks import ReportError, check_outputs, check_page
from belarus_ip_report.publishing.sanitize import clean_html

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)


# --- the structure ----------------------------------------------------------------------------


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


def read_chapter(notebook: Path, counter: Counter) -> Chapter:
    chapter = Chapter(notebook.stem, label(notebook.stem))
    node = nbformat.read(notebook, as_version=4)
    for cell in node.cells:
        if cell.cell_type == "markdown":
            _markdown_blocks(chapter, cell.source)
        elif cell.cell_type == "code":
            for output in cell.get("outputs", []):
                _output_block(chapter, output, counter)
    return chapter


def _markdown_blocks(chapter: Chapter, source: str) -> None:
    """Headings become blocks of their own (they make the contents); the rest is prose."""
    text: list[str] = []

    def flush() -> None:
        if "".join(text).strip():
            chapter.blocks.append(Block("html", html=prose("\n".join(text))))
        text.clear()

    for line in source.splitlines():
        hashes = len(line) - len(line.lstrip("#"))
        if 1 <= hashes <= 3 and line[hashes:hashes + 1] == " ":
            flush()
            title = line[hashes + 1:].strip()
            if hashes == 1:
                chapter.title = title
                continue
            anchor = f"{chapter.stem}--{slug(title)}"
            chapter.blocks.append(Block("heading", level=hashes, anchor=anchor, text=title))
        else:
            text.append(line)
    flush()


def _output_block(chapter: Chapter, output: dict, counter: Counter) -> None:
    data = output.get("data", {})
    metadata = output.get("metadata", {})
    if "image/png" in data:
        image = metadata.get("image/png", {})
        name = image.get("figure_name", "")
        alt = image.get("alt", "")
        if not alt.strip():
            raise ReportError(f"notebooks/{chapter.stem}.ipynb: an image has no alt text")
        counter.figures += 1
        csv = paths.FIGURES / f"{name}.csv"
        frame = (pd.read_csv(csv, dtype=str, keep_default_na=False) if name and csv.exists()
                 else None)
        chapter.blocks.append(Block("figure", figure=Figure(
            counter.figures, name or f"{chapter.stem}-{counter.figures}", data["image/png"],
            alt, image.get("title", ""), image.get("source", ""), frame)))
    elif "table" in metadata:
        counter.tables += 1
        table = metadata["table"]
        chapter.blocks.append(Block("table", table=Table(
            counter.tables, table["caption"], clean_html("".join(data["text/html"])))))
    elif "text/markdown" in data:
        chapter.blocks.append(Block("html", html=prose("".join(data["text/markdown"]))))
    elif "text/html" in data:
        chapter.blocks.append(Block("html", html=clean_html("".join(data["text/html"]))))
    elif output.get("output_type") == "stream" and output.get("name") == "stdout":
        chapter.blocks.append(Block("html", html=f"<pre>{html.escape(output['text'])}</pre>"))


# --- the page ---------------------------------------------------------------------------------


def template_environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(paths.TEMPLATES),
                              autoescape=jinja2.select_autoescape(["html", "j2"]),
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render_page(chapters: list[Chapter], template: str, fingerprint: str, **extra) -> str:
    return template_environment().get_template(template).render(
        title=settings.REPORT_TITLE, as_of=format_for_people(settings.AS_OF),
        csp=CONTENT_SECURITY_POLICY, css=(paths.TEMPLATES / "report.css").read_text(),
        chapters=chapters, cite=citation(fingerprint), markup=jinja2.filters.Markup,
        evidence_page=EVIDENCE_PAGE, **extra)


def reading_order(notebooks: list[Path]) -> list[Path]:
    """The order declared in `chapters.CHAPTERS` (the methods chapter closes the report)."""
    order = [chapter.stem for chapter in CHAPTERS]
    return sorted(notebooks, key=lambda nb: order.index(nb.stem) if nb.stem in order
                  else len(order))


def export_report(notebooks: list[Path]) -> None:
    """The two pages and the code pages: the story (`index.html`: the overview and the
    chapters) and its evidence (`evidence.html`: the method, the evidence for every value, the
    references and the data), linked both ways; the clean tables copied beside them."""
    from belarus_ip_report.publishing.evidence import evidence_entries
    from belarus_ip_report.publishing.release import data_fingerprint

    notebooks = [nb for nb in reading_order(notebooks)
                 if nb.stem in {c.stem for c in CHAPTERS}]
    for notebook in notebooks:
        check_outputs(notebook)
    counter = Counter()
    chapters = [read_chapter(nb, counter) for nb in notebooks]
    story = [c for c in chapters if c.stem != CLEANING]
    method = [c for c in chapters if c.stem == CLEANING]
    fingerprint = data_fingerprint(paths.PROCESSED)
    appendix = appendix_tables()
    page = render_page(story, "page.html.j2", fingerprint)
    # Each evidence entry links back to its row where a table of either page shows it.
    rows = {place: "index.html" for place in _row_ids(page)}
    rows.update({place: "" for table in appendix for place in _row_ids(table["body"])})
    rows.update({place: "" for chapter in method for block in chapter.blocks
                 if block.table is not None for place in _row_ids(block.table.body)})
    entries = [{**entry, "row_href": (f"{rows[entry['row_anchor']]}#{entry['row_anchor']}"
                                      if entry["row_anchor"] in rows else "")}
               for entry in evidence_entries()]
    evidence = render_page(method, "evidence.html.j2", fingerprint,
                           references=references(), data_files=data_files(),
                           appendix_tables=appendix, entries=entries)
    check_page(page)
    check_page(evidence)
    from belarus_ip_report.publishing.code_pages import render_code_page

    code_pages = {nb.stem: render_code_page(nb) for nb in notebooks}
    for stem, code_page in code_pages.items():
        write_text_atomically(paths.REPORT / "code" / f"{stem}.html", code_page)
    for table in sorted(paths.PROCESSED.glob("*.csv")):
        write_bytes_atomically(paths.REPORT / "data" / table.name, table.read_bytes())
    write_text_atomically(paths.REPORT / EVIDENCE_PAGE, evidence)
    write_text_atomically(paths.REPORT / "index.html", page)


def _row_ids(fragment: str) -> list[str]:
    """The anchors of the table rows in a fragment of HTML the build made."""
    return re.findall(r'<tr id="([^"]+)"', fragment)
