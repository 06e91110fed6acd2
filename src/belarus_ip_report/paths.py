"""Every folder of the project, found from this file, never from the working directory.

The notebooks run from JupyterLab, from nbval and from the build with different working
directories; deriving the root from the package keeps them all pointing at the same files.
"""

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
