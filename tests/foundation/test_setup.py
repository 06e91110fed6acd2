"""`python3 tasks.py build` on copies of a set-up project, made as users make them: `cp -a` of
the folder with its .venv, `mv` of it, and copies of a .venv made by an older tasks.py.

A .venv must not depend on the folder's path: a copy imports its own package (not the
original's), its build writes into the copy and leaves the original untouched, and a moved
folder builds. These run the real set-up (uv, with the project's uv and uv's warm cache) and
real builds of a small copy (`projects.small_built`), so they take about twenty seconds.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import projects
import pytest
from projects import copy_built

from belarus_ip_report.chapters import rastercache
from belarus_ip_report.foundation import paths

PACKAGE_ROOT = ("import belarus_ip_report.foundation.paths as p, importlib.metadata as m;"
                "print(p.PROJECT_ROOT); print(m.version('belarus-ip-report'))")
SITE_PACKAGES = Path(".venv/lib/python3.11/site-packages")
#: An output of the cleaning notebook that the small copy's build writes.
OUTPUT = Path("data/processed/key_figures.csv")


def environment() -> dict[str, str]:
    """The environment of someone typing `python3 tasks.py build`: no PYTHONPATH, no venv,
    no variables of the test session, and the project's uv (if it has one) on PATH, so that
    the copies do not fetch uv again."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV", "MPLBACKEND", rastercache.CACHE_VARIABLE,
                          paths.OUTPUT_ROOT_VARIABLE)}
    tools = sorted((paths.BUILD_CACHE / "tools").glob("uv-*/bin"))
    if tools:
        env["PATH"] = os.pathsep.join([str(tools[-1]), env.get("PATH", "")])
    return env


def tasks(folder: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    python3 = getattr(sys, "_base_executable", sys.executable)  # not the test session's venv
    env = environment()
    if folder.is_relative_to("/dev/shm"):
        # uv cannot hard-link from its cache on disk into memory: it copies, and says so
        # unless told to copy.
        env.setdefault("UV_LINK_MODE", "copy")
    return subprocess.run([python3, "tasks.py", *args], cwd=folder, env={**env, **extra},
                          capture_output=True, text=True, timeout=900)


def built(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def imported_from(folder: Path) -> tuple[Path, str]:
    """Where the folder's own .venv/bin/python imports the package from, and its version."""
    found = subprocess.run([str(folder / ".venv" / "bin" / "python"), "-c", PACKAGE_ROOT],
                           env=environment(), capture_output=True, text=True)
    assert found.returncode == 0, found.stderr
    root, version = found.stdout.split()
    return Path(root), version


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file: a write anywhere shows."""
    return {path.relative_to(root).as_posix(): (path.lstat().st_size, path.lstat().st_mtime_ns)
            for path in root.rglob("*") if not path.is_dir() or path.is_symlink()}


def copy_tree(source: Path, target: Path) -> Path:
    subprocess.run(["cp", "-a", str(source), str(target)], check=True)
    return target


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Iterator[Path]:
    """Where the copies are made: in memory (/dev/shm) when it has room, since each copy
    carries a .venv of about 600 MB and a shared disk makes writing and removing them slow
    (`cp -a` of .venv took 0.9 to 6.5 s here and `rm -r` of three 22 s, against 1 s and 0.6 s
    in memory); else pytest's temporary folder. Nothing is kept after the module."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 4 << 30:
        folder = Path(tempfile.mkdtemp(prefix="test-setup-", dir=shm))
    else:
        folder = tmp_path_factory.mktemp("setup")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def place(work, request) -> Iterator[Path]:
    """A folder of this test's own for its copies, removed after it."""
    folder = work / request.node.name
    folder.mkdir()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def original(work, tmp_path_factory, worker_id, testrun_uid) -> Path:
    """A small copy of the project, built (the one built copy the build tests share), then set
    up by `python3 tasks.py build`, which finds the outputs up to date."""
    folder = copy_built(projects.small_built(tmp_path_factory, worker_id, testrun_uid),
                        work / "original")
    assert not (folder / ".venv").exists()
    output = built(tasks(folder, "build"))
    assert "Setup done" in output
    assert (folder / OUTPUT).is_file()
    return folder


def test_the_venv_names_no_folder(original):
    folder = str(original).encode()
    relocatable = "relocatable = true" in (original / ".venv" / "pyvenv.cfg").read_text()
    naming = []
    for path in (original / ".venv").rglob("*"):
        if path.is_symlink() or not path.is_file() or "__pycache__" in path.parts:
            continue  # Python corrects the source path a .pyc carries when it loads it
        if not relocatable and path.parent.name == "bin":
            continue  # pip writes absolute #! lines; tools run as .venv/bin/python -m NAME
        if folder in path.read_bytes():
            naming.append(path.relative_to(original).as_posix())
    assert naming == []
    pth = (original / SITE_PACKAGES / "belarus_ip_report.pth").read_text().strip()
    assert pth == "../../../../src"
    kernel = (original / ".venv/share/jupyter/kernels/python3/kernel.json").read_text()
    assert '"python",' in kernel  # the kernel runs whichever .venv/bin/python starts it


def test_a_copied_folder_imports_and_builds_into_itself_and_so_once_moved(original, place):
    before = snapshot(original)
    copy = copy_tree(original, place / "project-try")
    root, version = imported_from(copy)
    assert root == copy
    assert version == importlib.metadata.version("belarus-ip-report")
    (copy / OUTPUT).unlink()
    output = built(tasks(copy, "build"))
    assert "Setup" not in output  # the copied .venv serves the copy as it is
    assert "executing 04_clean_tables" in output
    assert (copy / OUTPUT).read_bytes() == (original / OUTPUT).read_bytes()
    assert snapshot(original) == before

    (place / "moved").mkdir()
    moved = copy.rename(place / "moved" / "elsewhere")
    output = built(tasks(moved, "build"))
    assert "Setup" not in output
    assert "Up to date" in output
    assert imported_from(moved)[0] == moved
    assert snapshot(original) == before


def test_a_copied_venv_of_an_editable_install_is_set_up_again(original, place):
    """What an older tasks.py left (`pip install -e .`), copied: the copy imported the
    original's package. The build says so and sets .venv up again for the copy."""
    before = snapshot(original)
    copy = copy_tree(original, place / "project-old")
    site = copy / SITE_PACKAGES
    (site / "belarus_ip_report.pth").unlink()
    (site / "__editable__.belarus_ip_report-1.1.0.pth").write_text(f"{original / 'src'}\n")
    assert imported_from(copy)[0] == original  # the trap
    output = built(tasks(copy, "build"))
    assert f"imports the package from {original / 'src'}, not from this folder's src/" in output
    assert "Setup done" in output
    assert not list(site.glob("__editable__*"))
    assert imported_from(copy)[0] == copy
    assert snapshot(original) == before


def copy_without_venv(original: Path, target: Path) -> Path:
    """The built tree (its build cache too) without .venv: for cases that make .venv anew."""
    shutil.copytree(original, target, symlinks=True, ignore=shutil.ignore_patterns(".venv"))
    return target


def test_a_venv_whose_python_is_gone_is_made_again(original, place):
    """A folder moved to a machine (or a Python) where the venv's interpreter is not."""
    moved = copy_without_venv(original, place / "project-moved")
    (moved / ".venv" / "bin").mkdir(parents=True)
    (moved / ".venv" / "bin" / "python").symlink_to("/nonexistent/bin/python3.11")
    (moved / ".venv" / "pyvenv.cfg").write_text("home = /nonexistent/bin\n")
    output = built(tasks(moved, "build"))
    assert "has no working Python" in output
    assert "Setup done" in output
    assert imported_from(moved)[0] == moved


def test_a_set_up_that_fails_says_what_to_do(original, place):
    """Here the project's own requirements (requirements.txt, which its dist-info declares)
    ask for a pandas the lock does not install: the check after the install refuses it."""
    copy = copy_without_venv(original, place / "project-mismatch")
    requirements = copy / "requirements.txt"
    requirements.write_text(re.sub(r"(?m)^pandas==.*$", "pandas==2.0.0",
                                   requirements.read_text()))
    result = tasks(copy, "build")
    assert result.returncode != 0
    assert "Setup 4/4: checking that the installed packages fit together" in result.stdout
    assert "pandas" in result.stderr
    assert "What to do:" in result.stderr
    assert "python3 tasks.py lock" in result.stderr
