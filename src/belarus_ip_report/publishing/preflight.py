"""What the build checks before any notebook runs, so that a run cannot fail half way for a
reason known at its start:

- the notebooks in notebooks/ are exactly those `chapters.CHAPTERS` declares, and each is a
  notebook (JSON, not a file with merge-conflict markers);
- every place the build writes (data/processed, figures, report, notebooks, and each file in
  them) can be written: a folder where a file goes, a symbolic link, a file where a folder
  goes, a folder or a file that cannot be written are each named, with what to do.

Each problem is one line; the build stops with all of them. Standard library only.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path

import belarus_ip_report.chapters as chapters
from belarus_ip_report.foundation import paths
from belarus_ip_report.foundation.atomic import temporary_beside
from belarus_ip_report.publishing.publish import OUTPUT_FILES, OUTPUT_FOLDERS, not_an_output

DECLARATION = "src/belarus_ip_report/chapters/__init__.py (CHAPTERS)"
CONFLICT_MARKERS = ("<<<<<<<", "=======", ">>>>>>>")


def notebook_set_problems(root: Path) -> list[str]:
    """Declared notebooks that are missing, and notebooks that are not declared."""
    present = {path.stem for path in (root / "notebooks").glob("*.ipynb")}
    declared = [chapter.stem for chapter in chapters.CHAPTERS]
    problems = [
        f"notebooks/{stem}.ipynb is missing, but {DECLARATION} declares it: restore it (git "
        f"checkout -- notebooks/{stem}.ipynb), or remove its declaration"
        for stem in declared if stem not in present]
    problems += [
        f"notebooks/{stem}.ipynb is not declared in {DECLARATION}: declare it there (its "
        "stem, the tables it reads, its label), or move it out of notebooks/"
        for stem in sorted(present - set(declared))]
    return problems


def notebook_problem(notebook: Path) -> str | None:
    """Why `notebook` is not a notebook the build can read, or None."""
    name = f"notebooks/{notebook.name}"
    try:
        text = notebook.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return f"{name} is not UTF-8 text: restore it from git, then build again"
    try:
        node = json.loads(text)
    except ValueError as error:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.startswith(CONFLICT_MARKERS):
                return (f"{name} is not valid JSON: line {number} holds the merge-conflict "
                        f"marker '{line[:7]}': resolve the conflict (keep one side of each, or "
                        f"git checkout --ours / --theirs {name}), check that it opens in "
                        "JupyterLab, then build again")
        return (f"{name} is not valid JSON (line {getattr(error, 'lineno', '?')}, column "
                f"{getattr(error, 'colno', '?')}: {getattr(error, 'msg', error)}): restore it "
                "from git or repair it in a text editor, then build again")
    cells = node.get("cells") if isinstance(node, dict) else None
    if not isinstance(cells, list) or not all(
            isinstance(c, dict) and "cell_type" in c and "source" in c for c in cells):
        return (f"{name} is JSON but not a notebook (it needs a list of cells, each with a "
                "cell_type and a source): restore it from git, then build again")
    return None


def expected_outputs(root: Path, recorded: Iterable[str]) -> set[str]:
    """Files the build is known to write (relative paths): each notebook and its code page,
    the report, the data package, a processed table per raw table, and every output the
    build cache recorded."""
    stems = [chapter.stem for chapter in chapters.CHAPTERS]
    expected = {*recorded, "report/index.html", "data/processed/datapackage.json",
                *OUTPUT_FILES}
    expected |= {f"notebooks/{stem}.ipynb" for stem in stems}
    expected |= {f"report/code/{stem}.html" for stem in stems}
    expected |= {f"data/processed/{table.name}" for table in paths.RAW.glob("*.csv")}
    return expected


def output_place_problems(root: Path, expected: Iterable[str]) -> list[str]:
    """Why the build could not write its outputs, one line per place (nothing written)."""
    problems: list[str] = []
    folders = [*OUTPUT_FOLDERS, "report/code", "data", ".cache"]
    for folder in folders:
        problems += _folder_problems(root, folder)
    for folder in OUTPUT_FOLDERS:
        base = root / folder
        if not base.is_dir() or base.is_symlink():
            continue
        for where, names, files in os.walk(base):
            names[:] = [name for name in names if not not_an_output(name)]
            for name in sorted(names + files):
                if not not_an_output(name):
                    problems += _entry_problems(root, Path(where) / name)
    for relative in sorted(expected):
        target = root / relative
        if target.is_dir() and not target.is_symlink():
            problems.append(f"{relative} is a folder, where the build writes a file: move it "
                            "away (or remove it), then build again")
    return list(dict.fromkeys(problems))


def _folder_problems(root: Path, folder: str) -> list[str]:
    path = root / folder
    if path.is_symlink():
        return [f"{folder} is a symbolic link, where the build writes a folder of its own: "
                "replace the link by a folder (mkdir), then build again"]
    if path.exists() and not path.is_dir():
        return [f"{folder} is a file, where the build writes a folder: move it away, then "
                "build again"]
    existing = path
    while not existing.exists():  # a missing folder is made inside its nearest parent
        existing = existing.parent
    try:
        temporary_beside(existing / ".write-check").unlink()
    except OSError as error:
        where = existing.relative_to(root).as_posix() if existing != root \
            else "the project folder"
        return [f"cannot write in {where} ({error.strerror or error}): make it writable "
                "(chmod u+w), then build again"]
    return []


def _entry_problems(root: Path, path: Path) -> list[str]:
    relative = path.relative_to(root).as_posix()
    try:
        mode = path.lstat().st_mode
    except OSError:
        return []
    if stat.S_ISLNK(mode):
        return [f"{relative} is a symbolic link, where the build writes files of its own: "
                "remove the link (the build writes the real file), then build again"]
    if stat.S_ISDIR(mode):
        return []
    if not stat.S_ISREG(mode):
        return [f"{relative} is not a regular file (a pipe, a socket or a device): remove it, "
                "then build again"]
    if not os.access(path, os.W_OK):
        return [f"{relative} is read-only: make it writable (chmod u+w {relative}), then "
                "build again"]
    return []
