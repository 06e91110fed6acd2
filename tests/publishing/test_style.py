"""ruff, pinned in requirements.txt, over the code and the notebooks: part of the test command."""

import subprocess
import sys

from belarus_ip_report.foundation import paths


def test_ruff_finds_nothing_in_code_and_notebooks():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "notebooks", "benchmarks",
         "tasks.py", "conftest.py"],
        cwd=paths.PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
