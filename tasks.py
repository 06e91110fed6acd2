#!/usr/bin/env python3
"""The project's entry point: `python3 tasks.py build` and `python3 tasks.py test`.

Standard library only, so that it runs on a fresh machine with nothing but Python 3.11:
it creates `.venv` when it is missing or out of date, installs the pinned requirements
into it, then hands over to the project's package inside that environment.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
INSTALL_STAMP = VENV / "installed.sha256"
LOCK = ROOT / "requirements.lock"
INSTALL_INPUTS = ("requirements.lock", "pyproject.toml")

HELP = """usage: python3 tasks.py COMMAND [options]

  build [--force]   install what is missing, execute the notebooks that changed, write
                    data/processed/, figures/ and report/ (--force: execute everything)
  test              every test: the package's tests and strict nbval over notebooks/
  unit              the fast tests only (no build, no browser, no nbval): under 10 s
  nbval             strict nbval over notebooks/ only
  lab               JupyterLab at the project root (notebooks, data and README in reach);
                    stopping this command stops Lab
  pdf               write report/report.pdf from report/index.html (headless Chromium)
  lock              recompile requirements.lock (every package, with hashes) from
                    requirements.txt with pip-tools, after you change a pin there
  bench             time our build against the plain nbconvert way (not a test)
  clean             remove the environment and the build cache (tracked files stay)
  help              this text
"""


def install_fingerprint() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for name in INSTALL_INPUTS:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_environment() -> None:
    """Create or refresh .venv when the lock changed; a no-op costs one file read."""
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"tasks.py: Python 3.11 is required, this is {sys.version.split()[0]}")
    fingerprint = install_fingerprint()
    if INSTALL_STAMP.exists() and INSTALL_STAMP.read_text() == fingerprint:
        return
    packages = sum(1 for line in LOCK.read_text().splitlines() if "==" in line)
    step("1/4", "creating .venv (first run, or requirements.lock changed)")
    if not VENV_PYTHON.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    pip = [str(VENV_PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    step("2/4", f"installing the {packages} packages of requirements.lock, each checked against "
                "its hash (about a minute on a fresh machine)")
    subprocess.run([*pip, "--require-hashes", "--no-deps", "-r", str(LOCK)], check=True)
    step("3/4", "installing the project's own package (src/belarus_ip_report) in place")
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
    step("4/4", "checking that the installed packages fit together (pip check)")
    subprocess.run([str(VENV_PYTHON), "-m", "pip", "check", "--disable-pip-version-check"],
                   check=True, stdout=subprocess.DEVNULL)
    INSTALL_STAMP.write_text(fingerprint)
    print("Setup done: .venv matches requirements.lock", flush=True)


def step(number: str, what: str) -> None:
    print(f"Setup {number}: {what} ...", flush=True)


def lock() -> int:
    """Compile requirements.lock from requirements.txt with pip-tools (inside .venv)."""
    print("Compiling requirements.lock from requirements.txt (a few minutes) ...", flush=True)
    return run_in_environment(
        "-m", "piptools", "compile", "--quiet", "--generate-hashes", "--allow-unsafe",
        "--strip-extras", "--no-emit-index-url", "--no-emit-find-links",
        "--output-file", "requirements.lock", "requirements.txt")


def lab(options: list[str]) -> int:
    """JupyterLab at the project root, in place of this process: stopping the command stops
    Lab itself."""
    return run_in_environment("-m", "jupyter", "lab", f"--ServerApp.root_dir={ROOT}", *options)


def run_in_environment(*args: str) -> int:
    """Replace this process by the project's Python running `args`: a signal sent to
    tasks.py (Ctrl-C, a CI cancel, `timeout`) then reaches the build or the tests directly."""
    env = dict(os.environ)
    # An Agg backend in the environment would strip every inline figure from the notebooks.
    env.pop("MPLBACKEND", None)
    # Python's default is back: it keeps the compiled package and tests in __pycache__ folders
    # (ignored by git). Some machines set PYTHONDONTWRITEBYTECODE, and then each of the dozens
    # of processes a build or the tests start (kernels, workers, test workers) compiles the
    # package, and pytest rewrites every test module, again: the test command took 57.5 s
    # with it set and 49 s without, on this project's 2-core machine.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    os.chdir(ROOT)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(str(VENV_PYTHON), [str(VENV_PYTHON), *args], env)
    return 0  # not reached


def main(argv: list[str]) -> int:
    command, options = (argv[0], argv[1:]) if argv else ("help", [])
    if command in ("help", "-h", "--help"):
        print(HELP)
        return 0
    if command == "clean":
        import shutil

        for path in (VENV, ROOT / ".cache"):
            shutil.rmtree(path, ignore_errors=True)
        print("Removed .venv and .cache")
        return 0
    commands = {
        "build": ["-m", "belarus_ip_report.publishing", *options],
        "test": ["-m", "pytest", "--nbval", "--nbval-current-env", "-n", "2", "--dist", "loadscope",
                 *options],
        "unit": ["-m", "pytest", "tests", "-m", "not build and not browser", "-q", *options],
        "nbval": ["-m", "pytest", "notebooks", "--nbval", "--nbval-current-env", *options],
        "pdf": ["-m", "belarus_ip_report.publishing.pdf", *options],
        "bench": [str(ROOT / "benchmarks" / "bench_build.py"), *options],
    }
    if command not in (*commands, "lab", "lock"):
        print(f"tasks.py: unknown command {command!r}\n\n{HELP}", file=sys.stderr)
        return 2
    ensure_environment()
    if command == "lab":
        return lab(options)
    if command == "lock":
        return lock()
    return run_in_environment(*commands[command])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
