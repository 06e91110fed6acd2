"""The build: execute the notebooks whose inputs or outputs changed, export the report, and
publish everything together, only when the whole run succeeded.

`python -m belarus_ip_report.build [--force]` (the README's `python3 tasks.py build` calls it).

- A notebook runs again when its code cells, the package's analysis code, the tables it reads
  (declared once in `chapters.CHAPTERS`) or any output it last wrote (the notebook file
  itself, its processed tables or figures) changed or went missing. The cache in
  `.cache/build.json` records both sides: the inputs' key and the hash of every output.
- A run works in a staging copy of the outputs (`.cache/stage/`); kernels are pointed there
  (`paths.OUTPUT_ROOT_VARIABLE`). Only when every notebook and the export succeeded are the
  changed files moved into place; a failure or an interrupt leaves the previous outputs.
- One build at a time per checkout (a lock file); a second one waits for the first.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import fcntl
import hashlib
import json
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import chapters, paths, rastercache
from ..atomic import write_bytes_atomically, write_text_atomically

CACHE_FILE = paths.BUILD_CACHE / "build.json"
LOCK_FILE = paths.BUILD_CACHE / "build.lock"
STAGE = paths.BUILD_CACHE / "stage"
RASTER_CACHE = paths.BUILD_CACHE / "rasters"
CACHE_VERSION = 2
#: `columns.SOURCE_SEPARATOR`, repeated so that deciding what to run imports no pandas
#: (tests/test_build_errors.py checks they agree).
SOURCE_SEPARATOR = ";"
#: What the build writes, relative to the project root; the stage holds a copy of each.
OUTPUT_FOLDERS = ("notebooks", "data/processed", "figures", "report")
OUTPUT_FILES = ("data/README.md",)


class BuildFailed(Exception):
    """A failure with a message for people; the build prints it and exits non-zero."""


class BuildInterrupted(BaseException):
    """Ctrl-C or SIGTERM: stop, end every worker and kernel, publish nothing."""

    def __init__(self, signal_name: str) -> None:
        super().__init__(signal_name)
        self.signal_name = signal_name


# --- what a notebook reads and writes --------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def digest_files(files: Iterable[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(files):
        digest.update(file.relative_to(root).as_posix().encode() + b"\0")
        digest.update(file.read_bytes() if file.exists() else b"(missing)")
        digest.update(b"\0")
    return digest.hexdigest()


def notebook_paths(root: Path = paths.PROJECT_ROOT) -> list[Path]:
    return sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def code_cells_digest(notebook: Path) -> str:
    """Hash of what a kernel would run: the code cells' sources, nothing else."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in cells if c["cell_type"] == "code"]
    return hashlib.sha256(json.dumps(code).encode()).hexdigest()


def analysis_files() -> list[Path]:
    """The package code notebooks import: everything but the build layer."""
    return [f for f in paths.PACKAGE_DIR.rglob("*")
            if f.is_file() and "__pycache__" not in f.parts
            and paths.BUILD_PACKAGE not in f.parents]


def build_files() -> list[Path]:
    return [f for f in paths.BUILD_PACKAGE.rglob("*")
            if f.is_file() and "__pycache__" not in f.parts]


def reads(stem: str, root: Path) -> list[Path]:
    """The data a notebook reads: every raw table for the cleaning notebook, otherwise the
    processed tables its chapter declares."""
    if stem == chapters.CLEANING:
        return sorted(paths.RAW.glob("*.csv"))
    declared = next((c.reads for c in chapters.CHAPTERS if c.stem == stem), None)
    if declared is None:
        return sorted((root / "data" / "processed").glob("*.csv"))
    return [root / "data" / "processed" / f"{table}.csv" for table in declared]


def writes(stem: str, root: Path) -> list[Path]:
    """The files a notebook owns: itself, and the processed data (cleaning) or its figures."""
    owned = [root / "notebooks" / f"{stem}.ipynb"]
    if stem == chapters.CLEANING:
        owned += sorted((root / "data" / "processed").glob("*.csv"))
    else:
        owned += sorted((root / "figures").glob(f"{stem[:2]}-*"))
    return owned


def report_writes(root: Path) -> list[Path]:
    """The export's outputs: the page, the code pages, and the data package beside the data."""
    return [root / "report" / "index.html", *sorted((root / "report" / "code").glob("*.html")),
            root / "data" / "processed" / "datapackage.json", root / "data" / "README.md"]


def notebook_key(notebook: Path, analysis_digest: str, root: Path) -> str:
    files = reads(notebook.stem, root)
    chapter = next((c for c in chapters.CHAPTERS if c.stem == notebook.stem), None)
    cited = ""
    if chapter is not None and chapter.cited_sources_only:
        sources = root / "data" / "processed" / "sources.csv"
        files = [f for f in files if f != sources]
        cited = cited_sources_digest(sources, files)
    parts = (code_cells_digest(notebook), analysis_digest,
             digest_files(files, root if notebook.stem != chapters.CLEANING
                          else paths.PROJECT_ROOT), cited)
    return hashlib.sha256("".join(parts).encode()).hexdigest()


def cited_sources_digest(sources: Path, tables: list[Path]) -> str:
    """Hash of the rows of `sources` that `tables` cite (in a source_ids or source_id
    column): a source added or changed elsewhere leaves it alone."""
    cited: set[str] = set()
    for table in tables:
        if table.is_file():
            with table.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    for column in ("source_ids", "source_id"):
                        cited.update(filter(None, (row.get(column) or "").split(
                            SOURCE_SEPARATOR)))
    digest = hashlib.sha256()
    if sources.is_file():
        with sources.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                if row and (row[0] in cited or row[0] == "source_id"):
                    digest.update("\x1f".join(row).encode() + b"\n")
    else:
        digest.update(b"(missing)")
    return digest.hexdigest()


def report_key(root: Path) -> str:
    files = [*notebook_paths(root), *(root / "data" / "processed").glob("*.csv")]
    return hashlib.sha256((digest_files(files, root)
                           + digest_files(build_files(), paths.PACKAGE_DIR)
                           + digest_files(analysis_files(), paths.PACKAGE_DIR)).encode()
                          ).hexdigest()


# --- the cache: inputs and outputs ------------------------------------------------------------


def hashes(files: Iterable[Path], root: Path) -> dict[str, str]:
    return {f.relative_to(root).as_posix(): sha256(f) for f in files if f.is_file()}


class BuildCache:
    """For each notebook and for the report: the key of its inputs and the hash of each
    output as published. Anything unreadable or of the wrong shape counts as empty."""

    def __init__(self, entries: dict[str, dict] | None = None, note: str = "") -> None:
        self.entries = entries or {}
        self.note = note

    @classmethod
    def load(cls) -> BuildCache:
        if not CACHE_FILE.exists():
            return cls()
        try:
            stored = json.loads(CACHE_FILE.read_text(encoding="utf-8"))
            entries = stored["entries"]
            valid = (stored.get("version") == CACHE_VERSION and isinstance(entries, dict)
                     and all(isinstance(e, dict) and isinstance(e.get("key"), str)
                             and isinstance(e.get("outputs"), dict) for e in entries.values()))
            if valid:
                return cls(entries)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        return cls(note="the build cache was unreadable or of an older shape: "
                        "rebuilding everything")

    def fresh(self, name: str, key: str, root: Path) -> bool:
        """Same inputs, and every output it recorded still there, byte for byte."""
        entry = self.entries.get(name)
        if not entry or entry["key"] != key or not entry["outputs"]:
            return False
        for relative, digest in entry["outputs"].items():
            file = root / relative
            if not file.is_file() or sha256(file) != digest:
                return False
        return True

    def record(self, name: str, key: str, outputs: dict[str, str], seconds: float = 0.0
               ) -> None:
        self.entries[name] = {"key": key, "outputs": outputs, "seconds": round(seconds, 1)}

    def seconds(self, name: str) -> float:
        """How long the notebook's cells took when it last ran (0 when unknown)."""
        value = self.entries.get(name, {}).get("seconds", 0.0)
        return float(value) if isinstance(value, int | float) else 0.0

    def save(self) -> None:
        write_text_atomically(CACHE_FILE, json.dumps(
            {"version": CACHE_VERSION, "entries": self.entries}, indent=1, sort_keys=True))


# --- one build at a time, staged, published whole ---------------------------------------------


@contextlib.contextmanager
def exclusive_lock() -> Iterator[None]:
    LOCK_FILE.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK_FILE, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Another build is running in this checkout; waiting for it to finish ...",
                  flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def prepare_stage() -> Path:
    """A fresh copy of every output folder, which the run then changes in place."""
    shutil.rmtree(STAGE, ignore_errors=True)
    for folder in OUTPUT_FOLDERS:
        source = paths.PROJECT_ROOT / folder
        if source.exists():
            shutil.copytree(source, STAGE / folder, ignore=shutil.ignore_patterns(
                ".ipynb_checkpoints", "__pycache__", "*.pdf"))
        else:
            (STAGE / folder).mkdir(parents=True)
    for file in OUTPUT_FILES:
        if (paths.PROJECT_ROOT / file).is_file():
            shutil.copy2(paths.PROJECT_ROOT / file, STAGE / file)
    return STAGE


def publish(stage: Path) -> list[str]:
    """Move every staged file that differs from the project's into place; return them."""
    changed = []
    staged_files = [f for folder in OUTPUT_FOLDERS for f in sorted((stage / folder).rglob("*"))]
    staged_files += [stage / file for file in OUTPUT_FILES if (stage / file).is_file()]
    for staged in staged_files:
        if not staged.is_file():
            continue
        relative = staged.relative_to(stage)
        target = paths.PROJECT_ROOT / relative
        data = staged.read_bytes()
        if target.is_file() and target.read_bytes() == data:
            continue
        write_bytes_atomically(target, data)
        changed.append(relative.as_posix())
    return changed


# --- the run ----------------------------------------------------------------------------------


def build(*, force: bool = False) -> str:
    with exclusive_lock():
        try:
            return _build_locked(force=force)
        finally:  # inside the lock: a build waiting for it may use the stage next
            shutil.rmtree(STAGE, ignore_errors=True)


def _build_locked(*, force: bool) -> str:
    timings = BuildCache.load()  # also read by a forced build: what ran longest last time
    cache = BuildCache() if force else timings
    if cache.note:
        print(f"  {cache.note}", flush=True)
    analysis = digest_files(analysis_files(), paths.PACKAGE_DIR)
    root = paths.PROJECT_ROOT
    notebooks = notebook_paths(root)
    cleaning = [nb for nb in notebooks if nb.stem == chapters.CLEANING]
    others = [nb for nb in notebooks if nb.stem != chapters.CLEANING]

    def stale(group: list[Path], where: Path) -> dict[Path, str]:
        keys = {nb: notebook_key(nb, analysis, where) for nb in group}
        return {nb: key for nb, key in keys.items() if not cache.fresh(nb.stem, key, where)}

    if (not force and not stale(cleaning, root) and not stale(others, root)
            and cache.fresh("report", report_key(root), root)):
        return "Up to date: nothing changed since the last build"

    stage = prepare_stage()
    staged_cleaning = [stage / "notebooks" / nb.name for nb in cleaning]
    staged_others = [stage / "notebooks" / nb.name for nb in others]
    cleaning_todo = stale(staged_cleaning, stage)
    # Before the cleaning has run, any chapter may turn out stale: all of them start a kernel.
    candidates = staged_others if cleaning_todo else list(stale(staged_others, stage))
    executed: list[str] = []
    if cleaning_todo or candidates:
        candidates.sort(key=lambda nb: -timings.seconds(nb.stem))  # the longest first
        executed = run_notebooks(cleaning_todo, candidates, stage,
                                 lambda: stale(staged_others, stage), cache)
    report = report_key(stage)
    exported = force or not cache.fresh("report", report, stage)
    if exported:
        print("  exporting report/index.html", flush=True)
        export_in(stage)
    cache.record("report", report, hashes(report_writes(stage), stage))
    changed = publish(stage)
    cache.save()
    rastercache.prune(RASTER_CACHE, paths.FIGURES)
    shutil.rmtree(STAGE, ignore_errors=True)
    ran = f"executed {len(executed)} notebook(s)" if executed else "executed no notebook"
    return (f"Built: {ran}, {'exported' if exported else 'kept'} report/index.html; "
            f"{len(changed)} file(s) published")


def check_raw_tables() -> None:
    """Validate the raw tables before anything runs, so bad data stops with clear lines."""
    from ..errors import DataError
    from ..tables import load_clean_tables

    try:
        load_clean_tables()
    except DataError as error:  # DataErrors too: one line per problem
        raise BuildFailed(error.message) from None


def run_notebooks(cleaning: dict[Path, str], candidates: list[Path], stage: Path,
                  chapters_to_run, cache: BuildCache) -> list[str]:
    """Run the cleaning notebook (if stale), then the chapters that are stale once it has run
    (`chapters_to_run()`: each with its key); every kernel starts at once. Records each run in
    the cache with the key of its inputs; returns the stems run."""
    from .execute import NotebookRun, ProgressDisplay

    executed: list[str] = []

    def done(notebook: Path, key: str, outcome) -> None:
        if outcome.failure:
            raise BuildFailed(outcome.failure)
        cache.record(notebook.stem, key, hashes(writes(notebook.stem, stage), stage),
                     outcome.seconds)
        executed.append(notebook.stem)

    # The export's libraries take a second to import, and the code pages of the notebooks that
    # do not run are final: the build's own process prepares them while the kernels work.
    running = {nb.name for nb in [*cleaning, *candidates]}
    threading.Thread(target=prepare_export, args=(
        [nb for nb in notebook_paths(stage) if nb.name not in running],), daemon=True).start()
    with ProgressDisplay([*cleaning, *candidates]) as progress, \
            NotebookRun(list(cleaning), candidates, stage, progress.queue) as run:
        if cleaning:
            check_raw_tables()  # while the kernels start: bad data stops before any cell runs
            for (notebook, key), outcome in zip(cleaning.items(), run.start_first(),
                                                strict=True):
                done(notebook, key, outcome)
        todo = chapters_to_run()
        chosen = [nb for nb in candidates if nb in todo]
        outcomes = run.go([nb.stem for nb in chosen])
        failures = [outcome.failure for outcome in outcomes if outcome.failure]
        if failures:
            raise BuildFailed("\n".join(failures))
        for notebook, outcome in zip(chosen, outcomes, strict=True):
            done(notebook, todo[notebook], outcome)
    return executed


def prepare_export(unchanged: list[Path]) -> None:
    """Best effort, in a background thread: whatever goes wrong here (an interrupt ending the
    process, a notebook the export will refuse) the export itself meets and reports."""
    try:
        from .report import prepare_code_pages

        prepare_code_pages(unchanged)
    except BaseException:  # noqa: BLE001 - see the docstring
        return


def export_in(stage: Path) -> None:
    from .datapackage import write_data_package
    from .report import ReportError, export_report

    with paths.outputs_in(stage):
        try:
            export_report(notebook_paths(stage))
        except ReportError as error:
            raise BuildFailed(f"report/index.html: {error}") from None
    write_data_package(stage)


# --- the command line -------------------------------------------------------------------------


def _raise_interrupt(number: int, _frame) -> None:
    raise BuildInterrupted(signal.Signals(number).name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tasks.py build", description=__doc__)
    parser.add_argument("--force", action="store_true",
                        help="execute every notebook and export the report again")
    args = parser.parse_args(argv)
    started = time.monotonic()
    previous = {number: signal.signal(number, _raise_interrupt)
                for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        summary = build(force=args.force)
    except BuildFailed as failure:
        print(f"Build stopped: {failure}", file=sys.stderr)
        print("Nothing was published: the outputs of the previous build are unchanged.",
              file=sys.stderr)
        return 1
    except BuildInterrupted as interrupt:
        from .execute import end_children

        end_children()
        print(f"Build interrupted ({interrupt.signal_name}): every worker and kernel ended, "
              "nothing was published; the outputs of the previous build are unchanged.",
              file=sys.stderr)
        return 130 if interrupt.signal_name == "SIGINT" else 143
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    print(f"{summary} in {time.monotonic() - started:.1f} s")
    return 0
