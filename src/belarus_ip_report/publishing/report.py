"""The HTML report: one self-contained, offline page built from structure.

The build reads each executed notebook into a structure (headings, prose, figures, tables),
numbers chapters, figures and tables in reading order (`chapters.CHAPTERS`), and renders the
page with the Jinja2 template `templates/page.html.j2`. Nothing rewrites HTML after the fact:
prose is converted from the Markdown the notebooks hold, figures and tables are set from the
metadata `charts.publish` and `show.show_table` attach to them. Each notebook also gets a light
page with its code under `report/code/`.
"""

from __future__ import annotations

import functools
import html
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import nbformat
import pandas as pd
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from belarus_ip_report.chapters import CHAPTERS, chapter_showing, label
from belarus_ip_report.chapters.prose import people_dates, table_html
from belarus_ip_report.curated.provenance import facts_per_source
from belarus_ip_report.curated.schemas import TABLES
from belarus_ip_report.curated.tables import load_table
from belarus_ip_report.foundation import paths, settings
from belarus_ip_report.foundation.atomic import write_text_atomically
from belarus_ip_report.foundation.dates import PartialDate, format_for_people
from belarus_ip_report.publishing.checks import ReportError, check_outputs, check_page
from belarus_ip_report.publishing.datapackage import CODE_LICENCE, DATA_LICENCE

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

    @property
    def data_table(self) -> str:
        return table_html(self.data) if self.data is not None else ""


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
        markdown = markdown.replace(f"]({chapter.stem}.ipynb)", f"](#{chapter.stem})")
    return markdown


def prose(markdown: str) -> str:
    return markdown2html_mistune(link_chapters(markdown))


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
        chapter.blocks.append(Block("table", table=Table(counter.tables, table["caption"],
                                                         table["body"])))
    elif "text/markdown" in data:
        chapter.blocks.append(Block("html", html=prose("".join(data["text/markdown"]))))
    elif "text/html" in data:
        chapter.blocks.append(Block("html", html="".join(data["text/html"])))
    elif output.get("output_type") == "stream" and output.get("name") == "stdout":
        chapter.blocks.append(Block("html", html=f"<pre>{html.escape(output['text'])}</pre>"))


# --- appendices -------------------------------------------------------------------------------


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


# --- the page ---------------------------------------------------------------------------------


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(paths.TEMPLATES),
                              autoescape=jinja2.select_autoescape(["html", "j2"]),
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render_page(chapters: list[Chapter]) -> str:
    template = _environment().get_template("page.html.j2")
    return template.render(
        title=settings.REPORT_TITLE, as_of=format_for_people(settings.AS_OF),
        csp=CONTENT_SECURITY_POLICY, css=(paths.TEMPLATES / "report.css").read_text(),
        chapters=chapters, references=references(), data_files=data_files(),
        appendix_tables=appendix_tables(),
        cite=citation(), markup=jinja2.filters.Markup)


def render_code_page(notebook: Path) -> str:
    """A notebook's code and text outputs for readers without Jupyter; its figures are named
    and linked to the report instead of embedded again (the report has them). Checked like the
    report (`check_page`)."""
    return _checked_code_page(notebook.name, notebook.read_text(encoding="utf-8"))


def prepare_code_pages(notebooks: list[Path]) -> None:
    """Render and check the code pages of these notebooks ahead of the export (the build does
    it for the notebooks it does not run while the others execute)."""
    for notebook in notebooks:
        render_code_page(notebook)


@functools.lru_cache(maxsize=16)
def _checked_code_page(file_name: str, text: str) -> str:
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    node = nbformat.reads(text, as_version=4)
    cells = []
    for cell in node.cells:
        if cell.cell_type == "markdown":
            cells.append({"kind": "markdown", "html": prose(cell.source)})
            continue
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                name = output.get("metadata", {}).get("image/png", {}).get("figure_name", "")
                outputs.append({"kind": "figure", "name": name})
            elif "text/markdown" in data:
                outputs.append({"kind": "html", "html": prose("".join(data["text/markdown"]))})
            elif "text/html" in data:
                outputs.append({"kind": "html", "html": "".join(data["text/html"])})
            elif output.get("output_type") == "stream":
                outputs.append({"kind": "text", "text": output.get("text", "")})
        cells.append({"kind": "code", "number": cell.get("execution_count"),
                      "html": highlight(cell.source, PythonLexer(), HtmlFormatter()),
                      "outputs": outputs})
    template = _environment().get_template("code.html.j2")
    page = template.render(
        title=f"notebooks/{file_name}", csp=CONTENT_SECURITY_POLICY,
        css=(paths.TEMPLATES / "report.css").read_text()
        + HtmlFormatter().get_style_defs(".highlight"),
        cells=cells, markup=jinja2.filters.Markup)
    check_page(page)
    return page


def reading_order(notebooks: list[Path]) -> list[Path]:
    """The order declared in `chapters.CHAPTERS` (the methods chapter closes the report)."""
    order = [chapter.stem for chapter in CHAPTERS]
    return sorted(notebooks, key=lambda nb: order.index(nb.stem) if nb.stem in order
                  else len(order))


def export_report(notebooks: list[Path]) -> None:
    notebooks = [nb for nb in reading_order(notebooks)
                 if nb.stem in {c.stem for c in CHAPTERS}]
    for notebook in notebooks:
        check_outputs(notebook)
    counter = Counter()
    chapters = [read_chapter(nb, counter) for nb in notebooks]
    page = render_page(chapters)
    check_page(page)
    code_pages = {nb.stem: render_code_page(nb) for nb in notebooks}
    for stem, code_page in code_pages.items():
        write_text_atomically(paths.REPORT / "code" / f"{stem}.html", code_page)
    write_text_atomically(paths.REPORT / "index.html", page)
