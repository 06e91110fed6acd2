"""Shared by every test folder: the helpers in `projects.py` (copies of the project, the one
raw-data copy and CSV editor) import as `projects` from any folder."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest  # noqa: E402

#: Modules that run the real build in copies of the project (seconds each).
BUILD_MODULES = {"test_build.py", "test_build_errors.py", "test_faults.py",
                 "test_published_whole.py"}
#: Fixtures that start Chromium.
BROWSER_FIXTURES = {"browser", "loaded", "page"}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.name in BUILD_MODULES:
            item.add_marker(pytest.mark.build)
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
