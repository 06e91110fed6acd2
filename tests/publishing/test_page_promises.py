"""Nothing active or executable reaches a reader (issue #26), tested on the parts: the
allowlist sanitizer every piece of notebook HTML passes (`sanitize`, nh3) and the check of
each page's promises (`checks.check_page`). Real builds are in `test_build_guards.py`.
"""

from __future__ import annotations

import pytest

from belarus_ip_report.foundation import paths
from belarus_ip_report.publishing import checks
from belarus_ip_report.publishing.reading import prose
from belarus_ip_report.publishing.sanitize import clean_html

PAGE = ('<!DOCTYPE html><html><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
        "<style>body {{ color: black; }}</style></head><body>{body}</body></html>")


# --- the sanitizer --------------------------------------------------------------------------


@pytest.mark.parametrize("hostile", [
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt&#58;alert(1)">click</a>',
    '<a href="data:text/html,<script>alert(1)</script>">click</a>',
    "<script>alert(1)</script>",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<form action="https://evil.example"><input name=q></form>',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/s.css">',
    "<style>body { background: url(https://evil.example/x.png) }</style>",
    '<p style="background: url(https://evil.example/x.png)">text</p>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<p onmouseover="alert(1)">text</p>',
    "<!-- a comment --><p>text</p>",
])
def test_the_sanitizer_keeps_nothing_active_and_nothing_from_elsewhere(hostile):
    cleaned = clean_html(f"<p>Before.</p>{hostile}<p>After.</p>")
    assert "<p>Before.</p>" in cleaned and "<p>After.</p>" in cleaned
    for word in ("evil.example", "javascript", "alert", "<script", "<iframe", "<object",
                 "<form", "<base", "<link", "<style", "style=", "<meta", "onerror",
                 "onmouseover", "<!--", "data:text/html", "<img"):
        assert word not in cleaned.lower(), (word, cleaned)
    checks.check_page(PAGE.format(body=cleaned))


def test_markdown_cells_pass_the_sanitizer():
    html = prose("# Title\n\nSee [the WTO](https://www.wto.org/) and [x](javascript:alert(1)) "
                 'and <a href="#overview">the overview</a>.\n\n'
                 '<meta http-equiv="refresh" content="0;url=https://evil.example">\n')
    assert '<a href="https://www.wto.org/">the WTO</a>' in html
    assert '<a href="#overview">the overview</a>' in html
    assert "javascript" not in html and "evil.example" not in html and "<meta" not in html
    assert '<h1 id="Title">' in html  # the anchors of headings stay


def test_what_the_report_itself_writes_passes_unchanged_but_for_entities():
    table = ('<div class="table-wrap"><table><caption>Caption</caption><thead><tr>'
             '<th scope="col" class="num">n</th></tr></thead><tbody><tr><td class="num">1'
             "</td></tr></tbody></table></div>")
    assert clean_html(table) == table
    assert clean_html("<p>Belarus&#x27;s &quot;own&quot; &amp; &lt;b&gt;</p>") == \
        "<p>Belarus's \"own\" &amp; &lt;b&gt;</p>"


# --- the page's promises ---------------------------------------------------------------------


@pytest.mark.parametrize(("body", "problem"), [
    ("<script>x()</script>", "the page would contain a script"),
    ('<img src="data:image/png;base64,AA==">', "an image has no alt text"),
    ('<img alt="a" src="https://example.org/a.png">',
     "a <img> would load https://example.org/a.png"),
    ('<a href="javascript:x()">x</a>', "a link would lead to 'javascript:x()'"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">',
     'a <meta http-equiv="refresh"> would refresh or redirect the page'),
    ('<p onclick="x()">x</p>', "an event handler (onclick) on <p> would run code"),
    ('<iframe srcdoc="x"></iframe>', "the page would contain a <iframe>, which runs"),
    ('<object data="x.swf"></object>', "the page would contain a <object>, which runs"),
    ('<form action="https://evil.example"></form>', "the page would contain a <form>"),
    ('<base href="https://evil.example/">', "the page would contain a <base>"),
    ('<video poster="https://evil.example/p.png"></video>',
     "a <video> would load 'https://evil.example/p.png' (poster)"),
    ('<img alt="a" src="data:image/png;base64,AA==" srcset="https://evil.example/a.png 2x">',
     "a <img> would load 'https://evil.example/a.png 2x' (srcset)"),
    ('<p style="background:url(https://evil.example/x.png)">x</p>',
     "a style on <p> would load from elsewhere"),
    ("<style>@import 'https://evil.example/s.css';</style>",
     "the page's style would load from elsewhere"),
])
def test_a_page_that_breaks_a_promise_is_refused(body, problem):
    with pytest.raises(checks.ReportError) as refused:
        checks.check_page(PAGE.format(body=body))
    assert str(refused.value).startswith(problem), str(refused.value)


def test_the_original_promises_keep_their_messages_when_a_tag_breaks_several():
    for body, problem in (('<img src=x onerror="x()">', "an image has no alt text"),
                          ('<iframe src="https://evil.example"></iframe>',
                           "a <iframe> would load https://evil.example")):
        with pytest.raises(checks.ReportError) as refused:
            checks.check_page(PAGE.format(body=body))
        assert str(refused.value) == problem


def test_the_committed_pages_keep_every_promise():
    for page in [paths.REPORT / "index.html", *sorted((paths.REPORT / "code").glob("*.html"))]:
        checks.check_page(page.read_text(encoding="utf-8"))


def test_a_staged_page_that_breaks_a_promise_is_named(tmp_path):
    (tmp_path / "report" / "code").mkdir(parents=True)
    (tmp_path / "report" / "index.html").write_text(PAGE.format(body="<p>fine</p>"))
    (tmp_path / "report" / "code" / "04_x.html").write_text(
        PAGE.format(body='<img alt="a" src="data:image/png;base64,AA==" onerror="x()">'))
    with pytest.raises(checks.ReportError) as refused:
        checks.check_staged_pages(tmp_path)
    assert str(refused.value) == ("report/code/04_x.html: an event handler (onerror) on <img> "
                                  "would run code: the page was not published")
