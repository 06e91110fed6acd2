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
- Before any notebook runs, the build checks that the notebooks are those `chapters.CHAPTERS`
  declares and can be read, and that every place it writes can be written (`preflight`).
  Each kernel learns which chapter it runs: it may load only the tables that chapter declares.
- The pages are checked against their promises (no script, no refresh, no event handler, no
  outside resource: `checks.check_page`) in the stage, before anything is published.
- Publishing is all or nothing, even for a build killed while it publishes (`publish`); a
  full disk or a file-size limit stops the build with one message and the previous outputs.
- One build at a time per checkout (a lock file); a second one waits for the first.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import shutil
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import belarus_ip_report.chapters as chapters
from belarus_ip_report.chapters import rastercache
from belarus_ip_report.foundation import paths
from belarus_ip_report.publishing import publish as publishing
from belarus_ip_report.publishing.cache import (
    BuildCache,
    UnreadableNotebook,
    analysis_files,
    digest_files,
    hashes,
    notebook_key,
    notebook_paths,
    report_key,
    report_writes,
)
from belarus_ip_report.publishing.failures import (
    BuildFailed,
    BuildInterrupted,
    describe_os_error,
)
from belarus_ip_report.publishing.preflight import (
    expected_outputs,
    notebook_problem,
    notebook_set_problems,
    output_place_problems,
)
from belarus_ip_report.publishing.publish import (
    OUTPUT_FILES,
    OUTPUT_FOLDERS,
    not_an_output,
    publish,
)

LOCK_FILE = paths.BUILD_CACHE / "build.lock"
STAGE = paths.BUILD_CACHE / "stage"

__all__ = ["OUTPUT_FILES", "OUTPUT_FOLDERS", "BuildFailed", "BuildInterrupted", "build", "main"]


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

    def left_out(_folder: str, names: list[str]) -> set[str]:
        return {name for name in names if not_an_output(name)}

    for folder in OUTPUT_FOLDERS:
        source = paths.PROJECT_ROOT / folder
        if source.exists():
            shutil.copytree(source, STAGE / folder, ignore=left_out)
        else:
            (STAGE / folder).mkdir(parents=True)
    for file in OUTPUT_FILES:
        if (paths.PROJECT_ROOT / file).is_file():
            shutil.copy2(paths.PROJECT_ROOT / file, STAGE / file)
    return STAGE


def start() -> None:
    """What every build does first, inside the lock: roll back a publish a killed build left
    half done, remove the temporary files killed runs left, and check the notebook set."""
    note = publishing.recover()
    if note:
        print(f"  {note}", flush=True)
    publishing.remove_stray_temporaries()
    problems = notebook_set_problems(paths.PROJECT_ROOT)
    if problems:
        raise BuildFailed("\n".join(problems))


# --- the run ----------------------------------------------------------------------------------


def build(*, force: bool = False) -> str:
    with exclusive_lock():
        try:
            return _build_locked(force=force)
        finally:  # inside the lock: a build waiting for it may use the stage next
            shutil.rmtree(STAGE, ignore_errors=True)


def _build_locked(*, force: bool) -> str:
    start()
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
        try:
            keys = {nb: notebook_key(nb, analysis, where) for nb in group}
        except UnreadableNotebook as error:
            raise BuildFailed(notebook_problem(error.notebook) or str(error)) from None
        return {nb: key for nb, key in keys.items() if not cache.fresh(nb.stem, key, where)}

    if (not force and not stale(cleaning, root) and not stale(others, root)
            and cache.fresh("report", report_key(root), root)):
        return "Up to date: nothing changed since the last build"

    recorded = [name for entry in timings.entries.values() for name in entry["outputs"]]
    problems = output_place_problems(root, expected_outputs(root, recorded))
    if problems:
        raise BuildFailed("\n".join(problems))
    stage = prepare_stage()
    staged_cleaning = [stage / "notebooks" / nb.name for nb in cleaning]
    staged_others = [stage / "notebooks" / nb.name for nb in others]
    cleaning_todo = stale(staged_cleaning, stage)
    # Before the cleaning has run, any chapter may turn out stale: all of them start a kernel.
    candidates = staged_others if cleaning_todo else list(stale(staged_others, stage))
    executed: list[str] = []
    if cleaning_todo or candidates:
        candidates.sort(key=lambda nb: -timings.seconds(nb.stem))  # the longest first
        from belarus_ip_report.publishing.workers import run_notebooks

        executed = run_notebooks(cleaning_todo, candidates, stage,
                                 lambda: stale(staged_others, stage), cache)
    report = report_key(stage)
    exported = force or not cache.fresh("report", report, stage)
    if exported:
        print("  exporting report/index.html", flush=True)
        export_in(stage)
    cache.record("report", report, hashes(report_writes(stage), stage))
    check_pages_in(stage)
    # Saved first: if the publish fails, the recorded outputs differ from those in place, and
    # the next build runs again what made them.
    cache.save()
    changed = publish(stage)
    with contextlib.suppress(OSError):  # a cache of rasters: what is left is pruned next time
        rastercache.prune(paths.RASTER_CACHE, paths.FIGURES)
    ran = f"executed {len(executed)} notebook(s)" if executed else "executed no notebook"
    return (f"Built: {ran}, {'exported' if exported else 'kept'} report/index.html; "
            f"{len(changed)} file(s) published")


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


def check_pages_in(stage: Path) -> None:
    """The staged pages keep their promises (`checks.check_page`), or nothing is published."""
    from belarus_ip_report.publishing.checks import ReportError, check_staged_pages

    try:
        check_staged_pages(stage)
    except ReportError as error:
        raise BuildFailed(f"{error}; fix the notebook, the template or the data it comes "
                          "from, then build again") from None


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
    except (BuildFailed, OSError) as failure:
        # An error of the system (a full disk, a file-size limit) before the publish, or in it
        # (which then put every file back): the outputs are those of the previous build.
        shown = describe_os_error(failure) if isinstance(failure, OSError) else failure
        print(f"Build stopped: {shown}", file=sys.stderr)
        print("Nothing was published: the outputs of the previous build are unchanged.",
              file=sys.stderr)
        return 1
    except BuildInterrupted as interrupt:
        from belarus_ip_report.publishing.workers import end_children

        end_children()
        if publishing.completed is not None:
            print(f"Build interrupted ({interrupt.signal_name}) after it published its "
                  f"{len(publishing.completed)} file(s): every worker and kernel ended.",
                  file=sys.stderr)
        else:
            print(f"Build interrupted ({interrupt.signal_name}): every worker and kernel "
                  "ended, nothing was published; the outputs of the previous build are "
                  "unchanged.", file=sys.stderr)
        return 130 if interrupt.signal_name == "SIGINT" else 143
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    print(f"{summary} in {time.monotonic() - started:.1f} s")
    return 0
