"""Failures of strict nbval that say which cell (as JupyterLab shows it) and what to do."""

from __future__ import annotations

import pytest

from belarus_ip_report.build.execute import first_line


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
