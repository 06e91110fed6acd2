"""Every folder of the project, found from this file, never from the working directory.

The notebooks run from JupyterLab, from nbval and from the build with different working
directories; deriving the root from the package keeps them all pointing at the same files.
"""

import shutil
import subprocess
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent.parent

NOTEBOOKS = PROJECT_ROOT / "notebooks"
DATA = PROJECT_ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
FIGURES = PROJECT_ROOT / "figures"
REPORT = PROJECT_ROOT / "report"
BUILD_CACHE = PROJECT_ROOT / ".cache"
TEMPLATES = PACKAGE_DIR / "templates"
CHART_STYLE = PACKAGE_DIR / "belarus_ip.mplstyle"


def relative(path: Path) -> str:
    """A path as readers see it in messages: relative to the project, never machine-specific."""
    try:
        return Path(path).resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return Path(path).name


def copy_project(target: Path) -> Path:
    """Copy the project's own files (what git tracks, and new files it does not ignore) into
    `target`: a sandbox for tests and benchmarks that must not touch the working tree."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    for name in listed:
        source = PROJECT_ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target
