"""The committed report, as a reader's browser sees it (headless Chromium via Playwright).

Screenshots land in `.cache/screenshots/` (ignored by git) for a person to look at.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from belarus_ip_report.chapters import CHAPTERS
from belarus_ip_report.curated.tables import load_table
from belarus_ip_report.foundation import paths, settings
from belarus_ip_report.foundation.dates import format_for_people
from belarus_ip_report.publishing.report import CONTENT_SECURITY_POLICY

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


# --- Static checks: no browser needed -----------------------------------------------------


def test_report_is_under_two_megabytes_and_its_folder_under_three():
    assert REPORT.stat().st_size < MAX_BYTES
    tracked = [f for f in paths.REPORT.rglob("*") if f.is_file() and f.suffix != ".pdf"]
    assert sum(f.stat().st_size for f in tracked) < MAX_FOLDER_BYTES


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


def test_tables_are_numbered_and_captioned(page_html):
    numbers = re.findall(r'<span class="table-number">Table (\d+)\.</span> ([^<]+)<', page_html)
    assert [int(n) for n, _ in numbers] == list(range(1, len(numbers) + 1))
    assert all(caption.strip() for _, caption in numbers)


def test_every_h2_is_in_the_contents_and_chapter_labels_agree(page_html):
    toc = page_html.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    main = page_html.split("<main>", 1)[1].split('id="appendix-tables"', 1)[0]
    for anchor in re.findall(r'<h2 id="([^"]+)">', main):
        assert f'href="#{anchor}"' in toc, anchor
    for chapter in CHAPTERS:
        heading = re.search(rf'<h1 id="{chapter.stem}-title"><span class="chapter-label">'
                            rf"([^<]+)</span>", page_html)
        assert heading and heading.group(1) == chapter.label
        assert f'<span class="chapter-label">{chapter.label}</span>' in toc
        for link_text in re.findall(rf'<a href="#{chapter.stem}">([^<]+)</a>', main):
            assert link_text.startswith(chapter.label), link_text


def test_no_prose_is_left_broken_by_an_empty_list(page_html):
    text = re.sub(r"<[^>]+>", " ", page_html.split("<main>", 1)[1])
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


def test_references_are_built_from_the_sources_table_with_working_links(page_html):
    sources = load_table("sources")
    for row in sources.itertuples(index=False):
        assert f'id="source-{row.source_id}"' in page_html
    linked = sources["url"].notna().sum() + sources["copy_url"].notna().sum()
    section = page_html.split('id="references"', 1)[1]
    assert section.count('<a href="http') == linked


def test_every_link_within_the_page_has_a_target(page_html):
    ids = set(re.findall(r'\bid="([^"]+)"', page_html))
    targets = set(re.findall(r'href="#([^"]+)"', page_html))
    assert targets and targets <= ids, sorted(targets - ids)


def test_report_links_every_clean_table_and_every_code_page(page_html):
    for path in sorted(paths.PROCESSED.glob("*.csv")):
        assert f'href="../data/processed/{path.name}"' in page_html
        assert path.exists()
    for link in re.findall(r'href="(code/[^"]+)"', page_html):
        assert (paths.REPORT / link).exists()


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


@pytest.fixture(scope="module")
def loaded(browser) -> dict:
    """The report loaded once, at desktop width, with every request and console error it
    caused; the tests below read it in turn (each sets the width and colours it needs)."""
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    started = time.monotonic()
    page.goto(REPORT.as_uri(), wait_until="load")
    load_seconds = time.monotonic() - started
    yield {"page": page, "requests": requests, "errors": errors, "seconds": load_seconds}
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
    page.screenshot(path=str(SCREENSHOTS / "report-desktop.png"))
    print(f"\nreport loaded in {loaded['seconds']:.2f} s; screenshots in {SCREENSHOTS}")


def test_every_table_of_contents_link_lands_on_its_section(page):
    # Each link is clicked in the page (a real click event, followed by the browser), and the
    # section it names must then be at the top of the window, or the page scrolled to its end.
    landed = page.evaluate("""() => Array.from(document.querySelectorAll("nav.toc a")).map(a => {
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


def test_phone_width_has_no_horizontal_scroll(page):
    page.set_viewport_size(PHONE)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "report-phone.png"))


def pdf_page_texts(pdf_file: Path) -> list[str]:
    """The text of each page: poppler's pdftotext where installed (a second for the whole
    report), else pypdf (the same text, some ten times slower)."""
    if shutil.which("pdftotext"):
        found = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_file), "-"],
                               capture_output=True, text=True, check=True).stdout
        return found.split("\f")[:-1]  # each page ends with a form feed
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(pdf_file).pages]


def test_the_print_edition_has_every_chapter_and_caption_and_no_blank_page(browser, tmp_path):
    from belarus_ip_report.publishing import pdf

    target = tmp_path / "report.pdf"
    pdf.print_with(browser, REPORT, target)
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
    html_text = html.unescape(REPORT.read_text(encoding="utf-8"))
    for title in re.findall(r'<h1 id="[^"]+-title"><span class="chapter-label">[^<]+</span> '
                            r"([^<]+)</h1>", html_text):
        assert " ".join(title.split())[:40] in whole, title
    for caption in re.findall(r'<span class="figure-title">([^<]+)</span>', html_text):
        assert " ".join(caption.split())[:30] in whole, caption


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_colour_schemes_render_without_errors(loaded, page, scheme):
    page.emulate_media(color_scheme=scheme)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    ink = page.evaluate("getComputedStyle(document.body).color")
    assert loaded["errors"] == [] and background != ink
    assert (background == "rgb(255, 255, 255)") == (scheme == "light")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"report-{scheme}.png"))


def test_a_chart_csv_downloads_under_the_content_security_policy(page):
    link = page.locator('a[download="01-treaty-growth.csv"]')
    page.locator("#figure-01-treaty-growth details summary").click()
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
