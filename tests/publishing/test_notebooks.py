"""What the notebooks declare, load and store agrees: the chapters list the build uses, the
notebook headers, the README's table and the tables each notebook really loads."""

from __future__ import annotations

import json

import pytest

from belarus_ip_report.chapters import CHAPTERS, CLEANING, reads_line
from belarus_ip_report.chapters.belarus_russia_ip import model as cooperation_model
from belarus_ip_report.chapters.overview import model as overview_model
from belarus_ip_report.chapters.wipo_treaties import model as wipo_model
from belarus_ip_report.chapters.wto_accession import model as wto_model
from belarus_ip_report.curated import tables
from belarus_ip_report.foundation import paths, settings
from belarus_ip_report.foundation.dates import format_for_people

README = (paths.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def cells(stem: str) -> list[dict]:
    return json.loads((paths.NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"]


def test_every_notebook_is_declared_once():
    on_disk = sorted(p.stem for p in paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert sorted(c.stem for c in CHAPTERS) == on_disk


#: Chapters whose notebook reads its tables through its model's loader.
MODELS = {"00_overview": overview_model, "01_wipo_treaties": wipo_model,
          "02_wto_accession": wto_model, "03_belarus_russia_ip": cooperation_model}


def test_every_chapter_but_the_cleaning_reads_through_its_model():
    assert sorted(MODELS) == sorted(c.stem for c in CHAPTERS if c.stem != CLEANING)


@pytest.mark.parametrize("stem", sorted(MODELS))
def test_a_chapter_model_loads_exactly_the_tables_its_chapter_declares(stem, monkeypatch):
    loaded = []
    real = tables.load_table
    monkeypatch.setattr(tables, "load_table", lambda name: loaded.append(name) or real(name))
    MODELS[stem].load()
    assert sorted(loaded) == sorted(next(c for c in CHAPTERS if c.stem == stem).reads)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_header_and_readme_say_what_the_chapter_reads(chapter):
    header = "".join(cells(chapter.stem)[0]["source"])
    assert f"**Reads** {reads_line(chapter)} ·" in header
    row = next(line for line in README.splitlines() if line.startswith(f"| `{chapter.stem}"))
    assert f"| {reads_line(chapter)} |" in row


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_notebooks_are_committed_executed(chapter):
    """A code cell without an execution count is one strict nbval never compares."""
    counts = [c.get("execution_count") for c in cells(chapter.stem) if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1)), "run python3 tasks.py build"


def test_readme_cites_the_current_version_and_date():
    assert f"version {settings.VERSION}, data as of " \
           f"{format_for_people(settings.AS_OF)}" in README.replace("\n> ", " ")
