"""The bench: time set-up and build, in one run, on temporary copies and clones of the project.

    python3 tasks.py bench [--runs 3] [--only build|setup|scale ...] [--skip-tests]
                           [--skip-pip] [--scales 10,100]

Three parts, all by default (`--only` picks some):

- build: our build against the plain way, on a copy: each run times the plain build, a forced
  build of the English edition alone (`REPORT_EDITIONS=en`), a forced build of both
  editions, a no-op and a one-chapter change; then the test command runs once (about two and a
  half minutes with three runs on a 2-core machine). The plain way is `jupyter nbconvert
  --execute --to html` on each notebook in turn (01 first, then the others in name order),
  with no cache.
- setup: clone → report, `git clone` then `python3 tasks.py build` with uv's cache cold and
  warm, against pip and the old tasks.py (`bench_setup.py`; about seven minutes with three
  runs, two without the pip ones, `--skip-pip`).
- scale: the raw tables made 10 and 100 times larger (`bench_scale.py`, `scale_data.py`).

Each scenario is run `--runs` times and the median reported; ratios compare medians from the
same run, since the machine is shared and noisy. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench_scale
import bench_setup

from belarus_ip_report.foundation import paths

sys.path.insert(0, str(paths.PROJECT_ROOT / "tests"))
from projects import copy_project  # noqa: E402 - the tests' copy of the project, shared

ROOT = paths.PROJECT_ROOT
PARTS = ("build", "setup", "scale")
TOUCHED_NOTEBOOK = "notebooks/02_wto_accession.ipynb"


def environment(copy: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "REPORT_EDITIONS")}
    env["PYTHONPATH"] = str(copy / "src")
    return {**env, **extra}


def timed(command: list[str], copy: Path, **extra: str) -> float:
    started = time.monotonic()
    result = subprocess.run(command, cwd=copy, env=environment(copy, **extra),
                            capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[1:])} failed ({result.returncode}):\n"
                         f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return elapsed


def ours(copy: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "belarus_ip_report.publishing", *args]


def plain_full_build(copy: Path) -> float:
    notebooks = sorted((copy / "notebooks").glob("[0-9][0-9]_*.ipynb"),
                       key=lambda nb: (nb.stem != "04_clean_tables", nb.stem))  # the cleaning first
    output = copy / ".cache" / "plain"
    started = time.monotonic()
    for notebook in notebooks:
        subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--execute", "--to", "html",
                        "--output-dir", str(output), str(notebook)], cwd=copy,
                       env=environment(copy), check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def touch_one_chapter(copy: Path, run: int) -> None:
    """Change a code cell of one chapter, as an author editing it would."""
    path = copy / TOUCHED_NOTEBOOK
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    cell["source"] = source + f"\n# benchmark edit {run}"
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", action="append", choices=PARTS,
                        help="run this part only (repeat for more); default: all")
    parser.add_argument("--skip-tests", action="store_true",
                        help="do not time the test command")
    parser.add_argument("--skip-pip", action="store_true",
                        help="setup: time uv only, not pip and the old tasks.py")
    parser.add_argument("--scales", default="10,100",
                        help="scale: the factors, comma-separated (default 10,100)")
    parser.add_argument("--scale-timeout", type=float, default=900,
                        help="scale: stop a build that takes longer (seconds)")
    args = parser.parse_args()
    parts = args.only or PARTS
    if "build" in parts:
        bench_build(args.runs, args.skip_tests)
    if "setup" in parts:
        bench_setup.main(args.runs, with_pip=not args.skip_pip)
    if "scale" in parts:
        bench_scale.main(args.runs, [int(f) for f in args.scales.split(",") if f],
                         args.scale_timeout)
    return 0


def bench_build(runs: int, skip_tests: bool) -> None:
    times: dict[str, list[float]] = {"plain full": [], "ours full, English": [],
                                     "ours full": [], "ours no-op": [],
                                     "ours one chapter": []}
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        copy = Path(folder)
        copy_project(copy)
        for run in range(runs):
            times["plain full"].append(plain_full_build(copy))
            # The English edition alone (REPORT_EDITIONS=en): what the Russian one adds.
            times["ours full, English"].append(timed(ours(copy, "--force"), copy,
                                                     REPORT_EDITIONS="en"))
            times["ours full"].append(timed(ours(copy, "--force"), copy))
            times["ours no-op"].append(timed(ours(copy), copy))
            touch_one_chapter(copy, run)
            times["ours one chapter"].append(timed(ours(copy), copy))
            print(f"run {run + 1}/{runs}: " + ", ".join(
                f"{name} {values[-1]:.1f} s" for name, values in times.items()), flush=True)
    medians = {name: statistics.median(values) for name, values in times.items()}
    plain = medians["plain full"]
    print(f"\nMedians of {runs} runs on {os.cpu_count()} cores:")
    for name, value in medians.items():
        ratio = "" if name == "plain full" else f"  ({value / plain:.2f} x plain full build)"
        print(f"  {name:<18} {value:6.2f} s{ratio}")
    targets = [
        ("ours full", medians["ours full"] / plain, 0.35, "x plain"),
        ("both editions", medians["ours full"] / medians["ours full, English"], 1.5,
         "x English"),
        ("ours one chapter", medians["ours one chapter"] / plain, 0.20, "x plain"),
        ("ours no-op", medians["ours no-op"], 0.30, "s"),
    ]
    print("Targets:")
    for name, value, limit, unit in targets:
        verdict = "met" if value <= limit else "NOT met"
        print(f"  {name:<18} {value:6.2f} {unit} (target <= {limit:.2f} {unit}): {verdict}")
    if not skip_tests:
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                                cwd=ROOT, capture_output=True, text=True)
        summary = result.stdout.strip().splitlines()[-1] if result.stdout else ""
        print(f"  test command       {time.monotonic() - started:6.2f} s  ({summary})")


if __name__ == "__main__":
    sys.exit(main())
