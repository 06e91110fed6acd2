"""The whole build, end to end, in a full copy of the project: one forced build must reproduce
every committed output byte for byte,
a second build must be a fast no-op, and the README's worked example of adding a fact must
reach the tables and the report, re-running exactly the notebooks that read what it changes.

The build's behaviour under faults, with data text that looks like markup, and with facts that
move is tested on a small copy (`test_faults.py`, `test_published_whole.py`).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from projects import outputs, project_copy, run_build

from belarus_ip_report.foundation import paths

NO_OP_SECONDS = 2.0


@pytest.fixture(scope="module")
def built_copy(tmp_path_factory) -> Path:
    copy = project_copy(tmp_path_factory.mktemp("project"))
    assert not (copy / ".cache" / "build.json").exists(), "the copy starts with no build cache"
    result = run_build(copy, "--force")
    assert result.returncode == 0, result.stderr[-3000:]
    return copy


def test_the_copy_imports_its_own_package(built_copy):
    env = dict(os.environ, PYTHONPATH=str(built_copy / "src"))
    found = subprocess.run([sys.executable, "-c", "import belarus_ip_report.foundation.paths as p;"
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


def test_the_readme_worked_example_reaches_the_tables_and_the_report(built_copy):
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
    # Chapters 1 and 3 read only the sources their tables cite: the new one is not among them.
    assert sorted(executed) == ["00_overview", "02_wto_accession", "04_clean_tables"]
    processed = (built_copy / "data" / "processed" / "wto_accession_milestones.csv").read_text()
    assert "example-meeting-2026-05" in processed
    page = (built_copy / "report" / "index.html").read_text(encoding="utf-8")
    assert "a meeting on Belarus&#x27;s accession" in page or \
        "a meeting on Belarus's accession" in page
