"""Clone → report: `git clone` of this repository into a temporary folder, then
`python3 tasks.py build` there (set-up of .venv and a first build), timed from the clone to
the report. Run by `python3 tasks.py bench` (or `--only setup`); not a test.

Scenarios, each `--runs` times, interleaved, medians reported:
- uv, cold: empty uv and pip caches (a fresh UV_CACHE_DIR and PIP_CACHE_DIR): every wheel is
  downloaded, and the pinned uv too when none is on PATH;
- uv, warm: the caches the cold run just filled (a second clone on the same machine);
- pip: the same tasks.py with TASKS_INSTALLER=pip (venv, pip install of the lock);
- old tasks.py: the tasks.py of before uv (pip, and `pip install -e .`), from git history.

The clone has the last commit of this checkout, not uncommitted changes.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from belarus_ip_report.foundation import paths

ROOT = paths.PROJECT_ROOT
TARGET_SECONDS, LIMIT_SECONDS = 20.0, 30.0
#: The line of the old tasks.py that installed the project as an editable install: the bench
#: takes tasks.py from just before the commit that removed it.
OLD_MARK = '"-e", str(ROOT)'


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          check=True).stdout.strip()


def old_tasks_revision() -> str | None:
    """The last commit whose tasks.py made .venv the old way (None if this one still does)."""
    if OLD_MARK in (ROOT / "tasks.py").read_text():
        return None
    removed = git("log", "-1", "--format=%H", f"-S{OLD_MARK}", "--", "tasks.py")
    return f"{removed}^" if removed else None


def clean_environment(**extra: str) -> dict[str, str]:
    """What a person's shell would have: nothing of this checkout's .venv or of the bench."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("VIRTUAL_ENV", "PYTHONPATH", "MPLBACKEND", "TASKS_INSTALLER")
           and not key.startswith("BELARUS_IP_REPORT_")}
    venv_bin = str(ROOT / ".venv" / "bin")
    env["PATH"] = os.pathsep.join(part for part in env.get("PATH", "").split(os.pathsep)
                                  if part != venv_bin)
    env.update(extra)
    return env


def clone_and_build(folder: Path, env: dict[str, str], head: str,
                    old_revision: str | None = None) -> dict[str, float | str]:
    """Seconds from `git clone` to the report, and the set-up and build parts."""
    python3 = getattr(sys, "_base_executable", sys.executable)
    started = time.monotonic()
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(folder)], check=True, env=env)
    subprocess.run(["git", "checkout", "--quiet", head], cwd=folder, check=True, env=env)
    if old_revision:
        (folder / "tasks.py").write_text(git("show", f"{old_revision}:tasks.py") + "\n")
    result = subprocess.run([python3, "tasks.py", "build"], cwd=folder, env=env,
                            capture_output=True, text=True)
    total = time.monotonic() - started
    if result.returncode != 0 or not (folder / "report" / "index.html").is_file():
        raise SystemExit(f"clone and build failed ({result.returncode}):\n"
                         f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    built = re.search(r"^Built: .* in ([\d.]+) s$", result.stdout, re.MULTILINE)
    build = float(built.group(1)) if built else float("nan")
    how = ("pip, editable install" if old_revision else
           "pip" if "creating .venv with venv and pip" in result.stdout else
           "uv fetched by pip" if "fetching uv" in result.stdout else "uv from PATH")
    return {"total": total, "build": build, "setup": total - build, "how": how}


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def main(runs: int, with_pip: bool) -> dict[str, float]:
    head = git("rev-parse", "HEAD")
    if git("status", "--porcelain", "--untracked-files=no"):
        print("note: the clones have the last commit, not this checkout's uncommitted changes")
    old = old_tasks_revision() if with_pip else None
    names = ["uv, cold", "uv, warm"]
    if with_pip:
        names += ["pip (TASKS_INSTALLER=pip)"]
        names += [f"old tasks.py ({git('rev-parse', '--short', old)})"] if old else []
    times: dict[str, list[dict]] = {name: [] for name in names}
    print(f"\nClone → report: git clone of {head[:9]}, then python3 tasks.py build "
          f"({runs} runs, {os.cpu_count()} cores)", flush=True)
    for run in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-clone-") as scratch:
            base = Path(scratch)
            caches = {"UV_CACHE_DIR": str(base / "uv-cache"),
                      "PIP_CACHE_DIR": str(base / "pip-cache")}
            for name in names:
                if name.startswith("uv"):
                    env = clean_environment(**caches)  # cold first, then warm from it
                elif name.startswith("pip"):
                    env = clean_environment(TASKS_INSTALLER="pip")
                else:
                    env = clean_environment()
                folder = base / "clone"
                times[name].append(clone_and_build(folder, env, head,
                                                   old if name.startswith("old") else None))
                remove(folder)
            print(f"run {run + 1}/{runs}: " + ", ".join(
                f"{name} {values[-1]['total']:.1f} s" for name, values in times.items()),
                flush=True)
    medians = {name: {part: statistics.median(v[part] for v in values)
                      for part in ("total", "setup", "build")}
               for name, values in times.items()}
    print(f"\nMedians of {runs} runs, clone → report (set-up + first build):")
    for name, value in medians.items():
        how = times[name][0]["how"]
        print(f"  {name:<26} {value['total']:6.1f} s  (set-up {value['setup']:5.1f} s, build "
              f"{value['build']:4.1f} s; {how})")
    slow = [name for name in names if not name.startswith("uv")]
    for name in slow:
        print(f"  {name} / uv, warm: {medians[name]['total'] / medians['uv, warm']['total']:.1f} "
              f"x;  / uv, cold: {medians[name]['total'] / medians['uv, cold']['total']:.1f} x")
    warm = medians["uv, warm"]["total"]
    verdict = ("target met" if warm <= TARGET_SECONDS else
               "limit met, target not" if warm <= LIMIT_SECONDS else "NOT met")
    print(f"Target: uv, warm clone → report <= {TARGET_SECONDS:.0f} s (limit "
          f"{LIMIT_SECONDS:.0f} s): {warm:.1f} s, {verdict}")
    return {name: value["total"] for name, value in medians.items()}
