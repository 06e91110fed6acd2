"""The committed report, as a reader's browser sees it (headless Chromium via Playwright).

Screenshots land in `.cache/screenshots/` (ignored by git) for a person to look at.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from belarus_ip_report.chapters import CHAPTERS, CLEANING
from belarus_ip_report.curated.tables import load_table
from belarus_ip_report.foundation import paths, settings
from belarus_ip_report.foundation.dates import format_for_people
from belarus_ip_report.publishing.pages import CONTENT_SECURITY_POLICY

REPORT = paths.REPORT / "index.html"
SCREENSHOTS = paths.BUILD_CACHE / "screenshots"
MAX_BYTES = 2 * 1024 * 1024
MAX_FOLDER_BYTES = 3 * 1024 * 1024
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 900}
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def page_html() -> str:
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def evidence_html() -> str:
    return (paths.REPORT / "evidence.html").read_text(encoding="utf-8")


#: Each edition's story page, under report/.
EDITIONS = ("index.html", "ru/index.html")


def pages() -> dict[str, str]:
    """Every page of the publication, by its path under report/: both editions' two pages and
    the code pages they share."""
    found = [paths.REPORT / "index.html", paths.REPORT / "evidence.html",
             paths.REPORT / "ru" / "index.html", paths.REPORT / "ru" / "evidence.html",
             *sorted((paths.REPORT / "code").glob("*.html"))]
    return {p.relative_to(paths.REPORT).as_posix(): p.read_text(encoding="utf-8") for p in found}


# --- Static checks: no browser needed -----------------------------------------------------


def test_each_page_is_under_two_megabytes_and_the_pages_under_three():
    """The pages' weight; beside them, report/data/ holds the clean tables themselves (copies
    of data/processed/, byte for byte), which the pages link instead of leaving report/."""
    editions = {"en": [paths.REPORT / "index.html", paths.REPORT / "evidence.html",
                       *(paths.REPORT / "code").glob("*.html")],
                "ru": [paths.REPORT / "ru" / "index.html", paths.REPORT / "ru" / "evidence.html"]}
    for files in editions.values():  # each edition, as a reader of it downloads it
        assert all(f.stat().st_size < MAX_BYTES for f in files)
        assert sum(f.stat().st_size for f in files) < MAX_FOLDER_BYTES
    copies = sorted((paths.REPORT / "data").glob("*.csv"))
    assert [f.name for f in copies] == [f.name for f in sorted(paths.PROCESSED.glob("*.csv"))]
    assert all(f.read_bytes() == (paths.PROCESSED / f.name).read_bytes() for f in copies)


def test_every_figure_has_a_caption_beyond_its_number_and_its_data(page_html):
    figures = re.findall(r'<figure class="chart" id="figure-([^"]+)">(.*?)</figure>', page_html,
                         re.S)
    assert len(figures) >= 10
    for name, body in figures:
        caption = re.search(r"<figcaption>(.*?)</figcaption>", body, re.S).group(1)
        words = re.sub(r"<[^>]+>", "", caption).split()
        assert len(words) > 8 and words[0] == "Figure", name
        assert "Source:" in caption, name
        assert f'download="{name}.csv"' in body and 'href="data:text/csv;' in body, name
        assert "Cite this figure:" in caption and f'href="#figure-{name}"' in caption, name


def test_tables_are_numbered_and_captioned(page_html):
    numbers = re.findall(r'<span class="table-number">Table (\d+)\.</span> ([^<]+)<', page_html)
    assert [int(n) for n, _ in numbers] == list(range(1, len(numbers) + 1))
    assert all(caption.strip() for _, caption in numbers)


def test_every_h2_is_in_the_contents_and_chapter_labels_agree(page_html, evidence_html):
    for html_text in (page_html, evidence_html):
        toc = html_text.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
        main = html_text.split('<main id="main">', 1)[1]
        for anchor in re.findall(r'<h2 id="([^"]+)">', main):
            assert f'href="#{anchor}"' in toc, anchor
    for chapter in CHAPTERS:
        html_text = evidence_html if chapter.stem == CLEANING else page_html
        heading = re.search(rf'<h1 id="{chapter.stem}-title"><span class="chapter-label">'
                            rf"([^<]+)</span>", html_text)
        assert heading and heading.group(1) == chapter.label


def test_no_prose_is_left_broken_by_an_empty_list(page_html):
    text = re.sub(r"<[^>]+>", " ", page_html.split('<main id="main">', 1)[1])
    assert "()" not in text
    assert not re.search(r"\b0 more\b", text)
    assert not re.search(r"\b(have|has) 0(, 0)+\b", text)


def test_report_has_a_content_security_policy_that_forbids_network_loads(page_html):
    assert f'content="{CONTENT_SECURITY_POLICY}"' in page_html
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY


def test_report_has_no_script_and_loads_nothing_remote(page_html):
    assert "<script" not in page_html.lower()
    assert not re.search(r'<(img|link|iframe|source)\b[^>]*(src|href)="https?://', page_html)
    assert not re.search(r"url\(\s*['\"]?https?://", page_html)


def test_every_figure_has_alt_text_and_a_numbered_caption(page_html):
    images = re.findall(r"<img\b[^>]*>", page_html)
    assert images
    for tag in images:
        alt = re.search(r'alt="([^"]*)"', tag)
        assert alt and len(alt.group(1)) > 30, tag[:120]
    captions = re.findall(r'<span class="figure-number">Figure (\d+)\.</span>', page_html)
    assert [int(n) for n in captions] == list(range(1, len(images) + 1))


def test_report_carries_the_data_date_not_a_build_time(page_html):
    assert f"Data as of {format_for_people(settings.AS_OF)}" in page_html
    assert not re.search(r"\d{2}:\d{2}:\d{2}", page_html)


def test_references_are_built_from_the_sources_table_with_working_links(evidence_html):
    sources = load_table("sources")
    for row in sources.itertuples(index=False):
        assert f'id="source-{row.source_id}"' in evidence_html
    linked = sources["url"].notna().sum() + sources["copy_url"].notna().sum()
    section = evidence_html.split('id="references"', 1)[1].split('id="data-files"', 1)[0]
    assert section.count('<a href="http') == linked


def test_every_link_between_the_pages_has_a_target_and_none_leaves_report():
    """No link leaves report/ (the clean tables are copied beside the pages; sources are full
    public addresses), and every place a link names exists."""
    every = pages()
    ids = {name: set(re.findall(r'\bid="([^"]+)"', text)) for name, text in every.items()}
    checked = 0
    for name, text in every.items():
        folder = Path(name).parent
        for href in map(html.unescape, re.findall(r'href="([^"]+)"', text)):
            if href.startswith(("http://", "https://", "data:")):
                continue
            path, _, place = href.partition("#")
            target = Path(os.path.normpath(folder / path)).as_posix() if path else name
            assert not target.startswith(".."), (name, href)
            assert (paths.REPORT / target).exists(), (name, href)
            if place and target in ids:
                assert place in ids[target], (name, href)
                checked += 1
    assert checked > 1000


def test_every_source_id_in_a_table_links_to_its_reference_and_each_reference_names_its_values(
        page_html, evidence_html):
    tables = re.findall(r"<table>.*?</table>", page_html, re.S)
    cells = [cell for table in tables if ">Sources</th>" in table
             for cell in re.findall(r"<td>([^<]*(?:<a [^>]*>[^<]*</a>[^<]*)*)</td>", table)]
    linked = re.findall(r'href="evidence.html#source-([^"]+)"', page_html)
    assert len(linked) > 200
    ids = set(load_table("sources")["source_id"])
    assert set(linked) <= ids
    backs = re.findall(r'<span class="backs">Backs (.*?)\.</span>', evidence_html, re.S)
    assert backs and all('href="#ev/' in b or "of <code>treaty_parties</code>" in b
                         for b in backs)
    assert cells


def test_every_fact_row_is_anchored_and_every_value_links_to_its_evidence(page_html,
                                                                          evidence_html):
    milestones = load_table("wto_accession_milestones")
    for key in milestones["milestone_id"]:
        assert f'<tr id="wto_accession_milestones/{key}">' in page_html, key
    evidence_ids = set(re.findall(r'<dt id="([^"]+)"', evidence_html))
    links = re.findall(r'href="evidence.html#(ev/[^"]+)"', page_html)
    assert len(links) > 150 and set(links) <= evidence_ids
    facts = load_table("evidence").groupby(["table", "row_key", "column"]).ngroups
    assert len(evidence_ids) == facts


def test_the_main_page_and_the_evidence_link_to_each_other_and_no_table_is_shown_twice(
        page_html, evidence_html):
    assert 'href="evidence.html"' in page_html and 'href="index.html"' in evidence_html
    captions = re.findall(r'<span class="table-number">Table [^<]+</span> ([^<]+)<',
                          page_html + evidence_html)
    assert len(captions) == len(set(captions)), captions
    assert "<details" not in page_html  # every fact is in prose or a visible table


def test_the_page_carries_the_fingerprint_of_the_data_it_was_built_from(page_html):
    from belarus_ip_report.publishing.release import data_fingerprint

    assert data_fingerprint() in page_html and settings.AUTHOR in page_html


# --- In a real browser ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium found: install Debian's chromium (.ci/run does) to run these")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def recorded(page):
    """`page`, with the lists of every request it makes and every error it reports."""
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, requests, errors


@pytest.fixture(scope="module", params=EDITIONS)
def loaded(browser, request) -> dict:
    """Each edition's report loaded once, at desktop width, with every request and console
    error it caused; the tests below read it in turn (each sets the width and colours it
    needs)."""
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page, requests, errors = recorded(context.new_page())
    started = time.monotonic()
    page.goto((paths.REPORT / request.param).as_uri(), wait_until="load")
    load_seconds = time.monotonic() - started
    yield {"page": page, "requests": requests, "errors": errors, "seconds": load_seconds,
           "edition": "ru-" if request.param.startswith("ru/") else ""}
    context.close()


@pytest.fixture
def page(loaded):
    """The loaded report at desktop width, in light colours, scrolled to the top."""
    tab = loaded["page"]
    tab.set_viewport_size(DESKTOP)
    tab.emulate_media(color_scheme="light")
    tab.evaluate("window.scrollTo(0, 0)")
    return tab


def test_desktop_no_request_leaves_the_file_no_console_error_every_image_drawn(loaded, page):
    outside = [url for url in loaded["requests"] if not url.startswith(("file:", "data:"))]
    assert outside == []
    assert loaded["errors"] == []
    undrawn = page.evaluate(
        "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)"
        ".map(i => i.alt)")
    assert undrawn == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"report-{loaded['edition']}desktop.png"))
    print(f"\nreport loaded in {loaded['seconds']:.2f} s; screenshots in {SCREENSHOTS}")


def test_every_table_of_contents_link_lands_on_its_section(page):
    # Each link is clicked in the page (a real click event, followed by the browser), and the
    # section it names must then be at the top of the window, or the page scrolled to its end.
    landed = page.evaluate("""() => Array.from(document.querySelectorAll("nav.toc a"))
        .filter(a => a.hash && a.pathname === location.pathname).map(a => {
        const id = a.hash.slice(1);
        const target = document.getElementById(id);
        if (target === null) return [a.hash, false];
        a.click();
        const top = target.getBoundingClientRect().top;
        const atEnd = window.scrollY + window.innerHeight >= document.body.scrollHeight - 2;
        return [a.hash, Math.abs(top) < 5 || atEnd];
    })""")
    assert len(landed) >= 10
    assert [target for target, ok in landed if not ok] == []


def test_phone_width_has_no_horizontal_scroll_and_the_findings_come_within_two_screens(
        loaded, page):
    page.set_viewport_size(PHONE)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    findings = page.evaluate("document.querySelector('#main ul li').getBoundingClientRect().top"
                             " + window.scrollY")
    assert findings < 2 * PHONE["height"], findings
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"report-{loaded['edition']}phone.png"))


def pdf_page_texts(pdf_file: Path) -> list[str]:
    """The text of each page: poppler's pdftotext where installed (a second for the whole
    report), else pypdf (the same text, some ten times slower)."""
    if shutil.which("pdftotext"):
        found = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_file), "-"],
                               capture_output=True, text=True, check=True).stdout
        return found.split("\f")[:-1]  # each page ends with a form feed
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(pdf_file).pages]


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_print_edition_has_every_chapter_and_caption_and_no_blank_page(browser, tmp_path,
                                                                          edition):
    from belarus_ip_report.publishing import pdf

    target = tmp_path / "report.pdf"
    pdf.print_with(browser, paths.REPORT / edition, target)
    texts = pdf_page_texts(target)
    without_text = [n for n, text in enumerate(texts, start=1) if not text.strip()]
    if without_text:  # a page without text is blank unless it holds an image
        from pypdf import PdfReader

        pages = PdfReader(target).pages
        assert len(texts) == len(pages)
        assert [n for n in without_text if not pages[n - 1].images] == []
    # PDF text has typographic ligatures ('ﬁ'); page breaks may fall inside a heading.
    whole = " ".join(" ".join(text.split()) for text in texts).replace("\ufb01", "fi") \
        .replace("\ufb02", "fl")
    html_text = html.unescape((paths.REPORT / edition).read_text(encoding="utf-8"))
    for title in re.findall(r'<h1 id="[^"]+-title"><span class="chapter-label">[^<]+</span> '
                            r"([^<]+)</h1>", html_text):
        assert " ".join(title.split())[:40] in whole, title
    for caption in re.findall(r'<span class="figure-title">([^<]+)</span>', html_text):
        assert " ".join(caption.split())[:30] in whole, caption
    # A table's caption is printed with its table, never alone at the foot of a page.
    stranded = [n for n, text in enumerate(texts, start=1)
                if any(re.match(r"(Table|Таблица) [0-9A]+\.", line)
                       for line in [line for line in text.splitlines() if line.strip()][-2:])]
    assert stranded == []
    # The story reads in one sitting: the evidence, references and method are on their page.
    assert len(texts) <= 40, len(texts)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_colour_schemes_render_without_errors(loaded, page, scheme):
    page.emulate_media(color_scheme=scheme)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    ink = page.evaluate("getComputedStyle(document.body).color")
    assert loaded["errors"] == [] and background != ink
    assert (background == "rgb(255, 255, 255)") == (scheme == "light")
    # The charts follow the scheme: the dark variant of each is chosen by CSS.
    chart_filter = page.evaluate(
        "getComputedStyle(document.querySelector('figure.chart img')).filter")
    assert (chart_filter == "none") == (scheme == "light"), chart_filter
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"report-{loaded['edition']}{scheme}.png"))


def test_a_chart_csv_downloads_under_the_content_security_policy(page):
    link = page.locator('a[download="01-treaty-growth.csv"]')
    with page.expect_download() as info:
        link.click()
    download = info.value
    saved = Path(download.path()).read_text(encoding="utf-8")
    assert download.suggested_filename == "01-treaty-growth.csv"
    assert saved == (paths.FIGURES / "01-treaty-growth.csv").read_text(encoding="utf-8")


def test_code_pages_are_offline_too():
    pages = sorted((paths.REPORT / "code").glob("*.html"))
    assert len(pages) == len(list(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text.lower(), page.name
        assert f'content="{CONTENT_SECURITY_POLICY}"' in text, page.name
        assert not re.search(r'(src|href)="https?://[^"]+\.(js|css)', text), page.name


@pytest.mark.parametrize("evidence", ["evidence.html", "ru/evidence.html"])
def test_each_evidence_page_loads_offline_without_a_console_error(browser, evidence):
    page, requests, errors = recorded(browser.new_page(viewport=DESKTOP))
    try:
        page.goto((paths.REPORT / evidence).as_uri(), wait_until="load")
        assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
        assert errors == []
        assert page.evaluate("document.documentElement.lang") == (
            "ru" if evidence.startswith("ru/") else "en")
    finally:
        page.close()
