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
from pathlib import Path

import jinja2

from belarus_ip_report.chapters import CHAPTERS, CLEANING
from belarus_ip_report.chapters.language import Speaker, full_stop
from belarus_ip_report.chapters.prose import EVIDENCE_PAGE, mark_latin
from belarus_ip_report.foundation import paths, settings
from belarus_ip_report.foundation.atomic import write_bytes_atomically, write_text_atomically
from belarus_ip_report.publishing.appendices import (
    appendix_tables,
    citation,
    data_files,
    references,
)
from belarus_ip_report.publishing.checks import check_outputs, check_page
from belarus_ip_report.publishing.pages import CONTENT_SECURITY_POLICY, template_environment
from belarus_ip_report.publishing.reading import Chapter, Counter, read_chapter

# --- the page ---------------------------------------------------------------------------------


#: Where each edition's pages live, and the way from there back to the report's root (the
#: data files and the code pages, which both editions share).
EDITION_FOLDER = {"en": "", "ru": "ru/"}
ROOT = {"en": "", "ru": "../"}
#: Each edition as its readers name it: the page says which it is, and links to the other.
EDITION_NAME = {"en": "English edition", "ru": "Русская версия"}
OTHER_EDITION = {"en": ("ru", EDITION_NAME["ru"]), "ru": ("en", EDITION_NAME["en"])}


def source_html(text: str, lang: str) -> jinja2.filters.Markup:
    """A chart's source line on the page: on the Russian page, the publishers' own Latin-script
    names are marked as English, for screen readers and hyphenation."""
    return jinja2.filters.Markup(mark_latin(text) if lang == "ru" else html.escape(text))


def render_page(chapters: list[Chapter], template: str, fingerprint: str, lang: str = "en",
                **extra) -> str:
    other, other_name = OTHER_EDITION[lang]
    return template_environment(lang).get_template(template).render(
        title=settings.REPORT_TITLES[lang],
        as_of=Speaker(lang).date(settings.AS_OF), lang=lang, root=ROOT[lang],
        edition_name=EDITION_NAME[lang],
        other_edition={"lang": other, "name": other_name,
                       "folder": f"{ROOT[lang]}{EDITION_FOLDER[other]}"},
        csp=CONTENT_SECURITY_POLICY, css=(paths.TEMPLATES / "report.css").read_text(),
        chapters=chapters, cite=citation(fingerprint, lang), markup=jinja2.filters.Markup,
        evidence_page=EVIDENCE_PAGE,
        source_html=lambda text: source_html(text, lang), stop=full_stop, **extra)


def reading_order(notebooks: list[Path]) -> list[Path]:
    """The order declared in `chapters.CHAPTERS` (the methods chapter closes the report)."""
    order = [chapter.stem for chapter in CHAPTERS]
    return sorted(notebooks, key=lambda nb: order.index(nb.stem) if nb.stem in order
                  else len(order))


def export_report(notebooks: list[Path]) -> None:
    """Each edition's two pages: the story (`index.html`: the overview and the chapters) and
    its evidence (`evidence.html`: the method, the evidence for every value, the references
    and the data), linked both ways and to the other edition (`ru/`); the code pages and the
    clean tables, copied once beside them, which both editions share. Every page is made and
    checked before any is written."""
    from belarus_ip_report.publishing.code_pages import render_code_page
    from belarus_ip_report.publishing.release import data_fingerprint

    notebooks = [nb for nb in reading_order(notebooks)
                 if nb.stem in {c.stem for c in CHAPTERS}]
    for notebook in notebooks:
        check_outputs(notebook)
    fingerprint = data_fingerprint(paths.PROCESSED)
    pages = {}
    for lang in settings.editions():
        folder = EDITION_FOLDER[lang]
        pages[f"{folder}index.html"], pages[f"{folder}{EVIDENCE_PAGE}"] = edition(
            notebooks, fingerprint, lang)
    for page in pages.values():
        check_page(page)
    for notebook in notebooks:
        write_text_atomically(paths.REPORT / "code" / f"{notebook.stem}.html",
                              render_code_page(notebook))
    for table in sorted(paths.PROCESSED.glob("*.csv")):
        write_bytes_atomically(paths.REPORT / "data" / table.name, table.read_bytes())
    for name in sorted(pages, key=lambda name: name.endswith("index.html")):
        write_text_atomically(paths.REPORT / name, pages[name])


def edition(notebooks: list[Path], fingerprint: str, lang: str) -> tuple[str, str]:
    """The story page and the evidence page of one edition."""
    from belarus_ip_report.publishing.evidence import evidence_entries

    counter = Counter()
    chapters = [read_chapter(nb, counter, lang) for nb in notebooks]
    story = [c for c in chapters if c.stem != CLEANING]
    method = [c for c in chapters if c.stem == CLEANING]
    appendix = appendix_tables(lang)
    page = render_page(story, "page.html.j2", fingerprint, lang)
    # Each evidence entry links back to its row where a table of either page shows it.
    rows = {place: "index.html" for place in _row_ids(page)}
    rows.update({place: "" for table in appendix for place in _row_ids(table["body"])})
    rows.update({place: "" for chapter in method for block in chapter.blocks
                 if block.table is not None for place in _row_ids(block.table.body)})
    entries = [{**entry, "row_href": (f"{rows[entry['row_anchor']]}#{entry['row_anchor']}"
                                      if entry["row_anchor"] in rows else "")}
               for entry in evidence_entries(lang)]
    evidence = render_page(method, "evidence.html.j2", fingerprint, lang,
                           references=references(lang), data_files=data_files(lang),
                           appendix_tables=appendix, entries=entries)
    return page, evidence


def _row_ids(fragment: str) -> list[str]:
    """The anchors of the table rows in a fragment of HTML the build made."""
    return re.findall(r'<tr id="([^"]+)"', fragment)
