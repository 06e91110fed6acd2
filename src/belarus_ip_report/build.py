"""The build: execute the notebooks whose inputs changed, then export the report.

`python -m belarus_ip_report.build [--force]` (the README's `python3 tasks.py build` calls it).

A notebook is executed again only when its code cells, the data it reads, or the package's
code changed (content hashes in `.cache/build.json`, which git ignores); the report is exported
only when a notebook or the report code changed. `01_clean_tables` runs first; the chapters
after it do not depend on each other and run in parallel, one kernel per core.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from . import paths

CLEANING_NOTEBOOK = "01_clean_tables"
CACHE_FILE = paths.BUILD_CACHE / "build.json"
#: Package files that only shape the report; changing them does not re-execute notebooks.
REPORT_ONLY_MODULES = ("build.py", "report.py")


def digest_files(files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for file in sorted(files):
        digest.update(paths.relative(file).encode())
        digest.update(b"\0")
        digest.update(file.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def notebook_paths() -> list[Path]:
    return sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def code_cells_digest(notebook: Path) -> str:
    """Hash of what a kernel would run: the code cells' sources, nothing else."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = [
        "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for cell in cells
        if cell["cell_type"] == "code"
    ]
    return hashlib.sha256(json.dumps(code).encode()).hexdigest()


def package_files(*, for_report: bool) -> list[Path]:
    files = [
        f for f in paths.PACKAGE_DIR.rglob("*")
        if f.is_file() and "__pycache__" not in f.parts
    ]
    if for_report:
        return files
    return [
        f for f in files
        if f.name not in REPORT_ONLY_MODULES and paths.TEMPLATES not in f.parents
    ]


def data_inputs(notebook: Path) -> list[Path]:
    """The cleaning notebook reads the raw tables; every other notebook the processed ones."""
    folder = paths.RAW if notebook.stem == CLEANING_NOTEBOOK else paths.PROCESSED
    return sorted(folder.glob("*.csv"))


def notebook_key(notebook: Path, package_digest: str) -> str:
    digest = hashlib.sha256()
    for part in (code_cells_digest(notebook), package_digest,
                 digest_files(data_inputs(notebook))):
        digest.update(part.encode())
    return digest.hexdigest()


def report_key() -> str:
    processed = sorted(paths.PROCESSED.glob("*.csv"))
    return digest_files([*notebook_paths(), *package_files(for_report=True), *processed])


@dataclass
class BuildCache:
    notebooks: dict[str, str]
    report: str | None

    @classmethod
    def load(cls) -> BuildCache:
        try:
            stored = json.loads(CACHE_FILE.read_text())
            return cls(dict(stored["notebooks"]), stored.get("report"))
        except (OSError, ValueError, KeyError):
            return cls({}, None)

    def save(self) -> None:
        CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
        CACHE_FILE.write_text(json.dumps({"notebooks": self.notebooks, "report": self.report},
                                         indent=1, sort_keys=True))


class BuildFailed(Exception):
    """A failure with a message for people; the build prints it and exits non-zero."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tasks.py build", description=__doc__)
    parser.add_argument("--force", action="store_true",
                        help="execute every notebook and export the report again")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        summary = build(force=args.force)
    except BuildFailed as failure:
        print(f"Build stopped: {failure}", file=sys.stderr)
        print("Nothing that was built before was overwritten by a partial result.",
              file=sys.stderr)
        return 1
    print(f"{summary} in {time.monotonic() - started:.1f} s")
    return 0


def build(*, force: bool = False) -> str:
    cache = BuildCache({}, None) if force else BuildCache.load()
    package_digest = digest_files(package_files(for_report=False))
    notebooks = notebook_paths()
    cleaning = [nb for nb in notebooks if nb.stem == CLEANING_NOTEBOOK]
    chapters = [nb for nb in notebooks if nb.stem != CLEANING_NOTEBOOK]

    executed: list[str] = []
    for stage in (cleaning, chapters):
        stale = {nb: key for nb in stage
                 if cache.notebooks.get(nb.stem) != (key := notebook_key(nb, package_digest))}
        if not stale:
            continue
        if any(nb.stem == CLEANING_NOTEBOOK for nb in stale):
            check_raw_tables()
        run_notebooks(list(stale))
        for nb in stale:
            # Keyed on the inputs as they were, so that a file edited meanwhile runs again.
            cache.notebooks[nb.stem] = stale[nb]
        cache.save()
        executed += [nb.stem for nb in stale]

    exported = False
    key = report_key()
    if force or cache.report != key or not (paths.REPORT / "index.html").exists():
        from .report import export_report

        print("  exporting report/index.html", flush=True)
        export_report(notebooks)
        cache.report = key
        cache.save()
        exported = True

    if not executed and not exported:
        return "Up to date: nothing changed since the last build"
    ran = f"executed {len(executed)} notebook(s)" if executed else "executed no notebook"
    return f"Built: {ran}, {'exported' if exported else 'kept'} report/index.html"


def check_raw_tables() -> None:
    """Validate the raw tables before anything runs, so bad data stops with one clear line."""
    from .errors import DataError, DataErrors
    from .tables import load_clean_tables

    try:
        load_clean_tables()
    except (DataError, DataErrors) as error:
        raise BuildFailed(error.message) from None


def run_notebooks(notebooks: list[Path]) -> None:
    from .execute import ProgressDisplay, execute_notebook

    with ProgressDisplay(notebooks) as progress:
        if len(notebooks) == 1:
            results = [execute_notebook(notebooks[0], progress.queue)]
        else:
            workers = min(len(notebooks), os.cpu_count() or 1)
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(execute_notebook, nb, progress.queue) for nb in notebooks]
                results = [future.result() for future in as_completed(futures)]
    failures = [message for message in results if message]
    if failures:
        raise BuildFailed("\n".join(failures))


if __name__ == "__main__":
    sys.exit(main())
