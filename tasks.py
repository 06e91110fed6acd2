#!/usr/bin/env python3
"""The project's entry point: `python3 tasks.py build` and `python3 tasks.py test`.

Standard library only, so that it runs on a fresh machine with nothing but Python 3.11:
it creates `.venv` when it is missing, out of date or made for another folder, installs the
pinned requirements into it, then hands over to the project's package inside that environment.

How `.venv` is made:
- with uv: the `uv` on PATH, else the pinned and hashed one of requirements-uv.lock, which pip
  installs once into .cache/tools/; pip is the fallback when uv cannot be had or fails
  (`TASKS_INSTALLER=pip` asks for pip);
- every package of requirements.lock at its pinned version, each checked against its hash;
- the project's own package through a `.pth` file whose one line is a path *relative* to
  site-packages (Python resolves such a line against the site-packages folder), with a small
  dist-info beside it for `importlib.metadata`. An editable install (`pip install -e .`) would
  write the checkout's absolute path into .venv: a copy of the tree (`cp -a`) would then import
  the package, and read and write the data, of the original, and a moved tree would fail. With
  uv, the venv is also made `--relocatable`, so that the scripts in .venv/bin work from a copy.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
SITE_PACKAGES = VENV / "lib" / "python3.11" / "site-packages"
INSTALL_STAMP = VENV / "installed.sha256"
LOCK = ROOT / "requirements.lock"
UV_LOCK = ROOT / "requirements-uv.lock"
TOOLS = ROOT / ".cache" / "tools"
INSTALL_INPUTS = ("requirements.lock", "requirements.txt", "requirements-dev.txt",
                  "pyproject.toml")
#: The import name of the project's package, and the name of its .pth file in .venv.
PACKAGE = "belarus_ip_report"
PROJECT_PTH = SITE_PACKAGES / f"{PACKAGE}.pth"
#: `TASKS_INSTALLER=pip` makes .venv with pip even when uv can be had (the bench compares them).
INSTALLER_VARIABLE = "TASKS_INSTALLER"
#: Part of the install fingerprint: changing it makes every existing .venv again, the new way.
SETUP_SCHEME = b"2: uv or pip; the project through a .pth relative to site-packages"
#: A uv on PATH older than this is passed over for the pinned one (flags used: venv --clear
#: --relocatable, pip install --require-hashes, pip check).
UV_OLDEST = (0, 8)

HELP = """usage: python3 tasks.py COMMAND [options]

  build [--force]   install what is missing, execute the notebooks that changed, write
                    data/processed/, figures/ and report/ (--force: execute everything)
  test              every test: the package's tests and strict nbval over notebooks/
  unit              the fast tests only (no build, no browser, no nbval): about 18 s
  nbval             strict nbval over notebooks/ only
  lab               JupyterLab at the project root (notebooks, data and README in reach);
                    stopping this command stops Lab
  pdf               write report/report.pdf and report/ru/report.pdf (headless Chromium)
  release           the reuse kit of this version in .cache/release/: a zip of the pages,
                    the PDF, the clean tables, the data package, the citation, the changelog
                    and SHA256SUMS, and .zenodo.json (refuses a dirty tree or stale outputs)
  citation          write CITATION.cff and the README's citation from the settings
  snapshot-wipo-lex DIR
                    import treaty_parties from a dated copy of WIPO Lex's pages in DIR
  lock              recompile requirements.lock (every package, with hashes) from
                    requirements.txt and requirements-dev.txt with pip-tools, after you
                    change a pin there
  bench             time set-up and build: fresh clones, the old way, larger data (not a test)
  clean             remove the environment and the build cache (tracked files stay)
  help              this text
"""


class SetupFailed(Exception):
    """A set-up step failed (its output has been shown); the message says what to do."""


def install_fingerprint() -> str:
    digest = hashlib.sha256(sys.version.encode())
    digest.update(SETUP_SCHEME)
    for name in INSTALL_INPUTS:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_environment() -> None:
    """Create or refresh .venv when the lock changed or .venv does not fit this folder; when
    nothing did, this costs a few file reads."""
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"tasks.py: Python 3.11 is required, this is {sys.version.split()[0]}")
    fingerprint = install_fingerprint()
    problem = environment_problem()
    if problem is None and INSTALL_STAMP.exists() and INSTALL_STAMP.read_text() == fingerprint:
        return
    if problem:
        print(f"Setup: .venv {problem}; setting it up again for this folder", flush=True)
    try:
        set_up(fingerprint)
    except SetupFailed as failure:
        sys.exit(f"tasks.py: setting up .venv failed: {failure}")
    except (subprocess.CalledProcessError, OSError) as failure:
        if isinstance(failure, subprocess.CalledProcessError):
            words = [Path(word).name if os.sep in str(word) else str(word)
                     for word in failure.cmd[:4]]
            failure = f"`{' '.join(words)} ...` ended with status {failure.returncode}"
        sys.exit(f"tasks.py: setting up .venv failed ({failure}).\nWhat to do: check that this "
                 "machine reaches PyPI (or the index your pip or uv configuration names), then "
                 "run `python3 tasks.py build` again; `python3 tasks.py clean` removes .venv "
                 "and .cache to start from nothing.")


def environment_problem() -> str | None:
    """Why an existing .venv cannot serve this folder as it is, or None (also when there is no
    .venv yet). Reads a few small files: it runs before every command."""
    if not VENV.is_dir():
        return None
    if not python_works():
        return (f"has no working Python ({_shown(VENV_PYTHON)} or the Python it was made "
                f"with, {_pyvenv_value('home')}, is gone)")
    try:
        names = os.listdir(SITE_PACKAGES)
    except OSError:
        return "has no site-packages folder"
    for name in names:
        if name.startswith("__editable__") and PACKAGE in name and name.endswith(".pth"):
            target = _pth_paths(SITE_PACKAGES / name)
            where = target[0] if target else "a path written in full"
            if target and Path(target[0]).resolve() == (ROOT / "src").resolve():
                return (f"imports the package from {where} through an editable install (made "
                        "by an older tasks.py; a copy of this folder would still import it "
                        "from here)")
            return (f"imports the package from {where}, not from this folder's src/ (a copied "
                    "or moved .venv with an editable install)")
    if f"{PACKAGE}.pth" not in names:
        return "does not install the project's package"
    if _pth_paths(PROJECT_PTH) != [project_pth_line()]:
        return f"has a {PROJECT_PTH.name} that does not lead to this folder's src/"
    version = project_metadata()[1]
    if f"{PACKAGE}-{version}.dist-info" not in names:
        return f"holds the package's metadata of another version than {version}"
    return None


def python_works() -> bool:
    """.venv/bin/python leads to a file (`exists` follows the link) and the Python it was made
    from is still there."""
    home = _pyvenv_value("home")
    return os.path.exists(VENV_PYTHON) and (home is None or Path(home).is_dir())


def _shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _pyvenv_value(key: str) -> str | None:
    try:
        text = (VENV / "pyvenv.cfg").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        name, separator, value = line.partition("=")
        if separator and name.strip() == key:
            return value.strip()
    return None


def _pth_paths(path: Path) -> list[str]:
    """The path lines of a .pth file (lines starting with `import` are code, not paths)."""
    try:
        lines = path.read_text().splitlines()
    except OSError:
        return []
    return [line.strip() for line in lines
            if line.strip() and not line.startswith(("#", "import ", "import\t"))]


def project_pth_line() -> str:
    """src/, relative to site-packages: `../../../../src`, the same in every copy of the tree."""
    return os.path.relpath(ROOT / "src", SITE_PACKAGES)


class Steps:
    """One line per set-up step: `Setup 2/4: ... ...`."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def __call__(self, what: str) -> None:
        self.done += 1
        print(f"Setup {self.done}/{self.total}: {what} ...", flush=True)


def set_up(fingerprint: str) -> None:
    started = time.monotonic()
    packages = sum(1 for line in LOCK.read_text().splitlines() if "==" in line)
    uv, fetch = locate_uv()
    step = Steps(5 if fetch else 4)
    if fetch:
        uv = fetch_uv(step)
    installer = None
    if uv is not None:
        try:
            installer = install_with_uv(uv, packages, step)
        except subprocess.CalledProcessError:
            print("Setup: uv could not make .venv (its message is above); trying pip instead",
                  flush=True)
            step.done = 1 if fetch else 0
    if installer is None:
        installer = install_with_pip(packages, step)
    step(f"installing the project's own package (src/{PACKAGE}) through a .pth file relative "
         "to .venv, so that a copy or a move of the folder imports its own src/")
    install_project()
    step(f"checking that the installed packages fit together ({installer[1]})")
    check = subprocess.run(installer[0], capture_output=True, text=True)
    if check.returncode != 0:
        print(check.stdout + check.stderr, file=sys.stderr)
        raise SetupFailed("the installed packages do not fit together (above).\nWhat to do: "
                          "if you changed requirements.txt, run `python3 tasks.py lock`; "
                          "otherwise `python3 tasks.py clean`, then build again.")
    INSTALL_STAMP.write_text(fingerprint)
    print(f"Setup done in {time.monotonic() - started:.1f} s: .venv matches requirements.lock",
          flush=True)


def locate_uv() -> tuple[list[str] | None, bool]:
    """uv's command (or None for pip), and whether the pinned uv must be fetched first."""
    if os.environ.get(INSTALLER_VARIABLE) == "pip":
        print(f"Setup: {INSTALLER_VARIABLE}=pip: installing with pip", flush=True)
        return None, False
    tool = pinned_uv()
    if os.access(tool, os.X_OK):
        return [str(tool)], False
    on_path = shutil.which("uv")
    if on_path and uv_version(on_path) >= UV_OLDEST:
        return [on_path], False
    if subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode:
        print("Setup: no uv on PATH and no pip to fetch it with: installing with venv's pip",
              flush=True)
        return None, False
    return None, True


def pinned_uv() -> Path:
    """Where the uv of requirements-uv.lock lives once fetched (one folder per version)."""
    match = re.search(r"^uv==(\S+)", UV_LOCK.read_text(), re.MULTILINE)
    version = match.group(1) if match else "unknown"
    return TOOLS / f"uv-{version}" / "bin" / "uv"


def uv_version(command: str) -> tuple[int, ...]:
    try:
        shown = subprocess.run([command, "--version"], capture_output=True, text=True).stdout
    except OSError:
        return (0,)
    match = re.search(r"(\d+)\.(\d+)", shown)
    return (int(match.group(1)), int(match.group(2))) if match else (0,)


def fetch_uv(step: Steps) -> list[str] | None:
    """pip installs the pinned uv (its hash checked) into .cache/tools; None if it cannot."""
    tool = pinned_uv()
    folder = tool.parent.parent
    step(f"fetching {folder.name.replace('-', ' ')} with pip into .cache/tools (pinned and "
         "hashed in requirements-uv.lock; once per checkout)")
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    fetched = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--only-binary", ":all:", "--require-hashes", "--target", str(partial),
         "-r", str(UV_LOCK)], capture_output=True, text=True)
    if fetched.returncode != 0 or not os.access(partial / "bin" / "uv", os.X_OK):
        shutil.rmtree(partial, ignore_errors=True)
        last = (fetched.stderr.strip().splitlines() or ["no uv binary in the wheel"])[-1]
        print(f"Setup: uv could not be fetched ({last}); installing with pip instead",
              flush=True)
        return None
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    return [str(tool)]


def install_with_uv(uv: list[str], packages: int, step: Steps) -> tuple[list[str], str]:
    """A new .venv by uv; returns the command that checks it."""
    version = subprocess.run([*uv, "--version"], capture_output=True, text=True).stdout.split()
    name = " ".join(version[:2]) or "uv"
    step(f"creating .venv with {name} (first run, requirements.lock changed, or .venv did not "
         "fit this folder)")
    base = getattr(sys, "_base_executable", sys.executable)  # never another venv's python
    subprocess.run([*uv, "venv", "--quiet", "--clear", "--relocatable", "--no-project",
                    "--python", base, str(VENV)], check=True)
    step(f"installing the {packages} packages of requirements.lock with uv, each checked "
         "against its hash (a second or two; more when uv's cache is empty and every wheel "
         "is downloaded)")
    subprocess.run([*uv, "pip", "install", "--quiet", "--python", str(VENV_PYTHON),
                    "--require-hashes", "--no-deps", "-r", str(LOCK)], check=True)
    return [*uv, "pip", "check", "--python", str(VENV_PYTHON)], "uv pip check"


def install_with_pip(packages: int, step: Steps) -> tuple[list[str], str]:
    """.venv by the standard library's venv and pip (about a minute and a half)."""
    step("creating .venv with venv and pip (first run, requirements.lock changed, or .venv "
         "did not fit this folder)")
    if not python_works() or not (SITE_PACKAGES / "pip").is_dir():
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    _drop_creation_command()
    pip = [str(VENV_PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    step(f"installing the {packages} packages of requirements.lock with pip, each checked "
         "against its hash (about a minute on a fresh machine)")
    subprocess.run([*pip, "--require-hashes", "--no-deps", "-r", str(LOCK)], check=True)
    return [str(VENV_PYTHON), "-m", "pip", "check", "--disable-pip-version-check"], "pip check"


def _drop_creation_command() -> None:
    """venv writes the command that made it, with this folder's absolute path, into
    pyvenv.cfg; nothing reads it, and a copy of the tree would carry a wrong one."""
    config = VENV / "pyvenv.cfg"
    lines = config.read_text().splitlines(keepends=True)
    config.write_text("".join(line for line in lines if not line.startswith("command")))


def install_project() -> None:
    """The package from src/ by a relative .pth, and a dist-info naming the project, its
    version and its dependencies (for importlib.metadata and the check that follows). Any
    earlier install of the project (an editable one included) is removed first."""
    remove_project_installs()
    PROJECT_PTH.write_text(project_pth_line() + "\n")
    name, version, summary = project_metadata()
    dist_info = SITE_PACKAGES / f"{PACKAGE}-{version}.dist-info"
    dist_info.mkdir()
    requires = [line.split("#", 1)[0].strip()
                for line in (ROOT / "requirements.txt").read_text().splitlines()]
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\n"
        f"Name: {name}\nVersion: {version}\nSummary: {summary}\nRequires-Python: ==3.11.*\n"
        + "".join(f"Requires-Dist: {line}\n" for line in requires if line))
    (dist_info / "INSTALLER").write_text("tasks.py\n")
    (dist_info / "WHEEL").write_text("Wheel-Version: 1.0\nGenerator: tasks.py\n"
                                     "Root-Is-Purelib: true\nTag: py3-none-any\n")
    record = [PROJECT_PTH.name, *(f"{dist_info.name}/{file}"
                                  for file in ("METADATA", "INSTALLER", "WHEEL", "RECORD"))]
    (dist_info / "RECORD").write_text("".join(f"{entry},,\n" for entry in record))


def remove_project_installs() -> None:
    for dist_info in SITE_PACKAGES.glob(f"{PACKAGE}-*.dist-info"):
        record = dist_info / "RECORD"
        listed = record.read_text().splitlines() if record.exists() else []
        for line in listed:
            target = Path(os.path.normpath(SITE_PACKAGES / line.split(",", 1)[0]))
            if target.parent == SITE_PACKAGES and target.is_file():
                target.unlink()
        shutil.rmtree(dist_info)
    for leftover in (*SITE_PACKAGES.glob(f"__editable__*{PACKAGE}*"), PROJECT_PTH):
        leftover.unlink(missing_ok=True)


def project_metadata() -> tuple[str, str, str]:
    """Name, version and summary from pyproject.toml (the version from the attribute it
    names, read as setuptools reads it, without importing the package)."""
    import ast
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    table = project["project"]
    version = table.get("version")
    if version is None:
        attribute = (project.get("tool", {}).get("setuptools", {}).get("dynamic", {})
                     .get("version", {}).get("attr", ""))
        module, _, variable = attribute.rpartition(".")
        source = ROOT / "src" / Path(*module.split("."))
        source = source / "__init__.py" if source.is_dir() else source.with_suffix(".py")
        version = "0+unknown"
        if source.is_file():
            for node in ast.parse(source.read_text()).body:
                if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                        and any(getattr(t, "id", None) == variable for t in node.targets)):
                    version = str(node.value.value)
    return table["name"], version, table.get("description", "")


def lock() -> int:
    """Compile requirements.lock from requirements.txt with pip-tools (inside .venv)."""
    print("Compiling requirements.lock from requirements-dev.txt (a few minutes) ...", flush=True)
    return run_in_environment(
        "-m", "piptools", "compile", "--quiet", "--generate-hashes", "--allow-unsafe",
        "--strip-extras", "--no-emit-index-url", "--no-emit-find-links",
        "--output-file", "requirements.lock", "requirements-dev.txt")


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
        "unit": ["-m", "pytest", "tests", "-m", "not build and not browser", "-q", "-n", "2",
                 *options],
        "nbval": ["-m", "pytest", "notebooks", "--nbval", "--nbval-current-env", *options],
        "pdf": ["-m", "belarus_ip_report.publishing.pdf", *options],
        "release": ["-m", "belarus_ip_report.publishing.release", *options],
        "citation": ["-m", "belarus_ip_report.publishing.citation", *options],
        "snapshot-wipo-lex": ["-m", "belarus_ip_report.curated.wipo_lex", *options],
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
