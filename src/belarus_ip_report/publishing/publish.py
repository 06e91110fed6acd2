"""Publishing the staged outputs all together, or not at all.

1. Every staged file that differs from the project's is written beside its target as a
   temporary file, on the disk before the next step (a full disk or a file-size limit stops
   the build here, with nothing changed).
2. Each target that exists is kept under a second name (a hard link: no copy).
3. A journal (`.cache/publish.journal`) lists the three names of every file.
4. The temporary files are renamed over their targets, one by one.
5. The journal is removed: from here the publish is complete. The kept old files go.

A failure or an interrupt in steps 1-4 puts every target back as it was (`roll_back`). A
build killed outright (SIGKILL, a power cut) leaves the journal: the next build rolls that
publish back before it does anything else (`recover`), and removes any temporary file a killed
run left (`remove_stray_temporaries`). Standard library only.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from belarus_ip_report.foundation import paths
from belarus_ip_report.foundation.atomic import (
    is_temporary,
    temporary_beside,
    write_temporary,
    write_text_atomically,
)
from belarus_ip_report.publishing.failures import BuildFailed, describe_os_error

JOURNAL = paths.BUILD_CACHE / "publish.journal"
#: What the build writes, relative to the project root; the stage holds a copy of each.
OUTPUT_FOLDERS = ("notebooks", "data/processed", "figures", "report")
OUTPUT_FILES = ("data/README.md",)
#: Where a killed run may have left temporary files (beside the outputs, the build cache and
#: the cache of chart rasters), relative to the project root; the first two recursively.
TEMPORARY_PLACES = (*OUTPUT_FOLDERS, "data", ".cache", ".cache/rasters")
#: A temporary file younger than this may belong to a write in progress (a notebook run in
#: JupyterLab writes its figures the same way): it is left alone.
STRAY_AFTER_SECONDS = 2.0

#: The files the last `publish` of this process completed (None until one does): an
#: interrupt after that point must not claim that nothing was published.
completed: list[str] | None = None


def not_an_output(name: str) -> bool:
    """Files and folders in the output folders that the build neither stages nor publishes:
    JupyterLab's checkpoints, Python's caches, the PDF (made on request), temporary files."""
    return name in (".ipynb_checkpoints", "__pycache__") or name.endswith(".pdf") \
        or is_temporary(name)


@dataclass
class Entry:
    relative: str
    temporary: Path
    backup: Path | None = None


def staged_changes(stage: Path, root: Path) -> list[str]:
    """The staged files (relative paths) whose bytes differ from the project's."""
    staged = [f for folder in OUTPUT_FOLDERS for f in sorted((stage / folder).rglob("*"))]
    staged += [stage / file for file in OUTPUT_FILES if (stage / file).is_file()]
    changed = []
    for file in staged:
        inside = file.relative_to(stage)
        if not file.is_file() or any(not_an_output(part) for part in inside.parts):
            continue
        relative = inside.as_posix()
        target = root / relative
        if not (target.is_file() and target.read_bytes() == file.read_bytes()):
            changed.append(relative)
    return changed


def publish(stage: Path, root: Path = paths.PROJECT_ROOT, journal: Path = JOURNAL
            ) -> list[str]:
    """Move every staged file that differs from the project's into place, all or none (see
    the module's docstring); return them. An error of the system is a `BuildFailed`."""
    global completed
    completed = None
    changes = staged_changes(stage, root)
    entries: list[Entry] = []
    try:
        for relative in changes:
            target = root / relative
            entries.append(Entry(relative, write_temporary(
                target, (stage / relative).read_bytes(), durable=True)))
        for entry in entries:
            entry.backup = _keep(root / entry.relative)
        if entries:
            _write_journal(journal, entries, root)
        for entry in entries:
            os.replace(entry.temporary, root / entry.relative)
        journal.unlink(missing_ok=True)
    except BaseException as error:
        abandon(entries, root, journal)
        if isinstance(error, OSError):
            raise BuildFailed(describe_os_error(error)) from None
        raise
    completed = changes
    for entry in entries:
        if entry.backup is not None:
            entry.backup.unlink(missing_ok=True)
    return changes


def _keep(target: Path) -> Path | None:
    """The old file under a second (temporary) name, or None when there is no old file."""
    if not target.is_file():
        return None
    backup = temporary_beside(target)
    backup.unlink()
    try:
        os.link(target, backup)
    except OSError:  # a file system without hard links
        shutil.copy2(target, backup)
    return backup


def _write_journal(journal: Path, entries: list[Entry], root: Path) -> None:
    def name(path: Path | None) -> str | None:
        return None if path is None else path.relative_to(root).as_posix()

    write_text_atomically(journal, json.dumps({"publishing": [
        {"target": entry.relative, "temporary": name(entry.temporary),
         "backup": name(entry.backup)} for entry in entries]}, indent=1))
    with open(journal, "rb") as stream:  # on the disk before the first rename
        os.fsync(stream.fileno())


def abandon(entries: list[Entry], root: Path, journal: Path) -> None:
    """A publish that failed or was interrupted: every target back as it was, no journal."""
    roll_back(entries, root)
    journal.unlink(missing_ok=True)


def roll_back(entries: list[Entry], root: Path) -> None:
    """Put every target back as it was before the publish; safe to repeat."""
    for entry in reversed(entries):
        target = root / entry.relative
        if entry.temporary.exists():  # not renamed yet: the target is untouched
            entry.temporary.unlink()
        elif entry.backup is not None and entry.backup.exists():
            os.replace(entry.backup, target)
        elif entry.backup is None:  # a new file: there was none before
            target.unlink(missing_ok=True)
        if entry.backup is not None:
            entry.backup.unlink(missing_ok=True)


def recover(root: Path = paths.PROJECT_ROOT, journal: Path = JOURNAL) -> str | None:
    """Roll back a publish that a killed build left half done; a note saying so, or None."""
    if not journal.exists():
        return None
    try:
        listed = json.loads(journal.read_text(encoding="utf-8"))["publishing"]
        entries = [Entry(item["target"], root / item["temporary"],
                         None if item["backup"] is None else root / item["backup"])
                   for item in listed]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BuildFailed(
            f"{paths.relative(journal)} records a publish that was cut short, but cannot be "
            f"read ({error}): check data/processed/, figures/, report/ and notebooks/ with "
            f"git status, then remove {paths.relative(journal)} and build again") from None
    roll_back(entries, root)
    journal.unlink()
    return (f"the last build was stopped while it published: its {len(entries)} file(s) were "
            "put back as they were before it")


def remove_stray_temporaries(root: Path = paths.PROJECT_ROOT) -> int:
    """Remove the temporary files killed runs left beside the outputs; how many there were."""
    removed = 0
    now = time.time()
    for place in TEMPORARY_PLACES:
        folder = root / place
        if not folder.is_dir() or folder.is_symlink():
            continue
        deep = place in OUTPUT_FOLDERS
        for file in (folder.rglob(".*.tmp") if deep else folder.glob(".*.tmp")):
            try:
                if is_temporary(file.name) and file.is_file() and not file.is_symlink() \
                        and now - file.stat().st_mtime > STRAY_AFTER_SECONDS:
                    file.unlink()
                    removed += 1
            except OSError:
                continue
    return removed
