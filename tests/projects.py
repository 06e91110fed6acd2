"""Copies of the project that the build tests run the real build in (tracked files untouched).

A *full* copy has every notebook; a *small* copy keeps the cleaning notebook and chapter 3
(04, the quickest chapter): enough for the build's machinery (cache, staging, locking,
interrupts, escaping, facts that move) at a fraction of a full build's time.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

from belarus_ip_report.foundation import paths
from belarus_ip_report.publishing.pipeline import OUTPUT_FOLDERS

SMALL_NOTEBOOKS = ("04_clean_tables.ipynb", "03_belarus_russia_ip.ipynb")


def copy_project(target: Path) -> Path:
    """Copy the project's own files (what git tracks, and new files it does not ignore) into
    `target`: a sandbox for tests and benchmarks that must not touch the working tree."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=paths.PROJECT_ROOT, capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    for name in listed:
        source = paths.PROJECT_ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def build_command(copy: Path, *args: str) -> tuple[list[str], dict[str, str]]:
    env = {key: value for key, value in os.environ.items() if key != "MPLBACKEND"}
    env["PYTHONPATH"] = str(copy / "src")
    return [sys.executable, "-m", "belarus_ip_report.publishing", *args], env


def run_build(copy: Path, *args: str) -> subprocess.CompletedProcess:
    command, env = build_command(copy, *args)
    return subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True,
                          timeout=900)


def outputs(root: Path) -> dict[str, bytes]:
    """Every file the build publishes (the PDF, made on request, is not one)."""
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for folder in OUTPUT_FOLDERS for path in sorted((root / folder).rglob("*"))
            if path.is_file() and ".ipynb_checkpoints" not in path.parts
            and path.suffix != ".pdf"}


def project_copy(target: Path) -> Path:
    """A copy of the tracked files, with the raster cache of the project's own builds (charts
    whose drawing is unchanged are not rasterised again; `test_rastercache.py` shows that a
    cached raster is the one a fresh drawing gives)."""
    copy = copy_project(target)
    if paths.RASTER_CACHE.is_dir():
        kept = paths.RASTER_CACHE.relative_to(paths.PROJECT_ROOT)
        shutil.copytree(paths.RASTER_CACHE, copy / kept)
    return copy


def small_copy(target: Path) -> Path:
    """A copy with the cleaning notebook and chapter 3 only, and their outputs; its chapters
    declare only those two (the build refuses a declared notebook that is missing)."""
    copy = project_copy(target)
    for notebook in (copy / "notebooks").glob("*.ipynb"):
        if notebook.name not in SMALL_NOTEBOOKS:
            notebook.unlink()
    declarations = copy / "src" / "belarus_ip_report" / "chapters" / "__init__.py"
    with declarations.open("a", encoding="utf-8") as stream:
        stream.write(f"\n\n# A small copy of the project (tests/projects.py): its chapters only.\n"
                     f"CHAPTERS = tuple(c for c in CHAPTERS if f'{{c.stem}}.ipynb' in "
                     f"{SMALL_NOTEBOOKS!r})\n")
    shutil.rmtree(copy / "report")
    for figure in [*(copy / "figures").glob("*.*"), *(copy / "figures" / "ru").glob("*.*")]:
        if not figure.name.startswith("03-"):
            figure.unlink()
    return copy


def copy_built(built: Path, target: Path) -> Path:
    """A fresh copy of a built project, its build cache included."""
    shutil.copytree(built, target, symlinks=True)
    return target


def replace_field(folder: Path, name: str, old: str, new: str) -> int:
    """Replace a whole CSV field wherever it stands in one raw table; how many were."""
    path = folder / name
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    count = sum(cell == old for row in rows for cell in row)
    rows = [[new if cell == old else cell for cell in row] for row in rows]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return count


def small_built(tmp_path_factory, worker_id: str, testrun_uid: str) -> Path:
    """One small copy built (forced) per test run, shared by the test workers (the first to
    need it builds it, the others wait for it); tests copy it before changing anything."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if worker_id != "master" else base  # pytest-xdist's run folder
    built = shared / f"small-built-{testrun_uid}"
    with open(f"{built}.lock", "w") as lock, _locked(lock):
        if not (built / ".built").exists():
            shutil.rmtree(built, ignore_errors=True)
            built.mkdir()
            copy = small_copy(built.resolve())
            result = run_build(copy, "--force")
            assert result.returncode == 0, result.stderr[-3000:]
            (built / ".built").write_text("")
    return built.resolve()


@contextlib.contextmanager
def _locked(handle):
    fcntl.flock(handle, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
