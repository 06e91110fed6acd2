"""Shared by every test folder: the helpers in this folder (`projects`: copies of the project;
`rawcopies` and `crossworlds`: raw tables to edit) import from any folder; the one raw-data copy
fixture; the build and browser markers."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from belarus_ip_report.foundation import paths  # noqa: E402

#: Modules that run the real build in copies of the project (seconds each).
BUILD_MODULES = {"test_build.py", "test_build_errors.py", "test_faults.py",
                 "test_published_whole.py", "test_build_guards.py", "test_setup.py",
                 "test_release.py"}
#: Fixtures that start Chromium.
BROWSER_FIXTURES = {"browser", "loaded", "page"}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.name in BUILD_MODULES:
            item.add_marker(pytest.mark.build)
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project root in tmp_path holding a copy of the real raw tables, which the loader
    reads by default."""
    from belarus_ip_report.curated import tables

    root = tmp_path.resolve() / "project"
    shutil.copytree(paths.RAW, root / "data" / "raw")
    monkeypatch.setattr(paths, "PROJECT_ROOT", root)
    monkeypatch.setattr(tables.load_clean_tables, "__defaults__", (root / "data" / "raw",))
    return root


@pytest.fixture
def raw(project: Path) -> Path:
    return project / "data" / "raw"
