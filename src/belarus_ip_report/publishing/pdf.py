"""The print editions: `python3 tasks.py pdf` writes report/report.pdf from report/index.html
and report/ru/report.pdf from the Russian edition, report/ru/index.html.

Headless Chromium (Debian's, driven by Playwright) prints the page with its print stylesheet,
without the browser's own header and footer (date, title, file path). A PDF carries creation
dates, so it is not byte-stable: it is left out of git and made on request.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from belarus_ip_report.foundation import paths

CHROMIUM = "/usr/bin/chromium"


def chromium() -> str | None:
    return CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")


def write_pdf(page: Path, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    executable = chromium()
    if executable is None:
        raise SystemExit("tasks.py pdf: Chromium is not installed (Debian: apt-get install "
                         "chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable,
                                             args=["--no-sandbox"])
        try:
            print_with(browser, page, target)
        finally:
            browser.close()


def print_with(browser, page: Path, target: Path) -> None:
    """Print `page` to `target` with a running Playwright browser (the tests share theirs)."""
    tab = browser.new_page()
    try:
        tab.goto(page.resolve().as_uri())
        tab.emulate_media(media="print", color_scheme="light")
        temporary = target.with_name(f".{target.name}.tmp")
        tab.pdf(path=str(temporary), format="A4", print_background=True,
                display_header_footer=False, prefer_css_page_size=True, tagged=True,
                outline=True)
        temporary.replace(target)
    finally:
        tab.close()


#: Each edition's page and its print edition.
EDITIONS = {"en": ("index.html", "report.pdf"), "ru": ("ru/index.html", "ru/report.pdf")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tasks.py pdf", description=__doc__)
    parser.add_argument("--edition", choices=[*EDITIONS, "all"], default="all",
                        help="which edition to print (default: both)")
    args = parser.parse_args(argv)
    chosen = EDITIONS if args.edition == "all" else {args.edition: EDITIONS[args.edition]}
    for page_name, _ in chosen.values():
        if not (paths.REPORT / page_name).exists():
            print(f"tasks.py pdf: report/{page_name} is missing: run python3 tasks.py build "
                  "first", file=sys.stderr)
            return 1
    for page_name, pdf_name in chosen.values():
        target = paths.REPORT / pdf_name
        write_pdf(paths.REPORT / page_name, target)
        print(f"Wrote {paths.relative(target)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
