"""What a build publishes is whole and true to the data, on a small copy of the project (the
cleaning notebook and chapter 3):

- a chapter that fails after the cleaning succeeded publishes nothing;
- two builds started together while a raw table was edited end as one forced build would;
- data text that looks like HTML or Markdown (a link, an image) is shown as text everywhere,
  in a description and in a name;
- a fact moved in the data (the first instrument's date) moves in the prose, in the chart's
  title and alt text, in the chart's data and in the report: no fact is typed in code.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from projects import build_command, copy_built, outputs, replace_field, run_build

HTML_PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(2)">'
MARKDOWN_LINK = "[x](javascript:alert(1))"
MARKDOWN_IMAGE = "![p](https://example.org/p.png)"
FIRST_AGREEMENT = "Agreement on Cooperation in the Protection of Industrial Property"
FIRST_NATIONAL_ACT = ("Law No. 137-Z on the accession of the Republic of Belarus to the Protocol "
                      "on the Protection of Industrial Designs to the Eurasian Patent Convention")


def test_a_failing_chapter_leaves_every_output_as_it_was(small_built, tmp_path):
    small = copy_built(small_built, tmp_path.resolve() / "project")
    before = outputs(small)
    # A raw edit, so that the cleaning runs (and succeeds) before the chapter fails.
    replace_field(small / "data" / "raw", "belarus_russia_ip.csv", FIRST_AGREEMENT,
                  "Agreement on Cooperation in Protecting Industrial Property")
    notebook = small / "notebooks" / "03_belarus_russia_ip.ipynb"
    node = json.loads(notebook.read_text(encoding="utf-8"))
    node["cells"][3]["source"] = ["raise ValueError('a chapter that fails')\n",
                                  *node["cells"][3]["source"]]
    failing = json.dumps(node, indent=1)
    notebook.write_text(failing, encoding="utf-8")
    result = run_build(small)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert ("notebooks/03_belarus_russia_ip.ipynb, cell [2] (raise ValueError('a chapter "
            "that fails')): ValueError: a chapter that fails") in result.stderr
    assert "Nothing was published" in result.stderr
    after = outputs(small)
    after.pop("notebooks/03_belarus_russia_ip.ipynb")  # the edit made by hand, kept as it is
    before.pop("notebooks/03_belarus_russia_ip.ipynb")
    assert after == before, "a failed run changed a published output"
    assert notebook.read_text(encoding="utf-8") == failing


@pytest.fixture(scope="module")
def edited(small_built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Edits a contributor could make, then two builds started together, then a forced build
    (one set of builds keeps the suite quick); each test below reads a different promise."""
    copy = copy_built(small_built, tmp_path_factory.mktemp("edited").resolve() / "project")
    raw = copy / "data" / "raw"
    edits = [
        ("belarus_russia_ip.csv", FIRST_AGREEMENT, HTML_PAYLOAD),  # a title, in a table
        ("belarus_russia_ip.csv", "Union State", f"Union State {MARKDOWN_LINK}"),  # a name
        ("belarus_ip_instruments.csv", FIRST_NATIONAL_ACT,  # a title the prose quotes
         f"Law {MARKDOWN_LINK} {MARKDOWN_IMAGE}"),
        # The first instrument's date, moved a year everywhere it stands, with its evidence.
        *((table, "1994-07-20", "1995-07-20")
          for table in ("belarus_russia_ip.csv", "evidence.csv", "discrepancies.csv")),
    ]
    for table, old, new in edits:
        assert replace_field(raw, table, old, new) >= 1, (table, old)
    sources = raw / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        ",World Trade Organization,", ",WTO <script>x()</script>,", 1), encoding="utf-8")
    command, env = build_command(copy)
    builds = [subprocess.Popen(command, cwd=copy, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for _ in range(2)]
    concurrent = [build.communicate(timeout=600) for build in builds]
    assert [build.returncode for build in builds] == [0, 0], concurrent
    after_concurrent = outputs(copy)
    forced = run_build(copy, "--force")
    assert forced.returncode == 0, forced.stderr[-3000:]
    page = "\n".join((copy / "report" / name).read_text(encoding="utf-8")
                     for name in ("index.html", "evidence.html"))
    return {"copy": copy, "concurrent": concurrent, "after_concurrent": after_concurrent,
            "forced": forced, "page": page}


def test_two_concurrent_builds_end_as_one_forced_build(edited):
    assert any("Another build is running" in out for out, _ in edited["concurrent"])
    assert "0 file(s) published" in edited["forced"].stdout
    assert outputs(edited["copy"]) == edited["after_concurrent"]


def test_html_in_the_data_is_shown_as_text_never_run(edited):
    page = edited["page"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page
    assert "<script" not in page.lower()
    assert "<img src=x" not in page
    assert re.search(r"<[a-z]+[^>]*\sonerror\s*=", page) is None


def test_markdown_in_a_description_or_a_name_never_becomes_a_link_or_an_image(edited):
    page = edited["page"]
    assert not re.search(r'href="\s*javascript', page, re.I)
    assert 'src="https://example.org' not in page
    prose = re.sub(r"<[^>]+>", "", page.split('id="03_belarus_russia_ip-title"', 1)[1])
    # Shown as text: the name in the pace paragraph, the title in the paragraph on IP law.
    assert prose.count(MARKDOWN_LINK) >= 2
    assert f"Law {MARKDOWN_LINK} {MARKDOWN_IMAGE}" in prose
    for notebook in (edited["copy"] / "notebooks").glob("*.ipynb"):
        text = notebook.read_text(encoding="utf-8")
        assert "](javascript:" not in text.replace(MARKDOWN_LINK, ""), notebook


def test_a_moved_fact_moves_in_the_prose_the_chart_and_the_report(edited):
    page, copy = edited["page"], edited["copy"]
    assert "after the 1995 agreement on industrial property" in page
    assert "after the 1994 agreement" not in page
    assert "Belarus–Russia IP instruments, 1995–2025" in page  # the chart's title, captioned
    assert "Timeline from 1995 to 2025" in page  # its alt text
    chart_data = (copy / "figures" / "03-belarus-russia-timeline.csv").read_text()
    assert "1995-07-20" in chart_data and "1994-07-20" not in chart_data
