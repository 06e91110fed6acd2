"""Promises the published pages keep to their readers, checked before anything is written:
no script, no load from the network, no image without alt text, no link of a scheme other than
the web, a place in the page, a file of the project or a CSV download; and no published
notebook that shows an error, a warning or anything written to stderr.
"""

from __future__ import annotations

from pathlib import Path

import nbformat


class ReportError(Exception):
    """The report would break a promise to its readers (missing alt text, a network load)."""


#: Link targets a reader's page may hold: the web, a place in the page, a file beside it, and
#: the CSV downloads of the data behind each chart.
SAFE_SCHEMES = ("http://", "https://", "#", "data:text/csv;")


def check_page(page: str) -> None:
    """Refuse to write a page that would show an image without alt text, load a URL, run a
    script, carry a link of another scheme (javascript:, file:, ...)."""
    from html.parser import HTMLParser

    problems: list[str] = []

    class Checker(HTMLParser):
        def handle_starttag(self, tag, attrs):
            values = dict(attrs)
            if tag == "script":
                problems.append("the page would contain a script")
            if tag == "img" and not (values.get("alt") or "").strip():
                problems.append("an image has no alt text")
            if tag in ("img", "iframe", "link", "source") and any(
                    (values.get(a) or "").strip().lower().startswith(("http:", "https:", "//"))
                    for a in ("src", "href")):
                problems.append(f"a <{tag}> would load {values.get('src') or values.get('href')}")
            href = (values.get("href") or "").strip()
            if tag == "a" and href:
                scheme = href.split(":", 1)[0].lower() if ":" in href.split("/", 1)[0] else ""
                if scheme and not href.lower().startswith(SAFE_SCHEMES):
                    problems.append(f"a link would lead to {href[:60]!r}: only http(s), "
                                    "#places, files of the project and CSV downloads are allowed")

    Checker().feed(page)
    if problems:
        raise ReportError(problems[0])


def check_outputs(notebook: Path) -> None:
    """A published notebook shows no error, no warning and nothing written to stderr."""
    node = nbformat.read(notebook, as_version=4)
    for number, cell in enumerate(node.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error" or output.get("name") == "stderr":
                text = "".join(output.get("text", "")) or output.get("ename", "")
                raise ReportError(f"notebooks/{notebook.name}, cell {number} shows an error or "
                                  f"a warning ({text.strip()[:100]}): fix its cause, then build")


