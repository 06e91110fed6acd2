"""Fixtures of the publishing tests that run real builds: a small copy of the project (the
cleaning notebook and chapter 3), built once per module, and a fresh copy of it per test."""

from __future__ import annotations

from pathlib import Path

import projects
import pytest


@pytest.fixture(scope="module")
def small_built(tmp_path_factory: pytest.TempPathFactory, worker_id: str,
                testrun_uid: str) -> Path:
    return projects.small_built(tmp_path_factory, worker_id, testrun_uid)


@pytest.fixture
def small(small_built: Path, tmp_path: Path) -> Path:
    return projects.copy_built(small_built, tmp_path.resolve() / "project")
