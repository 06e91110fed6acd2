"""The code pages: each notebook's code and text outputs, for readers without Jupyter, in
report/code/. Its figures are named and linked to the report instead of embedded again; each
page is checked like the report (`checks.check_page`)."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import nbformat

from belarus_ip_report.chapters.prose import EVIDENCE_PAGE
from belarus_ip_report.foundation import paths
from belarus_ip_report.publishing.checks import check_page
from belarus_ip_report.publishing.pages import CONTENT_SECURITY_POLICY, template_environment
from belarus_ip_report.publishing.reading import prose
from belarus_ip_report.publishing.sanitize import clean_html


def from_code_folder(fragment: str) -> str:
    """HTML made for the pages in report/, as a page in report/code/ links it: the evidence
    page and the chapters are one folder up; the page's own headings stay where they are."""
    fragment = fragment.replace(f'href="{EVIDENCE_PAGE}', f'href="../{EVIDENCE_PAGE}')
    fragment = fragment.replace('href="#source-', f'href="../{EVIDENCE_PAGE}#source-')
    return re.sub(r'href="#(\d\d_|figure-)', r'href="../index.html#\1', fragment)


def render_code_page(notebook: Path) -> str:
    """A notebook's code and text outputs for readers without Jupyter; its figures are named
    and linked to the report instead of embedded again (the report has them). Checked like the
    report (`check_page`)."""
    return _checked_code_page(notebook.name, notebook.read_text(encoding="utf-8"))


def _checked_code_page(file_name: str, text: str) -> str:
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    node = nbformat.reads(text, as_version=4)
    cells = []
    for cell in node.cells:
        if cell.cell_type == "markdown":
            cells.append({"kind": "markdown", "html": from_code_folder(prose(cell.source))})
            continue
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                name = output.get("metadata", {}).get("image/png", {}).get("figure_name", "")
                outputs.append({"kind": "figure", "name": name})
            elif "text/markdown" in data:
                outputs.append({"kind": "html", "html": from_code_folder(
                    prose("".join(data["text/markdown"])))})
            elif "text/html" in data:
                outputs.append({"kind": "html", "html": from_code_folder(
                    clean_html("".join(data["text/html"])))})
            elif output.get("output_type") == "stream":
                outputs.append({"kind": "text", "text": output.get("text", "")})
        cells.append({"kind": "code", "number": cell.get("execution_count"),
                      "html": highlight(cell.source, PythonLexer(), HtmlFormatter()),
                      "outputs": outputs})
    template = template_environment().get_template("code.html.j2")
    page = template.render(
        title=f"notebooks/{file_name}", csp=CONTENT_SECURITY_POLICY,
        css=(paths.TEMPLATES / "report.css").read_text()
        + HtmlFormatter().get_style_defs(".highlight"),
        cells=cells, markup=jinja2.filters.Markup)
    check_page(page)
    return page
