"""Every folder of the project, found from this file, never from the working directory.

The notebooks run from JupyterLab, from nbval and from the build with different working
directories; deriving the root from the package keeps them all pointing at the same files.
"""

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_ROOT = PACKAGE_DIR.parent.parent
#: The build runs notebooks against a staging copy of the outputs and publishes them only when
#: the whole run succeeded; it points the kernels there with this variable. Inputs (the raw
#: tables, the package) are always read from the project itself.
OUTPUT_ROOT_VARIABLE = "BELARUS_IP_REPORT_OUTPUT_ROOT"
OUTPUT_ROOT = Path(os.environ.get(OUTPUT_ROOT_VARIABLE) or PROJECT_ROOT)
#: The build tells each kernel which notebook it runs (its stem) and the tables its chapter
#: declares (comma-separated; empty for a notebook no chapter declares): `tables.load_table`
#: then loads only those.
CHAPTER_VARIABLE = "BELARUS_IP_REPORT_CHAPTER"
CHAPTER_TABLES_VARIABLE = "BELARUS_IP_REPORT_CHAPTER_TABLES"
#: What the build tells a kernel for the cleaning notebook, which reads every raw table.
EVERY_TABLE = "*"

NOTEBOOKS = PROJECT_ROOT / "notebooks"
DATA = PROJECT_ROOT / "data"
RAW = DATA / "raw"
PROCESSED = OUTPUT_ROOT / "data" / "processed"
FIGURES = OUTPUT_ROOT / "figures"
REPORT = OUTPUT_ROOT / "report"
BUILD_CACHE = PROJECT_ROOT / ".cache"
#: Chart rasters the build keeps by their drawing (see `rastercache`).
RASTER_CACHE = BUILD_CACHE / "rasters"
PUBLISHING_PACKAGE = PACKAGE_DIR / "publishing"
TEMPLATES = PUBLISHING_PACKAGE / "templates"
CHART_STYLE = PACKAGE_DIR / "chapters" / "belarus_ip.mplstyle"


def relative(path: Path) -> str:
    """A path as readers see it in messages: relative to the project, never machine-specific."""
    for root in (OUTPUT_ROOT, PROJECT_ROOT):
        try:
            return Path(path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
    return Path(path).name


@contextlib.contextmanager
def outputs_in(root: Path) -> Iterator[None]:
    """Point the output folders at `root` for the duration (the build's staging copy)."""
    global PROCESSED, FIGURES, REPORT, OUTPUT_ROOT
    saved = PROCESSED, FIGURES, REPORT, OUTPUT_ROOT
    OUTPUT_ROOT = root
    PROCESSED, FIGURES, REPORT = root / "data" / "processed", root / "figures", root / "report"
    try:
        yield
    finally:
        PROCESSED, FIGURES, REPORT, OUTPUT_ROOT = saved
