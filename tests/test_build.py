"""The build, end to end, in a temporary copy of the project (tracked files stay untouched).

One forced build of the copy must reproduce every committed output byte for byte; a second
build must be a fast no-op; a raw table with HTML in it must come out escaped in the report.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from belarus_ip_report import paths

OUTPUT_FOLDERS = ("notebooks", "data/processed", "figures", "report")
NO_OP_SECONDS = 2.0


def run_build(copy: Path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "MPLBACKEND"}
    env["PYTHONPATH"] = str(copy / "src")
    return subprocess.run([sys.executable, "-m", "belarus_ip_report.build", *args], cwd=copy,
                          env=env, capture_output=True, text=True, timeout=1200)


def outputs(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for folder in OUTPUT_FOLDERS
        for path in sorted((root / folder).rglob("*"))
        if path.is_file() and ".ipynb_checkpoints" not in path.parts and path.suffix != ".pdf"
    }


@pytest.fixture(scope="module")
def built_copy(tmp_path_factory) -> Path:
    copy = paths.copy_project(tmp_path_factory.mktemp("project"))
    result = run_build(copy, "--force")
    assert result.returncode == 0, result.stderr[-3000:]
    return copy


def test_the_copy_imports_its_own_package(built_copy):
    env = dict(os.environ, PYTHONPATH=str(built_copy / "src"))
    found = subprocess.run([sys.executable, "-c", "import belarus_ip_report.paths as p;"
                            "print(p.PROJECT_ROOT)"], env=env, capture_output=True, text=True)
    assert Path(found.stdout.strip()) == built_copy


def test_a_forced_build_reproduces_every_committed_output_byte_for_byte(built_copy):
    committed, rebuilt = outputs(paths.PROJECT_ROOT), outputs(built_copy)
    assert sorted(rebuilt) == sorted(committed)
    differing = [name for name in committed if committed[name] != rebuilt[name]]
    assert differing == [], f"these outputs differ from a fresh build: {differing}"


def test_a_second_build_is_a_fast_no_op(built_copy):
    before = outputs(built_copy)
    started = time.monotonic()
    result = run_build(built_copy)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert "Up to date" in result.stdout
    assert elapsed < NO_OP_SECONDS
    assert outputs(built_copy) == before


MARKDOWN_LINK = "[x](javascript:alert(1))"
MARKDOWN_IMAGE = "![p](https://example.org/p.png)"


def replace_field(folder: Path, name: str, old: str, new: str) -> None:
    """Replace a whole CSV field wherever it stands in one raw table."""
    path = folder / name
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows = [[new if cell == old else cell for cell in row] for row in rows]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def edited_copy(built_copy: Path) -> Path:
    """One build after three kinds of edit a contributor could make (one build keeps the suite
    quick): HTML and Markdown in data text, and a fact moved everywhere it stands."""
    raw = built_copy / "data" / "raw"
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    replace_field(raw, "belarus_russia_ip.csv",
                  "Agreement on Cooperation in the Protection of Industrial Property", payload)
    sources = raw / "sources.csv"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace(",World Trade Organization,", ",WTO <script>x()</script>,",
                                    1), encoding="utf-8")
    # A description that generated prose quotes (the first Belarusian act since 2022) ...
    rows = csv.reader(io.StringIO((raw / "belarus_ip_instruments.csv").read_text(
        encoding="utf-8"), newline=""))
    title = next(row[3] for row in rows if row[0] == "by-law-241z-2023")
    replace_field(raw, "belarus_ip_instruments.csv", title,
                  f"Law {MARKDOWN_LINK} {MARKDOWN_IMAGE}")
    # ... and a government's name, which the key findings and chapter 3 name in prose.
    for table in ("wto_accessions.csv", "evidence.csv", "discrepancies.csv"):
        replace_field(raw, table, "Algeria", f"Algeria {MARKDOWN_LINK}")
    # Belarus's Hague accession moved by a day, everywhere it stands, with its evidence.
    for table in ("wipo_treaties.csv", "belarus_wipo_events.csv", "evidence.csv"):
        replace_field(raw, table, "2021-07-19", "2021-07-20")
    result = run_build(built_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    return built_copy


def test_text_from_the_data_is_shown_as_text_never_run(edited_copy):
    page = (edited_copy / "report" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert "<img src=x" not in page
    assert re.search(r"<[a-z]+[^>]*\sonerror\s*=", page) is None


def test_markdown_in_a_description_or_a_name_never_becomes_a_link_or_an_image(edited_copy):
    page = (edited_copy / "report" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'href="\s*javascript', page, re.I)
    assert 'src="https://example.org' not in page
    assert page.count("[x](javascript:alert(1))") >= 2  # shown as text, in both places
    for notebook in (edited_copy / "notebooks").glob("*.ipynb"):
        text = notebook.read_text(encoding="utf-8")
        assert "](javascript:" not in text.replace("[x](javascript:alert(1))", ""), notebook


def test_a_moved_treaty_date_reaches_the_prose_and_the_report(edited_copy):
    """No date typed in code: the generated prose and the published page follow the data."""
    page = (edited_copy / "report" / "index.html").read_text(encoding="utf-8")
    assert "in force since 20 July 2021" in page
    assert "in force since 19 July 2021" not in page


def test_the_readme_worked_example_reaches_the_tables_and_the_report(edited_copy):
    built_copy = edited_copy
    """Follow 'Adding or correcting a fact' word for word: its three rows, then a build."""
    readme = (built_copy / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Adding or correcting a fact", 1)[1].split("\n## ", 1)[0]
    blocks = [block.strip() for block in re.findall(r"```\n(.*?)```", section, re.S)]
    source_row, fact_row, evidence_row = blocks[:3]
    raw = built_copy / "data" / "raw"
    for name, row in (("sources.csv", source_row), ("wto_accession_milestones.csv", fact_row),
                      ("evidence.csv", evidence_row)):
        with (raw / name).open("a", encoding="utf-8") as table:
            table.write(row + "\n")
    result = run_build(built_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    executed = re.findall(r"executing (\S+)", result.stdout)
    assert sorted(executed) == ["00_overview", "01_clean_tables", "03_wto_accession"]
    processed = (built_copy / "data" / "processed" / "wto_accession_milestones.csv").read_text()
    assert "example-meeting-2026-05" in processed
    page = (built_copy / "report" / "index.html").read_text(encoding="utf-8")
    assert "a meeting on Belarus&#x27;s accession" in page or \
        "a meeting on Belarus's accession" in page


