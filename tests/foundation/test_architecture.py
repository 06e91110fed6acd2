"""The tree's rules, as behaviour: the layers' import contracts hold (import-linter), notebooks
never import the publishing layer, no module is too long to read, and the package installs
only what the report needs (no test tool among its dependencies)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from belarus_ip_report.foundation import paths

TEST_TOOLS = {"pytest", "pytest-xdist", "nbval", "hypothesis", "ruff", "pypdf", "pip-tools",
              "import-linter", "frictionless", "pyyaml"}


def test_the_import_contracts_are_kept():
    result = subprocess.run([sys.executable, "-c",
                             "from importlinter.cli import lint_imports_command; "
                             "lint_imports_command()"],
                            cwd=paths.PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def test_notebooks_never_import_the_publishing_layer():
    for notebook in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        assert "belarus_ip_report.publishing" not in code, notebook.name


def test_no_module_is_over_300_lines_and_few_lie_at_the_package_root():
    package = paths.PACKAGE_DIR
    long = {p.relative_to(package).as_posix(): n for p in package.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}
    assert len(list(package.glob("*.py"))) <= 5


def test_the_package_depends_on_no_test_tool():
    runtime = (paths.PROJECT_ROOT / "requirements.txt").read_text(encoding="utf-8")
    names = {re.split(r"[=<>]", line)[0].strip().lower() for line in runtime.splitlines()
             if line.strip() and not line.startswith(("#", "-"))}
    assert names and not names & TEST_TOOLS, names & TEST_TOOLS
