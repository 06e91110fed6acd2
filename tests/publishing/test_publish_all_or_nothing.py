"""Publishing is all or nothing (issue #26), tested on the publishing step itself, in folders
of tmp_path: a full disk while the files are written, a failure or an interrupt while they are
renamed, and a build killed half way (its journal rolled back at the next start) each leave
the previous outputs and no temporary file; stray temporary files of killed runs are removed;
and the pre-flight check names a folder, a symbolic link or a read-only place where the build
writes, before any notebook runs. The same faults in real builds are in `test_build_guards.py`.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from belarus_ip_report.foundation import atomic
from belarus_ip_report.publishing import preflight, publish
from belarus_ip_report.publishing.failures import BuildFailed

BEFORE = {"report/index.html": b"old page", "figures/04-a.png": b"old figure",
          "notebooks/04_x.ipynb": b"{}", "data/README.md": b"old readme"}
STAGED = {"report/index.html": b"new page", "figures/04-a.png": b"old figure",
          "figures/04-b.png": b"a new figure", "report/code/04_x.html": b"new code page",
          "notebooks/04_x.ipynb": b'{"cells": []}', "data/README.md": b"new readme"}


def lay_out(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path, Path]:
    root = lay_out(tmp_path / "project", BEFORE)
    stage = lay_out(tmp_path / "stage", STAGED)
    return root, stage, tmp_path / "project" / ".cache" / "publish.journal"


def test_a_publish_moves_every_changed_file_and_leaves_nothing_else(project):
    root, stage, journal = project
    changed = publish.publish(stage, root, journal)
    assert sorted(changed) == ["data/README.md", "figures/04-b.png", "notebooks/04_x.ipynb",
                               "report/code/04_x.html", "report/index.html"]
    assert tree(root) == STAGED
    assert not journal.exists()


def test_a_full_disk_while_writing_changes_nothing(project, monkeypatch):
    root, stage, journal = project
    real = publish.write_temporary
    calls = []

    def full_disk(path, data, **options):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, data, **options)

    monkeypatch.setattr(publish, "write_temporary", full_disk)
    with pytest.raises(BuildFailed) as failed:
        publish.publish(stage, root, journal)
    assert str(failed.value).startswith("could not write ")
    assert "(No space left on device): free some disk space, then build again" in \
        str(failed.value)
    assert tree(root) == BEFORE  # and no temporary file
    assert not journal.exists()


@pytest.mark.parametrize("kind", [OSError, KeyboardInterrupt])
def test_a_failure_or_an_interrupt_while_renaming_puts_every_file_back(project, monkeypatch,
                                                                       kind):
    root, stage, journal = project
    real = os.replace
    renamed = []

    def replace_then_fail(source, target):
        renamed.append(target)
        if len(renamed) == 4:  # the journal, then two files, then this one fails (once)
            raise kind(errno.EIO, "Input/output error") if kind is OSError else kind()
        return real(source, target)

    monkeypatch.setattr(publish.os, "replace", replace_then_fail)
    with pytest.raises(BuildFailed if kind is OSError else KeyboardInterrupt):
        publish.publish(stage, root, journal)
    monkeypatch.setattr(publish.os, "replace", real)
    assert tree(root) == BEFORE
    assert not journal.exists()


def test_a_publish_killed_half_way_is_rolled_back_at_the_next_start(project, monkeypatch):
    root, stage, journal = project
    real = os.replace
    renamed = []

    class Killed(BaseException):
        """Stands for SIGKILL: no clean-up runs (see below)."""

    def replace_then_die(source, target):
        if Path(target).parent.name != ".cache" and len(renamed) == 2:
            raise Killed
        renamed.append(target)
        return real(source, target)

    monkeypatch.setattr(publish.os, "replace", replace_then_die)
    monkeypatch.setattr(publish, "abandon", lambda *arguments: None)  # a kill runs nothing
    with pytest.raises(Killed):
        publish.publish(stage, root, journal)
    monkeypatch.undo()
    assert journal.exists() and tree(root) != BEFORE
    note = publish.recover(root, journal)
    assert note == ("the last build was stopped while it published: its 5 file(s) were put "
                    "back as they were before it")
    assert not journal.exists()
    assert tree(root) == BEFORE
    assert publish.recover(root, journal) is None  # once only


def test_stray_temporary_files_of_killed_runs_are_removed(tmp_path):
    root = lay_out(tmp_path, BEFORE)
    strays = [root / "figures" / ".04-a.png.abcd_123.tmp", root / "report" / "code" /
              ".04_x.html.q1w2e3r4.tmp", root / ".cache" / ".build.json.z9y8x7w6.tmp",
              root / "data" / ".README.md.aaaaaaaa.tmp"]
    kept = [root / "figures" / "notes.tmp", root / "figures" / ".hidden.tmp",
            root / "data" / "raw" / ".table.csv.abcdefgh.tmp"]
    for path in strays + kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half a file")
        os.utime(path, (time.time() - 60, time.time() - 60))
    young = root / "figures" / ".04-b.png.young123.tmp"  # a write in progress, maybe
    young.write_bytes(b"being written")
    assert publish.remove_stray_temporaries(root) == len(strays)
    assert not any(path.exists() for path in strays)
    assert all(path.exists() for path in [*kept, young])


def test_temporary_files_are_named_as_the_clean_up_recognises(tmp_path):
    target = tmp_path / "index.html"
    temporary = atomic.write_temporary(target, b"x")
    assert atomic.is_temporary(temporary.name)
    assert not atomic.is_temporary("index.html") and not atomic.is_temporary(".index.html")


# --- the pre-flight check ---------------------------------------------------------------------


def places(root: Path) -> list[str]:
    return preflight.output_place_problems(root, preflight.expected_outputs(root, []))


def test_the_places_of_a_fresh_project_pass(tmp_path):
    assert places(lay_out(tmp_path, BEFORE)) == []


def test_a_folder_where_a_file_goes_is_named(tmp_path):
    root = lay_out(tmp_path, {k: v for k, v in BEFORE.items() if k != "report/index.html"})
    (root / "report" / "index.html").mkdir(parents=True)
    assert places(root) == ["report/index.html is a folder, where the build writes a file: "
                            "move it away (or remove it), then build again"]


def test_a_symbolic_link_where_a_file_goes_is_named(tmp_path):
    root = lay_out(tmp_path, BEFORE)
    (root / "figures" / "04-a.png").unlink()
    (root / "figures" / "04-a.png").symlink_to(tmp_path / "elsewhere.png")
    assert places(root) == ["figures/04-a.png is a symbolic link, where the build writes "
                            "files of its own: remove the link (the build writes the real "
                            "file), then build again"]


def test_a_file_where_a_folder_goes_is_named(tmp_path):
    root = lay_out(tmp_path, {k: v for k, v in BEFORE.items() if not k.startswith("figures")})
    (root / "figures").write_bytes(b"")
    assert places(root) == ["figures is a file, where the build writes a folder: move it "
                            "away, then build again"]


def test_a_read_only_file_or_folder_is_named(tmp_path, monkeypatch):
    root = lay_out(tmp_path, BEFORE)
    real_access = os.access
    monkeypatch.setattr(preflight.os, "access", lambda path, mode: False if str(path).endswith(
        "index.html") else real_access(path, mode))
    real_temporary = preflight.temporary_beside

    def read_only_figures(path):
        if path.parent.name == "figures":
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_temporary(path)

    monkeypatch.setattr(preflight, "temporary_beside", read_only_figures)
    assert places(root) == [
        "cannot write in figures (Read-only file system): make it writable (chmod u+w), then "
        "build again",
        "report/index.html is read-only: make it writable (chmod u+w report/index.html), then "
        "build again"]


def test_temporary_files_checkpoints_and_the_pdf_are_neither_published_nor_checked(project,
                                                                                   monkeypatch):
    root, stage, journal = project
    extras = {"figures/.04-a.png.abcdefgh.tmp": b"half", "report/report.pdf": b"%PDF",
              "notebooks/.ipynb_checkpoints/04_x-checkpoint.ipynb": b"{}"}
    lay_out(stage, extras)
    assert not set(extras) & set(publish.publish(stage, root, journal))
    lay_out(root, extras)
    monkeypatch.setattr(preflight.os, "access", lambda path, mode: False)  # all read-only
    assert [line for line in places(root) if "pdf" in line or "checkpoint" in line
            or ".tmp" in line] == []
