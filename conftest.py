"""The test session: nbval's kernels use the build's raster cache, and failures of strict
nbval say which cell (as JupyterLab shows it) and what to do."""

from __future__ import annotations

import os

import pytest

from belarus_ip_report.chapters import rastercache
from belarus_ip_report.foundation import paths
from belarus_ip_report.publishing.execute import first_line

# The kernels nbval starts inherit this: a chart whose drawing is unchanged takes its PNGs from
# the cache the build keeps (keyed on the drawing, see `rastercache`) instead of rasterising it
# again. Builds in test copies use their own copy's cache, which starts empty.
os.environ.setdefault(rastercache.CACHE_VARIABLE, str(paths.RASTER_CACHE))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    cell = getattr(item, "cell", None)
    if report.when != "call" or not report.failed or cell is None:
        return
    shown = cell.get("execution_count")
    where = f"[{shown}]" if shown else "without a number (never executed)"
    report.sections.append((
        "What to do",
        f"This is the cell JupyterLab shows as {where}: {first_line(cell.source)!r} "
        f"(nbval counts it as 'Cell {item.cell_num}').\n"
        "Its stored outputs no longer match a fresh run. If you changed code, data or a "
        "package version on purpose, the stored outputs are stale: run `python3 tasks.py "
        "build`, which executes the notebooks and stores their new outputs, then commit them. "
        "If you changed nothing, the difference is the bug to look into.",
    ))


#: The slowest test modules (real builds, a browser) first: pytest-xdist hands whole modules
#: to its workers in this order, so the long ones start early and the short ones fill in.
SLOW_FIRST = ("test_build.py", "test_published_whole.py", "test_faults.py",
              "test_build_guards.py", "test_report.py", "test_build_errors.py",
              "02_wto_accession.ipynb", "01_wipo_treaties.ipynb")


def pytest_collection_modifyitems(items):
    def weight(item) -> int:
        name = item.path.name
        return SLOW_FIRST.index(name) if name in SLOW_FIRST else len(SLOW_FIRST)

    items.sort(key=weight)  # stable: each module's (and notebook's) own order is kept
