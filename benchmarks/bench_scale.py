"""Scale: the raw tables made 10 and 100 times larger (generated rows that pass the checks,
see `scale_data.py`), and for each size: the validation of the raw tables, a forced build, the
peak memory of the build (all its processes, kernels included) and the size of the page. Run
by `python3 tasks.py bench` (or `--only scale`); not a test.

"Grows no faster than the data" compares each cost's growth from one size to the next with
the growth of the raw tables' rows. A forced build has a large fixed part (kernels, charts of
the tables that do not grow), so its growth from 1x says little; from 10x to 100x it says more.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from scale_data import scale

from belarus_ip_report.foundation import paths

sys.path.insert(0, str(paths.PROJECT_ROOT / "tests"))
from projects import copy_project  # noqa: E402 - the tests' copy of the project, shared

VALIDATE = """
import resource, sys, time
from pathlib import Path
from belarus_ip_report.curated import tables
started = time.perf_counter()
problems = tables.raw_table_problems(Path(sys.argv[1]))
elapsed = time.perf_counter() - started
assert problems is None, problems
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def environment(copy: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["PYTHONPATH"] = str(copy / "src")
    return env


def raw_rows(raw: Path) -> int:
    return sum(max(0, len(path.read_text(encoding="utf-8").splitlines()) - 1)
               for path in raw.glob("*.csv"))


def validation(copy: Path, runs: int) -> tuple[float, float]:
    """Median seconds of `tables.raw_table_problems` in a fresh process (imports not counted),
    and the largest peak memory of that process, in MB."""
    seconds, peaks = [], []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", VALIDATE, str(copy / "data" / "raw")],
                                cwd=copy, env=environment(copy), capture_output=True,
                                text=True, check=True)
        elapsed, peak = map(float, result.stdout.split())
        seconds.append(elapsed)
        peaks.append(peak)
    return statistics.median(seconds), max(peaks)


def forced_build(copy: Path, timeout: float) -> tuple[float, float, str] | None:
    """Seconds of `build --force`, the peak of the summed memory (RSS) of the build and every
    process under it, in MB, sampled every 50 ms, and the build's slowest notebook; None if it
    took over `timeout`."""
    started = time.monotonic()
    build = subprocess.Popen([sys.executable, "-m", "belarus_ip_report.publishing", "--force"],
                             cwd=copy, env=environment(copy), stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    watched = psutil.Process(build.pid)
    peak = 0
    while build.poll() is None:
        if time.monotonic() - started > timeout:
            build.terminate()
            build.wait()
            return None
        try:
            tree = [watched, *watched.children(recursive=True)]
            total = 0
            for process in tree:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, total)
        except psutil.Error:
            pass
        time.sleep(0.05)
    elapsed = time.monotonic() - started
    output = build.stdout.read() if build.stdout else ""
    if build.returncode != 0:
        raise SystemExit(f"the build of the scaled copy failed:\n{output[-4000:]}")
    notebooks = re.findall(r"^\s+(\S+): done in ([\d.]+) s$", output, re.MULTILINE)
    name, seconds = max(notebooks, key=lambda found: float(found[1]), default=("?", "0"))
    return elapsed, peak / 2**20, f"slowest {name} {float(seconds):.1f} s"


def main(runs: int, factors: list[int], timeout: float) -> None:
    sizes = [1, *factors]
    rows: dict[int, int] = {}
    results: dict[int, dict[str, float | None]] = {}
    print(f"\nScale: raw tables 1x, {', '.join(f'{f}x' for f in factors)} (validation: median "
          f"of {runs}; one forced build each, from an empty raster cache)", flush=True)
    for factor in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-scale-{factor}x-") as folder:
            copy = copy_project(Path(folder))
            counts = scale(copy / "data" / "raw", factor)
            rows[factor] = raw_rows(copy / "data" / "raw")
            seconds, memory = validation(copy, runs)
            built = forced_build(copy, timeout)
            page = copy / "report" / "index.html"
            results[factor] = {
                "validation": seconds, "validation memory": memory,
                "build": built[0] if built else None, "build memory": built[1] if built else None,
                "page": page.stat().st_size / 2**20 if built else None,
            }
            grown = ", ".join(f"{name} {count}" for name, count in counts.items())
            shown = (f"build {built[0]:.1f} s ({built[2]}), peak {built[1]:.0f} MB, page "
                     f"{results[factor]['page']:.2f} MB" if built else
                     f"build over {timeout:.0f} s (stopped)")
            print(f"  {factor:>4}x: {rows[factor]} raw rows ({grown or 'as committed'}); "
                  f"validation {seconds:.2f} s, peak {memory:.0f} MB; {shown}", flush=True)
    print("Growth from one size to the next (the data's growth in rows, then each cost's):")
    for small, large in zip(sizes, sizes[1:], strict=False):
        data = rows[large] / rows[small]
        parts = []
        for measure in ("validation", "validation memory", "build", "build memory", "page"):
            before, after = results[small][measure], results[large][measure]
            if before and after:
                growth = after / before
                verdict = "no faster" if growth <= data * 1.1 else "FASTER"
                parts.append(f"{measure} x{growth:.1f} ({verdict})")
            else:
                parts.append(f"{measure} n/a")
        print(f"  {small}x -> {large}x: data x{data:.1f}; " + "; ".join(parts))
