"""HTML that the report takes from notebooks, through an allowlist sanitizer.

Notebook Markdown (converted to HTML), HTML outputs (tables) and the table bodies that
`prose.show_table` attaches pass `nh3` (the Python binding of Ammonia, a maintained HTML
sanitizer built on a browser-grade HTML5 parser): only the elements and attributes below
survive, links keep only web addresses, places in the page and files of the project, and
comments, scripts and styles go with their content. So a Markdown cell holding
`<meta http-equiv="refresh" ...>`, `<img src=x onerror=...>` or `<a href="javascript:...">`
reaches no reader. Images have no place here: figures reach the report from the outputs
`figures.publish` makes, with their alt text.

The sanitizer writes its own serialisation of what it keeps: a character the notebook wrote as
an entity (`&#x27;`, `&quot;`, `&#182;`) comes out as the character itself, which a browser
shows the same way.
"""

from __future__ import annotations

import nh3

#: Elements prose, tables and lists use.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp",
    "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul", "var",
})
_CLASS = {"class"}
#: Attributes each element may keep (anchors of headings, classes of the report's style, the
#: shape of tables).
ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "sup": {"class", "title"},
    "abbr": {"title"},
    "code": _CLASS, "div": _CLASS, "span": _CLASS, "pre": _CLASS, "p": _CLASS,
    "table": _CLASS, "tr": {"class", "id"}, "figure": _CLASS,
    "th": {"scope", "class", "colspan", "rowspan"},
    "td": {"class", "colspan", "rowspan"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start"},
    "time": {"datetime"},
    **{f"h{level}": {"id"} for level in range(1, 7)},
}
#: Link schemes kept; a link without a scheme (a place in the page, a file beside it) is kept.
URL_SCHEMES = frozenset({"http", "https"})


def clean_html(fragment: str) -> str:
    """`fragment` with everything outside the allowlist removed."""
    return nh3.clean(fragment, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel=None, strip_comments=True)
