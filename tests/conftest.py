"""Fixtures of the tests that change a copy of data/raw/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from belarus_ip_report.foundation import paths


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project root in tmp_path holding a copy of the real raw tables."""
    root = tmp_path.resolve() / "project"
    shutil.copytree(paths.RAW, root / "data" / "raw")
    monkeypatch.setattr(paths, "PROJECT_ROOT", root)
    return root


@pytest.fixture
def raw(project: Path) -> Path:
    return project / "data" / "raw"
