"""The HTML report: every notebook as a chapter of one self-contained, offline page.

nbconvert renders each executed notebook's cells (code hidden) with `templates/chapter.html.j2`,
and each full notebook, code included, as its own page under `report/code/`. This module joins
the chapters, adds the table of contents, references, data files and "reproduce" sections, and
checks what must hold for readers: every image has alt text, nothing loads from the network.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from .. import paths, settings
from ..chapters import CHAPTERS, chapter_showing
from ..dates import format_for_people
from ..provenance import facts_per_source
from ..schemas import TABLES
from ..tables import load_table, write_text_atomically

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)
HEADING = re.compile(r'<h([12]) id="([^"]+)">(.*?)<a class="anchor-link"[^>]*>.*?</a></h\1>',
                     re.S)
MISSING_ALT_LOG = "Alternative text is missing"


class ReportError(Exception):
    """The report would break a promise to its readers (missing alt text, a network load)."""


@dataclass
class Chapter:
    stem: str
    title: str
    sections: list[tuple[str, str]]
    body: str


class _AltTextWatch(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if MISSING_ALT_LOG in record.getMessage():
            self.seen.append(record.getMessage())


def reading_order(notebooks: list[Path]) -> list[Path]:
    """The order declared in `chapters.CHAPTERS` (the methods chapter closes the report)."""
    order = [chapter.stem for chapter in CHAPTERS]
    return sorted(notebooks, key=lambda nb: order.index(nb.stem) if nb.stem in order
                  else len(order))


def export_report(notebooks: list[Path]) -> None:
    notebooks = reading_order(notebooks)
    for notebook in notebooks:
        check_outputs(notebook)
    watch = _AltTextWatch()
    exporters = [logging.getLogger("traitlets"), logging.getLogger("NbConvertApp")]
    for logger in exporters:
        logger.addHandler(watch)
    try:
        chapters = [render_chapter(nb) for nb in notebooks]
        code_pages = {nb.stem: render_code_page(nb) for nb in notebooks}
    finally:
        for logger in exporters:
            logger.removeHandler(watch)
    if watch.seen:
        raise ReportError(f"nbconvert: {watch.seen[0]}")
    page = assemble_page(chapters)
    check_page(page)
    for stem, code_page in code_pages.items():
        write_text_atomically(paths.REPORT / "code" / f"{stem}.html", code_page)
    write_text_atomically(paths.REPORT / "index.html", page)


def _exporter(template: str, *, exclude_input: bool) -> HTMLExporter:
    exporter = HTMLExporter(template_name="lab",
                            template_file=str(paths.TEMPLATES / template),
                            exclude_input=exclude_input,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.anchor_link_text = "¶"
    return exporter


def render_chapter(notebook: Path) -> Chapter:
    node = nbformat.read(notebook, as_version=4)
    body, _ = _exporter("chapter.html.j2", exclude_input=True).from_notebook_node(node)
    stem = notebook.stem
    body = _prefix_ids(body, stem)
    headings = HEADING.findall(body)
    title = next((_plain(text) for level, _, text in headings if level == "1"), stem)
    sections = [(anchor, _plain(text)) for level, anchor, text in headings if level == "2"]
    return Chapter(stem, title, sections, body)


def render_code_page(notebook: Path) -> str:
    node = nbformat.read(notebook, as_version=4)
    page, _ = _exporter("code.html.j2", exclude_input=False).from_notebook_node(
        node, resources={"metadata": {"name": notebook.stem}})
    return page.replace("<head>", f'<head>\n<meta http-equiv="Content-Security-Policy" '
                        f'content="{CONTENT_SECURITY_POLICY}">', 1)


def _prefix_ids(body: str, stem: str) -> str:
    """Heading ids are unique within a notebook only; prefix them with the chapter's stem.

    Links to another notebook (`02_wipo_treaties.ipynb`, which work in JupyterLab) become
    links to that chapter's section of the page.
    """
    body = re.sub(r'href="(\d\d_\w+)\.ipynb"', r'href="#\1"', body)
    body = re.sub(r'id="([^"]+)"', lambda m: f'id="{stem}--{m.group(1)}"', body)
    # Links to the references (#source-...) and to other chapters point outside: keep them.
    return re.sub(r'href="#(?!source-|\d\d_)([^"]+)"',
                  lambda m: f'href="#{stem}--{m.group(1)}"', body)


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def _number_figures(page: str) -> str:
    counter = 0

    def number(match: re.Match) -> str:
        nonlocal counter
        counter += 1
        return f"<figcaption><span class=\"figure-number\">Figure {counter}.</span> "

    return re.sub(r"<figcaption>", number, page)


def assemble_page(chapters: list[Chapter]) -> str:
    as_of = format_for_people(settings.AS_OF.isoformat())
    toc = "\n".join(_toc_entry(chapter) for chapter in chapters)
    toc += ('\n<li><a href="#data-files">The data files</a></li>'
            '\n<li><a href="#references">References</a></li>'
            '\n<li><a href="#reproduce">Reproduce this report</a></li>')
    body = "\n".join(
        f'<section class="chapter" id="{c.stem}" aria-labelledby="{c.stem}-title">\n'
        f'<p class="code-link"><a href="code/{c.stem}.html">Full notebook with code: '
        f'notebooks/{c.stem}.ipynb</a></p>\n{c.body}\n</section>'
        for c in chapters
    )
    body = _title_ids(body, chapters)
    css = (paths.TEMPLATES / "report.css").read_text(encoding="utf-8")
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(settings.REPORT_TITLE)}</title>
<style>
{css}
</style>
</head>
<body>
<header class="masthead">
<p class="kicker">A reproducible data report</p>
<h1 class="report-title">{html.escape(settings.REPORT_TITLE)}</h1>
<p class="as-of">Data as of {as_of}</p>
</header>
<div class="layout">
<nav class="toc" aria-label="Contents">
<h2>Contents</h2>
<ol>
{toc}
</ol>
</nav>
<main>
{body}
{data_files_section()}
{references_section()}
{reproduce_section()}
</main>
</div>
</body>
</html>
"""
    return _number_figures(page)


def _toc_entry(chapter: Chapter) -> str:
    items = "".join(
        f'<li><a href="#{anchor}">{html.escape(text)}</a></li>' for anchor, text in chapter.sections
    )
    sub = f"<ol>{items}</ol>" if items else ""
    return f'<li><a href="#{chapter.stem}">{html.escape(chapter.title)}</a>{sub}</li>'


def _title_ids(body: str, chapters: list[Chapter]) -> str:
    """Give each chapter's h1 the id that `aria-labelledby` points at (and its anchor link)."""
    for chapter in chapters:
        found = re.search(rf'<h1 id="({re.escape(chapter.stem)}--[^"]+)"', body)
        if found:
            old = found.group(1)
            body = body.replace(f'id="{old}"', f'id="{chapter.stem}-title"')
            body = body.replace(f'href="#{old}"', f'href="#{chapter.stem}-title"')
    return body


def data_files_section() -> str:
    rows = []
    for spec in TABLES:
        frame = load_table(spec.name)
        rows.append(
            f'<li><a href="../data/processed/{spec.file_name}">{spec.file_name}</a> '
            f"({len(frame)} rows): {html.escape(spec.description)}</li>"
        )
    return (
        '<section class="appendix" id="data-files"><h2>The data files</h2>\n'
        "<p>Every table behind this report, as clean CSV (UTF-8, ISO 8601 dates, one fact per "
        "row, a source id on every row). The column definitions are in the data dictionary of "
        "the chapter on the curated tables; the raw hand-curated tables are in "
        "<code>data/raw/</code>, the charts and the data behind them in <code>figures/</code>."
        f"</p>\n<ul>\n{''.join(rows)}\n</ul>\n</section>"
    )


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


def references_section() -> str:
    sources = load_table("sources")
    backs = facts_per_source(load_table("evidence"))
    claims = load_table("discrepancies")
    disputed = set(claims["source_id"])
    items = []
    for row in sources.itertuples(index=False):
        title = html.escape(row.title)
        if isinstance(row.url, str):
            title = f'<a href="{html.escape(row.url)}">{title}</a>'
        published = (f", {format_for_people(row.published)}"
                     if isinstance(row.published, str) else "")
        accessed = format_for_people(row.accessed)
        copy = ""
        if isinstance(row.copy_url, str):
            dated = (f" of {format_for_people(row.copy_date)}"
                     if isinstance(row.copy_date, str) else "")
            copy = (f' Read through a copy{dated}: <a href="{html.escape(row.copy_url)}">'
                    f"{html.escape(row.copy_url)}</a>.")
        facts = backs.get(row.source_id, [])
        backing = (f'<span class="backs">Backs {_backlinks(facts)}.</span>' if facts else "")
        if row.source_id in disputed:
            backing += ' <span class="backs">Cited in <a href="#00_overview">a recorded '\
                       "disagreement</a>.</span>"
        items.append(
            f'<li id="source-{html.escape(row.source_id)}"><span class="source-id">'
            f"[{html.escape(row.source_id)}]</span> "
            f'<span class="tier tier-{html.escape(row.tier)}">{html.escape(row.tier)}</span> '
            f"{html.escape(row.publisher)}{published}. {title}.{copy} Accessed {accessed}. "
            f"{backing}</li>"
        )
    return ('<section class="appendix" id="references"><h2>References</h2>\n'
            "<p>Each source with its tier: <em>primary</em> (the depositary's or organisation's "
            "own record), <em>official</em> (a government or agency page), <em>press</em>, "
            "<em>reference</em> (encyclopaedias, databases) and <em>copy</em> (a mirror or "
            "scrape, given with the original it copies). After each, the values of the data "
            "that rest on it, linked to the chapter that uses them. The ids in square brackets "
            "are those of the <code>source_ids</code> column and of <code>evidence.csv</code>."
            f"</p>\n<ol class=\"references\">\n{''.join(items)}\n</ol>\n"
            "</section>")


def reproduce_section() -> str:
    return """<section class="appendix" id="reproduce"><h2>Reproduce this report</h2>
<p>On any machine with Python 3.11 and git, from a clone of the project:</p>
<pre><code>python3 tasks.py build   # creates .venv, installs the pinned packages, executes the
                         # notebooks that changed, writes data/processed/, figures/, report/
python3 tasks.py test    # the package's tests and strict nbval over every notebook
python3 tasks.py lab     # JupyterLab on the project's environment</code></pre>
<p>Two builds of the same inputs give byte-identical notebooks, tables, figures and this page:
the date it carries is the date of the data, not of the build.</p>
</section>"""


#: Link targets a reader's page may hold: the web, a place in the page, a file beside it, and
#: the CSV downloads of the data behind each chart.
SAFE_HREF = re.compile(r"^(?:https?://|#|data:text/csv;|(?![a-zA-Z][a-zA-Z0-9+.-]*:))")


def check_page(page: str) -> None:
    """Refuse to write a page that would show an image without alt text, load a URL, carry a
    link of another scheme (javascript:, file:, ...), or show a warning or an error."""
    for tag in re.findall(r"<img\b[^>]*>", page):
        alt = re.search(r'\balt="([^"]*)"', tag)
        if not alt or not alt.group(1).strip():
            raise ReportError(f"an image has no alt text: {tag[:80]}...")
    remote = re.search(r'<(?:script|img|iframe|link)\b[^>]*(?:src|href)="https?://', page)
    if remote or "<script" in page.lower():
        raise ReportError("the report would load a script or a remote resource")
    for href in re.findall(r'\bhref="([^"]*)"', page):
        target = html.unescape(href).strip()
        if not SAFE_HREF.match(target):
            raise ReportError(f"a link would lead to {target[:60]!r}: only http(s), #places, "
                              "files of the project and CSV downloads are allowed")


def check_outputs(notebook: Path) -> None:
    """A published notebook shows no error, no warning and nothing written to stderr."""
    node = nbformat.read(notebook, as_version=4)
    for number, cell in enumerate(node.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error" or output.get("name") == "stderr":
                text = "".join(output.get("text", "")) or output.get("ename", "")
                raise ReportError(f"notebooks/{notebook.name}, cell {number} shows an error or "
                                  f"a warning ({text.strip()[:100]}): fix its cause, then build")
