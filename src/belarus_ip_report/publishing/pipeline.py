"""The build: execute the notebooks whose inputs or outputs changed, export the report, and
publish everything together, only when the whole run succeeded.

`python -m belarus_ip_report.publishing [--force]` (the README's `python3 tasks.py build` calls it).

- A notebook runs again when its code cells, the package's analysis code, the tables it reads
  (declared once in `chapters.CHAPTERS`) or any output it last wrote (the notebook file
  itself, its processed tables or figures) changed or went missing. The cache in
  `.cache/build.json` records both sides: the inputs' key and the hash of every output.
- A run works in a staging copy of the outputs (`.cache/stage/`); kernels are pointed there
  (`paths.OUTPUT_ROOT_VARIABLE`). Only when every notebook and the export succeeded are the
  changed files moved into place; a failure or an interrupt leaves the previous outputs.
- Bad data stops the build before any cell runs: the cleaning notebook's kernel checks the
  raw tables first (`tables.raw_table_problems`) and the build prints their problems, one
  line each, naming file, line and column.
- One build at a time per checkout (a lock file); a second one waits for the first.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import belarus_ip_report.chapters as chapters
from belarus_ip_report.chapters import rastercache
from belarus_ip_report.foundation import paths
from belarus_ip_report.foundation.atomic import write_bytes_atomically
from belarus_ip_report.publishing.cache import (
    BuildCache,
    analysis_files,
    digest_files,
    hashes,
    notebook_key,
    notebook_paths,
    report_key,
    report_writes,
    writes,
)

LOCK_FILE = paths.BUILD_CACHE / "build.lock"
STAGE = paths.BUILD_CACHE / "stage"
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
    rastercache.prune(paths.RASTER_CACHE, paths.FIGURES)
    ran = f"executed {len(executed)} notebook(s)" if executed else "executed no notebook"
    return (f"Built: {ran}, {'exported' if exported else 'kept'} report/index.html; "
            f"{len(changed)} file(s) published")


def run_notebooks(cleaning: dict[Path, str], candidates: list[Path], stage: Path,
                  chapters_to_run, cache: BuildCache) -> list[str]:
    """Run the cleaning notebook (if stale), then the chapters that are stale once it has run
    (`chapters_to_run()`: each with its key); every kernel starts at once. Records each run in
    the cache with the key of its inputs; returns the stems run."""
    from belarus_ip_report.publishing.execute import NotebookRun, ProgressDisplay

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
            # The cleaning's kernel checks the raw tables first: bad data stops the build
            # here with one line per problem, before any cell runs (see execute_notebook).
            for (notebook, key), outcome in zip(cleaning.items(), run.first_results(),
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
        from belarus_ip_report.publishing.report import prepare_code_pages

        prepare_code_pages(unchanged)
    except BaseException:  # noqa: BLE001 - see the docstring
        return


def export_in(stage: Path) -> None:
    from belarus_ip_report.publishing.checks import ReportError
    from belarus_ip_report.publishing.datapackage import write_data_package
    from belarus_ip_report.publishing.report import export_report

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
        from belarus_ip_report.publishing.execute import end_children

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
