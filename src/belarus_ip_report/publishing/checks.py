"""Promises the published pages keep to their readers, checked before anything is written and
again in the stage before anything is published: no script, no refresh or redirect, no event
handler, nothing active (frames, objects, forms), no load from the network, no image without
alt text, no link of a scheme other than the web, a place in the page, a file of the project or
a CSV download; and no published notebook that shows an error, a warning or anything written
to stderr. HTML the pages take from notebooks has passed an allowlist sanitizer first
(`sanitize`); these checks hold the finished page to its promises whatever its source.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat


class ReportError(Exception):
    """The report would break a promise to its readers (missing alt text, a network load)."""


#: Link targets a reader's page may hold: the web, a place in the page, a file beside it, and
#: the CSV downloads of the data behind each chart.
SAFE_SCHEMES = ("http://", "https://", "#", "data:text/csv;")
#: Elements that run, embed, submit or redirect: none has a place in a report.
ACTIVE_ELEMENTS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet",
                   "base", "form", "portal", "noscript", "template")
#: Attributes that load what they name; an image may carry its picture inline (data:image/).
LOADING_ATTRIBUTES = ("src", "srcset", "poster", "data", "background", "action", "formaction",
                      "xlink:href", "lowsrc", "dynsrc", "ping", "manifest", "codebase")
#: CSS that loads from elsewhere: an import, or a url() that is not inline data.
OUTSIDE_CSS = re.compile(r"@import|url\(\s*['\"]?\s*(?!data:)", re.I)


def check_page(page: str) -> None:
    """Refuse to write a page that would show an image without alt text, load a URL, run a
    script or an event handler, refresh or redirect, carry a link of another scheme
    (javascript:, file:, ...) or hold active elements."""
    from html.parser import HTMLParser

    problems: list[str] = []

    class Checker(HTMLParser):
        in_style = False

        def handle_starttag(self, tag, attrs):
            values = dict(attrs)
            # The first four checks, and their messages, are the page's original promises.
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
            if tag in ACTIVE_ELEMENTS and tag != "script":
                problems.append(f"the page would contain a <{tag}>, which runs, embeds, submits "
                                "or redirects")
            if tag == "meta" and (values.get("http-equiv") or "").strip().lower() not in (
                    "", "content-security-policy", "content-type"):
                problems.append(f"a <meta http-equiv=\"{values.get('http-equiv')}\"> would "
                                "refresh or redirect the page")
            handlers = sorted(name for name in values if name.startswith("on"))
            if handlers:
                problems.append(f"an event handler ({handlers[0]}) on <{tag}> would run code")
            for name in LOADING_ATTRIBUTES + (("href",) if tag != "a" else ()):
                value = (values.get(name) or "").strip()
                if value and not (tag == "img" and name == "src"
                                  and value.lower().startswith("data:image/")) \
                        and not (tag == "link" and name == "href" and not _has_scheme(value)):
                    problems.append(f"a <{tag}> would load {value[:60]!r} ({name})")
            if OUTSIDE_CSS.search(values.get("style") or ""):
                problems.append(f"a style on <{tag}> would load from elsewhere")
            self.in_style = tag == "style"

        def handle_endtag(self, tag):
            self.in_style = False

        def handle_data(self, data):
            if self.in_style and OUTSIDE_CSS.search(data):
                problems.append("the page's style would load from elsewhere")

    Checker().feed(page)
    if problems:
        raise ReportError(problems[0])


def _has_scheme(url: str) -> bool:
    return url.startswith("//") or ":" in url.split("/", 1)[0]


def check_staged_pages(stage: Path) -> None:
    """Every page the build is about to publish keeps its promises: the last look before any
    of them reaches a reader (`ReportError` naming the page)."""
    report = stage / "report"
    for page in [report / "index.html", report / "evidence.html",
                 report / "ru" / "index.html", report / "ru" / "evidence.html",
                 *sorted((report / "code").glob("*.html"))]:
        if not page.is_file():
            continue
        try:
            check_page(page.read_text(encoding="utf-8"))
        except ReportError as error:
            raise ReportError(f"{page.relative_to(stage).as_posix()}: {error}: the page was "
                              "not published") from None


def check_outputs(notebook: Path) -> None:
    """A published notebook shows no error, no warning and nothing written to stderr."""
    node = nbformat.read(notebook, as_version=4)
    for number, cell in enumerate(node.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error" or output.get("name") == "stderr":
                text = "".join(output.get("text", "")) or output.get("ename", "")
                raise ReportError(f"notebooks/{notebook.name}, cell {number} shows an error or "
                                  f"a warning ({text.strip()[:100]}): fix its cause, then build")
