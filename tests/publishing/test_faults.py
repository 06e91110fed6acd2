"""The build keeps its word under faults: missing or edited outputs are rebuilt, an unreadable
cache means rebuilding everything, and an interrupt ends every process of the build and
publishes nothing.

The builds run on a small copy of the project (the cleaning notebook and chapter 3), built
once, then copied for each test: deleted figures and a hand-edited processed table are
restored by a real build, and an interrupt is sent to a real one. How the cache sees an edited
output or an unreadable file is tested on the cache itself. A failing chapter, concurrent
builds and data text that looks like markup are in `test_published_whole.py`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import psutil
import pytest
from projects import build_command, outputs, run_build

from belarus_ip_report.publishing import cache


def test_a_second_build_is_up_to_date(small):
    result = run_build(small)
    assert result.stdout.startswith("Up to date"), result.stdout + result.stderr


def test_deleted_figures_are_restored(small):
    before = outputs(small)
    shutil.rmtree(small / "figures")
    result = run_build(small)
    assert result.returncode == 0, result.stderr
    assert "executed 1 notebook(s)" in result.stdout
    assert outputs(small) == before


def test_a_hand_edited_processed_table_is_regenerated(small):
    before = outputs(small)
    table = small / "data" / "processed" / "wto_members.csv"
    table.write_text(table.read_text(encoding="utf-8").replace("Albania", "ALBANIA"),
                     encoding="utf-8")
    result = run_build(small)
    assert result.returncode == 0, result.stderr
    assert outputs(small) == before


@pytest.mark.parametrize("stored", [
    '{"version": 2, "entries": [1, 2]}',  # wrong shape
    '{"version": 2, "entries": {"04_clean_tables": {"key": 1}}}',
    "{not json", "\udcff", ""])
def test_an_unreadable_cache_means_rebuild_everything_without_a_traceback(
        stored, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CACHE_FILE", tmp_path / "build.json")
    (tmp_path / "build.json").write_text(stored, encoding="utf-8", errors="surrogateescape")
    loaded = cache.BuildCache.load()
    assert loaded.entries == {}  # nothing is fresh: every notebook runs, the report is exported
    assert loaded.note.endswith("rebuilding everything")


def test_an_output_edited_or_removed_by_hand_makes_its_notebook_run_again(tmp_path):
    """A notebook executed by hand in JupyterLab (new execution metadata), a figure deleted:
    the recorded hash of an output no longer matches, so the notebook is not fresh."""
    notebook = tmp_path / "notebooks" / "03_belarus_russia_ip.ipynb"
    figure = tmp_path / "figures" / "03-belarus-russia-timeline.svg"
    for path, text in ((notebook, '{"cells": []}'), (figure, "<svg/>")):
        path.parent.mkdir(parents=True)
        path.write_text(text)
    built = cache.BuildCache()
    built.record(notebook.stem, "key", cache.hashes([notebook, figure], tmp_path))
    assert built.fresh(notebook.stem, "key", tmp_path)
    assert not built.fresh(notebook.stem, "another key", tmp_path)
    notebook.write_text('{"cells": [], "metadata": {"execution": "by hand"}}')
    assert not built.fresh(notebook.stem, "key", tmp_path)
    notebook.write_text('{"cells": []}')
    figure.unlink()
    assert not built.fresh(notebook.stem, "key", tmp_path)


def processes_of(copy: Path, group: int) -> list[psutil.Process]:
    """Processes in the build's process group, or working anywhere in the copy (kernels start
    sessions of their own, so the group alone would miss them)."""
    found = []
    for process in psutil.process_iter(["pid"]):
        try:
            if os.getpgid(process.pid) == group or str(process.cwd()).startswith(str(copy)):
                found.append(process)
        except (psutil.Error, ProcessLookupError, PermissionError):
            continue
    return found


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupt_ends_every_process_and_publishes_nothing(small, number):
    before = outputs(small)
    command, env = build_command(small, "--force")
    build = subprocess.Popen(command, cwd=small, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(
            "ipykernel" in " ".join(p.cmdline()) for p in psutil.Process(build.pid).children(
                recursive=True) if p.is_running()):
        time.sleep(0.2)
    os.kill(build.pid, number)  # the build alone, as a CI cancel or `timeout` signals it
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 128 + number
    assert "Traceback" not in stderr, stderr
    assert stderr.strip().splitlines()[-1].startswith(
        f"Build interrupted ({signal.Signals(number).name}): every worker and kernel ended")
    time.sleep(1)
    assert processes_of(small, build.pid) == []
    assert outputs(small) == before
    assert not (small / ".cache" / "stage").exists()


def test_each_chapter_is_keyed_only_on_the_tables_it_reads(tmp_path):
    processed = tmp_path / "data" / "processed"
    processed.mkdir(parents=True)
    for name in ("wipo_treaties", "wto_members", "belarus_russia_ip", "key_figures"):
        (processed / f"{name}.csv").write_text("a\n1\n")
    keys = {stem: cache.digest_files(cache.reads(stem, tmp_path), tmp_path)
            for stem in ("01_wipo_treaties", "02_wto_accession", "03_belarus_russia_ip")}
    (processed / "wto_members.csv").write_text("a\n2\n")
    changed = [stem for stem, key in keys.items()
               if cache.digest_files(cache.reads(stem, tmp_path), tmp_path) != key]
    assert changed == ["02_wto_accession"]
